import { makeStyles, tokens } from '@fluentui/react-components';

const ellipsis = {
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
} as const;

/** Column widths are layout sizes with no token: chosen so a 1440 px screen shows the key columns. */
export const useAlertsGridStyles = makeStyles({
  grid: {
    // Below this the twelve columns stop being readable; the surface scrolls sideways instead.
    minWidth: '1760px',
  },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  titleCell: { flexGrow: 0, flexShrink: 0, flexBasis: '300px', minWidth: 0 },
  idCell: { flexGrow: 0, flexShrink: 0, flexBasis: '256px', minWidth: 0 },
  badgeCell: { flexGrow: 0, flexShrink: 0, flexBasis: '116px' },
  statusCell: { flexGrow: 0, flexShrink: 0, flexBasis: '108px' },
  categoryCell: { flexGrow: 0, flexShrink: 0, flexBasis: '148px', minWidth: 0 },
  sourceCell: { flexGrow: 1, flexShrink: 0, flexBasis: '200px', minWidth: 0 },
  incidentCell: { flexGrow: 0, flexShrink: 0, flexBasis: '96px' },
  assignedCell: { flexGrow: 1, flexShrink: 0, flexBasis: '176px', minWidth: 0 },
  dateCell: { flexGrow: 0, flexShrink: 0, flexBasis: '156px' },
  title: {
    ...ellipsis,
    display: 'block',
    maxWidth: '100%',
    textAlign: 'start',
  },
  mono: {
    ...ellipsis,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  ellipsis,
  muted: { color: tokens.colorNeutralForeground3 },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});
