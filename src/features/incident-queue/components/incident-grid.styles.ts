import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * Column widths have no tokens: they are layout sizes, chosen so that Defender's usual values
 * (names, UPNs, dates in the analyst's locale) fit without wrapping.
 */
export const COLUMN_BASIS = {
  select: 44,
  expand: 44,
  displayName: 300,
  id: 96,
  // "Informational", the widest severity badge, fits with the cell's padding.
  severity: 136,
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
  menu: 48,
} as const;

const column = (name: keyof typeof COLUMN_BASIS, grow = 0) => ({
  // The basis includes the cell's padding, so the grid's minimum width is the bases' sum.
  boxSizing: 'border-box' as const,
  flexGrow: grow,
  flexShrink: 0,
  flexBasis: `${COLUMN_BASIS[name]}px`,
  minWidth: `${COLUMN_BASIS[name]}px`,
});

/** Below the sum of the column bases the columns would squeeze: the surface scrolls instead. */
const GRID_MIN_WIDTH = `${Object.values(COLUMN_BASIS).reduce((sum, width) => sum + width, 0)}px`;

export const useIncidentGridStyles = makeStyles({
  grid: { minWidth: GRID_MIN_WIDTH },
  select: column('select'),
  expand: column('expand'),
  menu: column('menu'),
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
  // The name link sits on the row's hover and selected backgrounds too: the link colour meant for
  // the page's background falls under 4.5:1 there in the dark theme.
  nameLink: {
    color: tokens.colorBrandForeground2,
    ':hover': { color: tokens.colorBrandForeground2Hover },
    ':active': { color: tokens.colorBrandForeground2Pressed },
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
  // A click anywhere but on a row's controls opens the incident's side pane.
  // Rows scrolled out of view are neither laid out nor painted when a sort or a filter changes
  // what they show; a row is one line, so its height is known without laying it out.
  row: {
    cursor: 'pointer',
    contentVisibility: 'auto',
    containIntrinsicBlockSize: 'auto 44px',
  },
  /** A place past the end of a shorter page (Fluent's row display overrides `hidden`). */
  hiddenRow: { display: 'none' },
  /** The row whose side pane is open. */
  // A bar at its start, not a background: the name link keeps its contrast in both themes.
  paneRow: { boxShadow: `inset ${tokens.strokeWidthThickest} 0 0 ${tokens.colorBrandStroke1}` },
  /** A row a merge is running on: dimmed, as it cannot be changed until the merge ends. */
  mergingRow: { backgroundColor: tokens.colorNeutralBackground1Selected },
  merging: { whiteSpace: 'nowrap' },
});
