import { makeStyles, tokens } from '@fluentui/react-components';

export const useAlertDetailsPanelStyles = makeStyles({
  title: { overflowWrap: 'anywhere' },
  loading: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
  },
});
