import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useFiltersPaneStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingBlockEnd: tokens.spacingVerticalL,
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    paddingBlockStart: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  sectionTitle: {
    ...typographyStyles.subtitle2,
    margin: 0,
    marginBlockEnd: tokens.spacingVerticalXS,
  },
  values: {
    display: 'flex',
    flexDirection: 'column',
    paddingInlineStart: tokens.spacingHorizontalL,
  },
  error: {
    ...typographyStyles.caption1,
    color: tokens.colorPaletteRedForeground1,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  hint: {
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground3,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  footer: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBlockStart: tokens.spacingVerticalM,
  },
  applied: {
    ...typographyStyles.body1,
    color: tokens.colorNeutralForeground3,
  },
});
