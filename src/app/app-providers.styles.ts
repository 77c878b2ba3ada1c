import { makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';

export const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
});

export const useAppProvidersStyles = makeStyles({
  // Only on the inner surface: FluentProvider passes its className to every portal
  // (applyStylesToPortals), and a full-height background there would cover the page.
  surface: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  light: { colorScheme: 'light' },
  dark: { colorScheme: 'dark' },
});
