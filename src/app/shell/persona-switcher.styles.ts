import { makeStyles, tokens } from '@fluentui/react-components';

export const usePersonaSwitcherStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  label: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  dropdown: {
    // Wide enough for the longest persona name; no token for control widths.
    minWidth: '180px',
  },
  listbox: {
    // Room for "Security Operator · Microsoft Defender for Endpoint only" on two lines at most.
    minWidth: '260px',
  },
  option: {
    display: 'flex',
    flexDirection: 'column',
  },
  role: { color: tokens.colorNeutralForeground3 },
});

/** The stand-in shown while the dropdown's chunk loads: the dropdown's size, disabled. */
export const usePersonaPlaceholderStyles = makeStyles({
  button: {
    minWidth: '180px',
    justifyContent: 'space-between',
    fontWeight: tokens.fontWeightRegular,
  },
});
