import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * Column widths have no tokens: they are layout sizes, chosen so that Defender's usual values
 * (names, UPNs, dates in the analyst's locale) fit without wrapping.
 */
const BASIS = {
  select: 44,
  expand: 44,
  displayName: 300,
  id: 96,
  severity: 110,
  status: 120,
  tags: 170,
  assignedTo: 190,
  classification: 170,
  determination: 190,
  alertCount: 80,
  sources: 230,
  firstActivity: 170,
  lastActivity: 170,
  lastUpdateDateTime: 170,
} as const;

const column = (name: keyof typeof BASIS, grow = 0) => ({
  // The basis includes the cell's padding, so the grid's minimum width is the bases' sum.
  boxSizing: 'border-box' as const,
  flexGrow: grow,
  flexShrink: 0,
  flexBasis: `${BASIS[name]}px`,
  minWidth: `${BASIS[name]}px`,
});

/** Below the sum of the column bases the columns would squeeze: the surface scrolls instead. */
const GRID_MIN_WIDTH = `${Object.values(BASIS).reduce((sum, width) => sum + width, 0)}px`;

export const useIncidentGridStyles = makeStyles({
  grid: { minWidth: GRID_MIN_WIDTH },
  select: column('select'),
  expand: column('expand'),
  displayName: column('displayName', 3),
  id: column('id'),
  severity: column('severity'),
  status: column('status'),
  tags: column('tags', 1),
  assignedTo: column('assignedTo', 1),
  classification: column('classification'),
  determination: column('determination'),
  alertCount: column('alertCount'),
  sources: column('sources', 1),
  firstActivity: column('firstActivity'),
  lastActivity: column('lastActivity'),
  lastUpdateDateTime: column('lastUpdateDateTime'),
  numeric: { justifyContent: 'flex-end', paddingInlineEnd: tokens.spacingHorizontalL },
  text: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    minWidth: 0,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  tagList: {
    display: 'flex',
    flexWrap: 'nowrap',
    gap: tokens.spacingHorizontalXS,
    overflow: 'hidden',
    minWidth: 0,
  },
  tag: { flexShrink: 0, maxWidth: '160px' },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  expandedRow: {
    // The row above keeps its bottom border; the alerts read as part of it.
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  expandedCell: {
    display: 'block',
    paddingBlock: tokens.spacingVerticalS,
    paddingInlineStart: '88px',
    paddingInlineEnd: tokens.spacingHorizontalL,
  },
  expandedContent: {
    // Stays in view while the wide grid scrolls sideways.
    position: 'sticky',
    left: '88px',
    maxWidth: '1180px',
  },
  /** A row a merge is running on: dimmed, as it cannot be changed until the merge ends. */
  mergingRow: { backgroundColor: tokens.colorNeutralBackground1Selected },
  merging: { whiteSpace: 'nowrap' },
});
