import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useMoveAlertsFlyoutStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalL,
  },
  intro: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, margin: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sectionTitle: { ...typographyStyles.subtitle2, margin: 0 },
  destination: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingInlineStart: tokens.spacingHorizontalXXL,
    // The radio group lines its items up at the start; this block takes the whole width.
    alignSelf: 'stretch',
    // The type-ahead takes the panel's width, like the other fields.
    '& .fui-Combobox': { width: '100%' },
  },
  newIncidentNote: {
    ...typographyStyles.body1,
    color: tokens.colorNeutralForeground2,
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
  },
  noteIcon: { flexShrink: 0, marginTop: '2px', color: tokens.colorBrandForeground1 },
  chosen: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground2,
  },
  footer: { flexDirection: 'column', alignItems: 'stretch', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  title: { overflowWrap: 'anywhere' },
});

export const useMovingAlertsListStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: '240px',
    overflowY: 'auto',
  },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    ':not(:last-child)': {
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  icon: { color: tokens.colorNeutralForeground3, fontSize: '20px', gridRow: 'span 2' },
  title: {
    ...typographyStyles.body1Strong,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  badge: { gridColumnStart: 3, gridRow: '1 / span 2' },
  origin: {
    ...typographyStyles.caption1,
    gridColumnStart: 2,
    color: tokens.colorNeutralForeground2,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export const useMoveChecksStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    ...typographyStyles.body1,
  },
  passed: { color: tokens.colorPaletteGreenForeground1, fontSize: '16px', marginTop: '2px' },
  failed: { color: tokens.colorPaletteRedForeground1, fontSize: '16px', marginTop: '2px' },
  problem: {
    gridColumnStart: 2,
    ...typographyStyles.caption1,
    color: tokens.colorPaletteRedForeground1,
  },
});
