import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useManageFormStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingBlock: tokens.spacingVerticalS,
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  divided: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalL,
  },
  grow: { flexGrow: 1, minWidth: 0 },
  assignRow: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  assignMe: { flexShrink: 0 },
  principal: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  principalText: {
    display: 'flex',
    flexDirection: 'column',
  },
  secondary: {
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground3,
  },
  noMatch: {
    ...typographyStyles.body1,
    color: tokens.colorNeutralForeground3,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  tagInput: { minWidth: '120px' },
  resolve: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});
