import { makeStyles } from '@fluentui/react-components';

const width = (basis: string, grow = 0) => ({ flexGrow: grow, flexShrink: 0, flexBasis: basis });

/** Column widths are layout sizes with no token: chosen so a 1440 px screen shows the key columns. */
export const useAlertsGridStyles = makeStyles({
  grid: {
    // Below this the twelve columns stop being readable; the surface scrolls sideways instead.
    minWidth: '1760px',
  },
  title: { ...width('300px'), minWidth: 0 },
  id: { ...width('256px'), minWidth: 0 },
  severity: width('116px'),
  status: width('108px'),
  category: { ...width('148px'), minWidth: 0 },
  serviceSource: { ...width('200px', 1), minWidth: 0 },
  detectionSource: { ...width('200px', 1), minWidth: 0 },
  incidentId: width('96px'),
  assignedTo: { ...width('176px', 1), minWidth: 0 },
  firstActivityDateTime: width('156px'),
  lastActivityDateTime: width('156px'),
  createdDateTime: width('156px'),
});
