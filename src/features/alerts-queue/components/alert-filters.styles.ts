import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useAlertFiltersStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  field: {
    // No token for control widths: wide enough for "Microsoft Defender for …".
    width: '184px',
  },
  dropdown: {
    minWidth: 0,
    width: '100%',
  },
  dropdownButton: {
    // Lets the text column shrink so a long source name ends in "…" before the chevron;
    // the whole text is in the button's title.
    gridTemplateColumns: '[content] minmax(0, 1fr) [icon] auto [end]',
  },
  dropdownText: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  active: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  activeLabel: {
    ...typographyStyles.caption1Strong,
    color: tokens.colorNeutralForeground2,
  },
  tags: {
    flexWrap: 'wrap',
    rowGap: tokens.spacingVerticalXS,
  },
  tagText: {
    display: 'inline-block',
    // A tag with many values stays on one line; the whole text is in its title.
    maxWidth: '420px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    verticalAlign: 'bottom',
  },
});
