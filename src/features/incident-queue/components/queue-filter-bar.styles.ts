import { makeStyles, tokens } from '@fluentui/react-components';

export const useQueueFilterBarStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  search: {
    // Fits "Search for name or ID" and an incident name's first words; no token for it.
    width: '280px',
    maxWidth: '100%',
  },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minHeight: '32px',
  },
  tagGroup: { flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS },
});
