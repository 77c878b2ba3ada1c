import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useActivityLogActionStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    // The log's cards cast a shadow: room for it inside the scrolling body.
    paddingBottom: tokens.spacingVerticalL,
  },
  incident: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
  },
  name: { ...typographyStyles.body1Strong, overflowWrap: 'anywhere' },
  id: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
});
