import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useQueuePaginationStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  range: {
    ...typographyStyles.body1,
    color: tokens.colorNeutralForeground2,
  },
  buttons: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  page: {
    ...typographyStyles.body1,
    paddingInline: tokens.spacingHorizontalS,
    whiteSpace: 'nowrap',
  },
});
