import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const usePaginationStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  range: {
    ...typographyStyles.body1,
    color: tokens.colorNeutralForeground2,
  },
  buttons: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  page: {
    ...typographyStyles.body1,
    paddingInline: tokens.spacingHorizontalS,
    whiteSpace: 'nowrap',
  },
});
