import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

const fixed = (basis: string) => ({ flexGrow: 0, flexShrink: 0, flexBasis: basis });
const FIXED = {
  severity: fixed('108px'),
  status: fixed('104px'),
  incident: fixed('150px'),
  date: fixed('132px'),
};
const TEXT = { flexGrow: 1, flexBasis: '140px', minWidth: 0 } as const;

export const useIncidentAlertsStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minHeight: '32px',
  },
  count: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2 },
  selected: { ...typographyStyles.body1Strong },
  surface: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    overflowX: 'auto',
  },
  grid: {
    // No token for layout widths: below this the nine columns stop being readable.
    minWidth: '1390px',
  },
  // Fixed widths for what has a known size (badges, dates); the text columns share the rest.
  title: { flexGrow: 2, flexBasis: '280px', minWidth: 0 },
  severity: FIXED.severity,
  status: FIXED.status,
  incidentId: FIXED.incident,
  serviceSource: TEXT,
  detectionSource: TEXT,
  category: TEXT,
  createdDateTime: FIXED.date,
  firstActivityDateTime: FIXED.date,
  lastActivityDateTime: FIXED.date,
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalXXXL,
    color: tokens.colorNeutralForeground2,
  },
  emptyTitle: { ...typographyStyles.subtitle2 },
});
