import { makeStyles, tokens } from '@fluentui/react-components';

const ellipsis = {
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
} as const;

export const useAlertColumnsStyles = makeStyles({
  // Stays on screen while the grid scrolls inside a surface of limited height.
  stickyHeader: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // At least 24 px high: a target WCAG 2.2 (2.5.8) accepts, though the title is one text line.
  title: {
    ...ellipsis,
    display: 'inline-block',
    maxWidth: '100%',
    minHeight: '24px',
    lineHeight: '24px',
    verticalAlign: 'middle',
    textAlign: 'start',
  },
  oneLine: ellipsis,
  // Long names ("Microsoft Defender for Cloud Apps"): two lines, then an ellipsis.
  twoLines: {
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    WebkitLineClamp: 2,
    overflow: 'hidden',
  },
  // Where rows are made for two lines, the padding keeps them off the row's borders.
  roomy: { paddingBlock: tokens.spacingVerticalXS },
  mono: {
    ...ellipsis,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  related: {
    display: 'inline-flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
});
