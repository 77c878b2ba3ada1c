import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useQueueToolbarStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  toolbar: { flexWrap: 'wrap' },
  spacer: { flexGrow: 1 },
  selection: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  count: {
    ...typographyStyles.body1Strong,
    whiteSpace: 'nowrap',
  },
  alertCount: {
    ...typographyStyles.body1,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'nowrap',
  },
});
