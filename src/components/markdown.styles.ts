import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/** Typography of rendered comment markdown: compact, like a comment thread, never page-sized. */
export const useMarkdownStyles = makeStyles({
  root: {
    ...typographyStyles.body1,
    color: tokens.colorNeutralForeground1,
    overflowWrap: 'anywhere',
    '& > :first-child': { marginTop: 0 },
    '& > :last-child': { marginBottom: 0 },
    '& p': { marginTop: 0, marginBottom: tokens.spacingVerticalS },
    '& ul, & ol': {
      marginTop: 0,
      marginBottom: tokens.spacingVerticalS,
      paddingInlineStart: tokens.spacingHorizontalXXL,
    },
    '& li + li': { marginTop: tokens.spacingVerticalXXS },
    '& h1, & h2, & h3, & h4, & h5, & h6': {
      ...typographyStyles.subtitle2,
      marginTop: tokens.spacingVerticalS,
      marginBottom: tokens.spacingVerticalXS,
    },
    '& a': {
      color: tokens.colorBrandForegroundLink,
      textDecorationLine: 'underline',
      ':hover': { color: tokens.colorBrandForegroundLinkHover },
    },
    '& img': {
      display: 'block',
      maxWidth: '100%',
      // Screenshots pasted as links stay a thumbnail; no token for image sizes.
      maxHeight: '320px',
      marginBlock: tokens.spacingVerticalXS,
      borderRadius: tokens.borderRadiusMedium,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    '& code': {
      fontFamily: tokens.fontFamilyMonospace,
      fontSize: tokens.fontSizeBase200,
      paddingInline: tokens.spacingHorizontalXXS,
      borderRadius: tokens.borderRadiusSmall,
      backgroundColor: tokens.colorNeutralBackground3,
    },
    '& pre': {
      marginTop: 0,
      marginBottom: tokens.spacingVerticalS,
      padding: tokens.spacingHorizontalS,
      overflowX: 'auto',
      borderRadius: tokens.borderRadiusMedium,
      backgroundColor: tokens.colorNeutralBackground3,
    },
    '& pre code': { padding: 0, backgroundColor: 'transparent' },
    '& blockquote': {
      marginInline: 0,
      marginTop: 0,
      marginBottom: tokens.spacingVerticalS,
      paddingInlineStart: tokens.spacingHorizontalM,
      borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
      color: tokens.colorNeutralForeground2,
    },
    '& hr': {
      border: 'none',
      borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  /** Before the renderer has loaded: the text as typed. */
  plain: { whiteSpace: 'pre-wrap' },
});
