import type { QueryClient } from '@tanstack/react-query';
import type { ComponentProps } from 'react';
import { RouterProvider } from 'react-router';
import { AppProviders } from './app-providers';

export type AppRouter = ComponentProps<typeof RouterProvider>['router'];

/** The whole console: providers around a data router built from `createAppRoutes`. */
export function App({ queryClient, router }: { queryClient: QueryClient; router: AppRouter }) {
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
