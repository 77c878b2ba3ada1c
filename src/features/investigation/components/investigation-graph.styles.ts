import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useInvestigationGraphStyles = makeStyles({
  root: {
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minHeight: 0,
    flexGrow: 1,
  },
  controls: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  frame: {
    position: 'relative',
    flexGrow: 1,
    minHeight: '480px',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
  },
  canvas: {
    position: 'absolute',
    inset: 0,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
  },
  // Until the first layout is in, the nodes sit in a heap: the canvas draws them unseen.
  laying: { opacity: 0 },
  // The active node's menu, beside it (seed 004: "a menu pops out to its side").
  menu: {
    position: 'absolute',
    zIndex: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    maxWidth: '320px',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
  },
  menuTitle: {
    ...typographyStyles.caption1Strong,
    margin: 0,
    overflowWrap: 'anywhere',
  },
  hidden: { display: 'none' },
  help: { ...typographyStyles.caption1, margin: 0, color: tokens.colorNeutralForeground3 },
});
