import { makeStyles, tokens } from '@fluentui/react-components';

export const useIncidentActionsMenuStyles = makeStyles({
  root: {
    display: 'flex',
    flexShrink: 0,
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
});
