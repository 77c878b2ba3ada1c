import type { QueryClient } from '@tanstack/react-query';
import type { ComponentProps } from 'react';
import { flushSync } from 'react-dom';
import { RouterProvider } from 'react-router';
import { AppProviders } from './app-providers';

export type AppRouter = ComponentProps<typeof RouterProvider>['router'];

/**
 * ReactDOM's `flushSync`, as react-router/dom's provider passes it: a navigation may ask to render
 * at once rather than as a transition (src/components/use-url-view.ts).
 */
const flushRouterUpdate = (update: () => unknown): undefined => {
  flushSync(update);
};

/** The whole console: providers around a data router built from `createAppRoutes`. */
export function App({ queryClient, router }: { queryClient: QueryClient; router: AppRouter }) {
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider flushSync={flushRouterUpdate} router={router} />
    </AppProviders>
  );
}
