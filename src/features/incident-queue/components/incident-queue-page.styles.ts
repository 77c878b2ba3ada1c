import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useIncidentQueuePageStyles = makeStyles({
  // The queue, and the incident side pane beside it when open.
  layout: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalL,
  },
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    flexGrow: 1,
    flexBasis: 0,
    minWidth: 0,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalM,
  },
  title: {
    ...typographyStyles.title3,
    margin: 0,
  },
  count: {
    ...typographyStyles.body1,
    color: tokens.colorNeutralForeground3,
  },
  spacer: { flexGrow: 1 },
  surface: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  progress: {
    // Reserves the bar's height so rows do not jump when a page starts or stops loading.
    height: tokens.strokeWidthThick,
  },
  scroller: {
    overflowX: 'auto',
    minWidth: 0,
  },
  pagination: {
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  message: { padding: tokens.spacingHorizontalL },
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalXXXL,
    color: tokens.colorNeutralForeground2,
  },
  emptyIcon: { fontSize: '48px', color: tokens.colorNeutralForeground3 },
  emptyActions: { display: 'flex', gap: tokens.spacingHorizontalS },
  emptyTitle: { ...typographyStyles.subtitle2 },
  skeleton: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
  },
  skeletonRow: {
    display: 'grid',
    gridTemplateColumns: '20px 20px 5fr 1fr 1fr 1fr 2fr 2fr 2fr',
    gap: tokens.spacingHorizontalL,
    alignItems: 'center',
  },
});
