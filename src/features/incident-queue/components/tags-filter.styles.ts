import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useTagsFilterStyles = makeStyles({
  surface: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    width: '320px',
  },
  add: {
    display: 'flex',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
  },
  field: { flexGrow: 1, minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  known: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '240px',
    overflowY: 'auto',
  },
  knownTitle: {
    ...typographyStyles.caption1Strong,
    color: tokens.colorNeutralForeground3,
  },
  hint: {
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground3,
  },
});
