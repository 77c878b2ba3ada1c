import { makeStyles, tokens } from '@fluentui/react-components';

export const useIncidentPickerStyles = makeStyles({
  /** A match that cannot be chosen: its name, and why under it. */
  ineligible: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  reason: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
});
