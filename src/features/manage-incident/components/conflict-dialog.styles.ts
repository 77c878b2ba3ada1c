import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useConflictDialogStyles = makeStyles({
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  text: { ...typographyStyles.body1, margin: 0 },
  field: { fontWeight: tokens.fontWeightSemibold },
});
