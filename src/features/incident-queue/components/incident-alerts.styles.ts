import { makeStyles, tokens } from '@fluentui/react-components';

export const useIncidentAlertsStyles = makeStyles({
  table: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Layout widths: a severity badge, "In progress", the longest source name, a date.
  selectCell: { width: '44px' },
  // The name takes what the others leave.
  title: {},
  severity: { width: '120px' },
  status: { width: '110px' },
  serviceSource: { width: '290px' },
  createdDateTime: { width: '190px' },
  cell: { whiteSpace: 'nowrap' },
  empty: {
    color: tokens.colorNeutralForeground3,
    paddingBlock: tokens.spacingVerticalS,
  },
});
