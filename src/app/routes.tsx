import type { QueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, type RouteObject } from 'react-router';
import { LazyNotFoundRoute, LazyRouteErrorBoundary } from './routes/lazy-routes';
import {
  alertsQueueLoader,
  incidentPageLoader,
  incidentQueueLoader,
  investigationLoader,
  revalidateAlertsQueue,
  revalidateIncidentOnOpen,
  revalidateIncidentQueue,
} from './routes/loaders';
import { StartupFallback } from './routes/startup-fallback';
import { AppShell } from './shell/app-shell';

/** `/incidents/:id` opens the Overview tab, keeping the query (e.g. an open alert panel). */
function ToOverview() {
  const { search } = useLocation();
  return <Navigate replace to={{ pathname: 'overview', search }} />;
}

/**
 * The console's routes (ARCHITECTURE.md §7), for a browser router or a test's memory router.
 * Each screen is its own chunk (`lazy`), so the first load carries only the shell and the
 * screen the analyst opened; its loader fetches the screen's first data at the same time.
 */
export function createAppRoutes({ queryClient }: { queryClient: QueryClient }): RouteObject[] {
  return [
    {
      path: '/',
      element: <AppShell />,
      errorElement: <LazyRouteErrorBoundary />,
      hydrateFallbackElement: <StartupFallback />,
      children: [
        { index: true, element: <Navigate replace to="/incidents" /> },
        {
          path: 'incidents',
          loader: incidentQueueLoader(queryClient),
          shouldRevalidate: revalidateIncidentQueue,
          lazy: async () => ({
            Component: (await import('./routes/incident-queue-route')).IncidentQueueRoute,
          }),
        },
        { path: 'incidents/:id', element: <ToOverview /> },
        {
          path: 'incidents/:id/investigate',
          loader: investigationLoader(queryClient),
          shouldRevalidate: revalidateIncidentOnOpen,
          lazy: async () => ({
            Component: (await import('./routes/investigation-route')).InvestigationRoute,
          }),
        },
        {
          path: 'incidents/:id/:tab',
          loader: incidentPageLoader(queryClient),
          shouldRevalidate: revalidateIncidentOnOpen,
          lazy: async () => ({
            Component: (await import('./routes/incident-page-route')).IncidentPageRoute,
          }),
        },
        {
          path: 'alerts',
          loader: alertsQueueLoader(queryClient),
          shouldRevalidate: revalidateAlertsQueue,
          lazy: async () => ({
            Component: (await import('./routes/alerts-queue-route')).AlertsQueueRoute,
          }),
        },
        { path: '*', element: <LazyNotFoundRoute /> },
      ],
    },
  ];
}
