import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useQueueShortcutsStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%' },
  key: {
    ...typographyStyles.body1Strong,
    paddingBlock: tokens.spacingVerticalXS,
    paddingInlineEnd: tokens.spacingHorizontalL,
    textAlign: 'start',
    whiteSpace: 'nowrap',
    verticalAlign: 'top',
  },
  kbd: {
    fontFamily: tokens.fontFamilyMonospace,
    paddingInline: tokens.spacingHorizontalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  what: { paddingBlock: tokens.spacingVerticalXS },
});
