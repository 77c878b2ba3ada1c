import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useRelationDialogStyles = makeStyles({
  // Room for three actions with long names on one line (no token for a dialog's width).
  surface: { maxWidth: '680px' },
  action: { whiteSpace: 'nowrap' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  text: { ...typographyStyles.body1, margin: 0, overflowWrap: 'anywhere' },
  incidents: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  choices: {
    ...typographyStyles.body1,
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});
