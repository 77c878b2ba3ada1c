import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useAppShellStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
  },
  topBar: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    // Fluent's header height in Microsoft 365 apps; there is no token for it.
    height: '48px',
    paddingInline: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow2,
  },
  brand: {
    ...typographyStyles.subtitle2,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    whiteSpace: 'nowrap',
  },
  brandIcon: {
    fontSize: tokens.fontSizeBase600,
    color: tokens.colorBrandForeground1,
  },
  nav: {
    display: 'flex',
    alignSelf: 'stretch',
    alignItems: 'stretch',
    gap: tokens.spacingHorizontalXS,
    marginInlineStart: tokens.spacingHorizontalXL,
  },
  // Fluent TabList's look: a text tab with a brand underline on the current one.
  navLink: {
    ...typographyStyles.body1,
    position: 'relative',
    display: 'flex',
    alignItems: 'center',
    paddingInline: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: 'none',
    borderRadius: tokens.borderRadiusMedium,
    ':hover': {
      color: tokens.colorNeutralForeground2Hover,
      backgroundColor: tokens.colorSubtleBackgroundHover,
    },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
    '::after': {
      content: '""',
      position: 'absolute',
      insetInline: tokens.spacingHorizontalM,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: 'transparent',
    },
  },
  navLinkActive: {
    ...typographyStyles.body1Strong,
    color: tokens.colorNeutralForeground1,
    '::after': { backgroundColor: tokens.colorCompoundBrandStroke },
  },
  spacer: { flexGrow: 1 },
  actions: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  notice: {
    marginInline: tokens.spacingHorizontalXL,
    marginTop: tokens.spacingVerticalM,
  },
  main: {
    flexGrow: 1,
    minWidth: 0,
    ':focus': { outlineStyle: 'none' },
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
  },
});
