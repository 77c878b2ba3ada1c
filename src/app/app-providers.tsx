import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { useAppProvidersStyles, useGlobalStyles } from './app-providers.styles';
import { preloadable } from './preloadable';
import { useThemeMode } from './theme-store';

// The toaster (and Fluent's toast machinery) is its own chunk, fetched as soon as the app boots:
// nothing is announced before the first action. If the chunk fails to load there are no toasts.
const appToaster = preloadable(() =>
  import('./app-toaster').then(
    (m) => m.AppToaster,
    () => () => null,
  ),
);
appToaster.preload();

/** Server cache, Fluent theme (light/dark) and the app's toaster around everything. */
export function AppProviders({
  children,
  queryClient,
}: {
  children: ReactNode;
  queryClient: QueryClient;
}) {
  useGlobalStyles();
  const styles = useAppProvidersStyles();
  const mode = useThemeMode();
  return (
    <QueryClientProvider client={queryClient}>
      <FluentProvider
        className={mode === 'dark' ? styles.dark : styles.light}
        theme={mode === 'dark' ? webDarkTheme : webLightTheme}
      >
        <div className={styles.surface}>{children}</div>
        <Suspense fallback={null}>
          <appToaster.Component />
        </Suspense>
      </FluentProvider>
    </QueryClientProvider>
  );
}
