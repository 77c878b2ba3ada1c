import { makeStyles, shorthands, tokens, typographyStyles } from '@fluentui/react-components';

export const useMarkdownCommentBoxStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  editor: {
    display: 'flex',
    flexDirection: 'column',
    borderRadius: tokens.borderRadiusMedium,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
    backgroundColor: tokens.colorNeutralBackground1,
    overflow: 'hidden',
    ':focus-within': shorthands.borderColor(tokens.colorCompoundBrandStroke),
  },
  editorError: {
    ...shorthands.borderColor(tokens.colorPaletteRedBorder2),
    ':focus-within': shorthands.borderColor(tokens.colorPaletteRedBorder2),
  },
  editorDisabled: shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    paddingInline: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  toolbar: { paddingBlock: tokens.spacingVerticalXXS, paddingInline: 0 },
  textarea: {
    // The editor's frame carries the border; the Textarea inside is borderless.
    ...shorthands.borderStyle('none'),
    borderRadius: 0,
    '::after': { display: 'none' },
    '& > textarea': { minHeight: '96px', maxHeight: '360px' },
  },
  preview: {
    minHeight: '96px',
    maxHeight: '360px',
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  previewEmpty: { ...typographyStyles.body1, color: tokens.colorNeutralForeground3 },
  hint: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
  },
  counter: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  counterOver: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  footer: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'flex-end',
    gap: tokens.spacingHorizontalS,
  },
  shortcut: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
});
