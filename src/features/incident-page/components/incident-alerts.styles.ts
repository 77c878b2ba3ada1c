import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useIncidentAlertsStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minHeight: '32px',
  },
  count: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2 },
  selected: { ...typographyStyles.body1Strong },
  surface: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    overflowX: 'auto',
  },
  grid: {
    // No token for layout widths: below this the nine columns stop being readable.
    minWidth: '1240px',
  },
  // Fixed widths for what has a known size (badges, dates); the text columns share the rest.
  titleCell: { flexGrow: 2, flexBasis: '280px', minWidth: 0 },
  severityCell: { flexGrow: 0, flexShrink: 0, flexBasis: '108px' },
  statusCell: { flexGrow: 0, flexShrink: 0, flexBasis: '104px' },
  sourceCell: { flexGrow: 1, flexBasis: '140px', minWidth: 0 },
  dateCell: { flexGrow: 0, flexShrink: 0, flexBasis: '132px' },
  title: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    textAlign: 'start',
  },
  // Source names are long ("Microsoft Defender for Cloud Apps"): two lines, then an ellipsis.
  wrap: {
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    WebkitLineClamp: 2,
    overflow: 'hidden',
    paddingBlock: tokens.spacingVerticalXS,
  },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalXXXL,
    color: tokens.colorNeutralForeground2,
  },
  emptyTitle: { ...typographyStyles.subtitle2 },
});
