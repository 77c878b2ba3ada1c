import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useInvestigationPageStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    // The graph takes the screen's height, below the shell's top bar.
    minHeight: 'calc(100vh - 120px)',
  },
  breadcrumb: { marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})` },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
  title: { ...typographyStyles.title3, margin: 0, overflowWrap: 'anywhere' },
  summary: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground2 },
  body: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  muted: { ...typographyStyles.caption1, margin: 0, color: tokens.colorNeutralForeground3 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sectionTitle: { ...typographyStyles.subtitle2, margin: 0 },
  cellText: { overflowWrap: 'anywhere' },
  kind: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});
