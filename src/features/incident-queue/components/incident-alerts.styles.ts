import { makeStyles, tokens } from '@fluentui/react-components';

export const useIncidentAlertsStyles = makeStyles({
  table: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Layout widths: a severity badge, "In progress", the longest source name, a date.
  selectCell: { width: '44px' },
  severityCell: { width: '120px' },
  statusCell: { width: '110px' },
  sourceCell: { width: '290px' },
  createdCell: { width: '190px' },
  nowrap: { whiteSpace: 'nowrap' },
  title: {
    textAlign: 'start',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    maxWidth: '100%',
  },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
  },
  empty: {
    color: tokens.colorNeutralForeground3,
    paddingBlock: tokens.spacingVerticalS,
  },
});
