import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useEntityPanelStyles = makeStyles({
  title: { overflowWrap: 'anywhere' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalL,
    margin: 0,
    paddingTop: tokens.spacingVerticalXS,
  },
  fact: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  term: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  definition: { ...typographyStyles.body1Strong, margin: 0 },
});
