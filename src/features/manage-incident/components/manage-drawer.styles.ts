import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useManageDrawerStyles = makeStyles({
  drawer: { width: '480px', maxWidth: '100vw' },
  subtitle: {
    ...typographyStyles.body1,
    display: 'block',
    color: tokens.colorNeutralForeground3,
    marginBlockStart: tokens.spacingVerticalXXS,
    overflowWrap: 'anywhere',
  },
  // The form spans header, body and footer without adding a box of its own.
  formContents: { display: 'contents' },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBlockStart: tokens.spacingVerticalXS,
  },
  summary: { ...typographyStyles.body1, margin: 0 },
  footer: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBlockStart: tokens.spacingVerticalM,
  },
  footerNote: {
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground3,
    alignSelf: 'center',
    marginInlineStart: 'auto',
  },
  skeleton: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingBlock: tokens.spacingVerticalS,
  },
  skeletonField: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  skeletonLabel: { width: '30%' },
  results: {
    display: 'flex',
    flexDirection: 'column',
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  result: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    ':not(:last-child)': {
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  resultIcon: { display: 'flex', paddingBlockStart: '2px' },
  succeeded: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  resultName: { ...typographyStyles.body1Strong, overflowWrap: 'anywhere' },
  resultText: {
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground2,
    gridColumnStart: 2,
    overflowWrap: 'anywhere',
  },
  resultError: { color: tokens.colorPaletteRedForeground1 },
  sectionTitle: { ...typographyStyles.subtitle2, margin: 0 },
});
