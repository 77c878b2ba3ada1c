import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useIncidentsListStyles = makeStyles({
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
  surface: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    overflowX: 'auto',
  },
  grid: {
    // No token for layout widths: below this the columns stop being readable.
    minWidth: '880px',
  },
  nameCell: { flexGrow: 4, minWidth: 0 },
  idCell: { flexGrow: 1, flexBasis: '0', maxWidth: '110px' },
  badgeCell: { flexGrow: 1, maxWidth: '140px' },
  assignedCell: { flexGrow: 2 },
  dateCell: { flexGrow: 2, maxWidth: '200px' },
  name: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  muted: { color: tokens.colorNeutralForeground3 },
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
    gridTemplateColumns: '4fr 1fr 1fr 1fr 2fr 2fr',
    gap: tokens.spacingHorizontalL,
  },
});
