import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useAlertsQueueStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  header: {
    display: 'flex',
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
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  selectionBar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    // Keeps the row's height when "N selected" appears.
    minHeight: '32px',
  },
  divider: {
    alignSelf: 'stretch',
    width: tokens.strokeWidthThin,
    marginBlock: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralStroke2,
  },
  selectedCount: {
    ...typographyStyles.body1Strong,
  },
  search: {
    // No token for control widths: long enough for the placeholder.
    width: '320px',
    maxWidth: '100%',
  },
  surface: {
    position: 'relative',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    overflow: 'hidden',
  },
  progressSlot: {
    position: 'absolute',
    insetInline: 0,
    top: 0,
    zIndex: 1,
  },
  scroller: {
    // The grid scrolls inside the page so its header, horizontal scrollbar and the page
    // buttons stay on screen: the viewport minus the shell, filters and pagination above/below.
    overflow: 'auto',
    maxHeight: 'max(320px, calc(100vh - 360px))',
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
  skeleton: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  skeletonRow: {
    display: 'grid',
    gridTemplateColumns: '24px 4fr 3fr 1fr 1fr 2fr 2fr 2fr',
    gap: tokens.spacingHorizontalL,
  },
});
