import { FluentProvider, Toaster, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useAppProvidersStyles, useGlobalStyles } from './app-providers.styles';
import { useThemeMode } from './theme-store';
import { APP_TOASTER_ID } from './toaster';

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
        <Toaster position="bottom-end" toasterId={APP_TOASTER_ID} />
      </FluentProvider>
    </QueryClientProvider>
  );
}
