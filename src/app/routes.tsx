import { Navigate, useLocation, type RouteObject } from 'react-router';
import { LazyNotFoundRoute, LazyRouteErrorBoundary } from './routes/lazy-routes';
import { StartupFallback } from './routes/startup-fallback';
import { AppShell } from './shell/app-shell';
import type { StartupNotice } from './startup-notice';

/** `/incidents/:id` opens the Overview tab, keeping the query (e.g. an open alert panel). */
function ToOverview() {
  const { search } = useLocation();
  return <Navigate replace to={{ pathname: 'overview', search }} />;
}

/**
 * The console's routes (ARCHITECTURE.md §7), for a browser router or a test's memory router.
 * Each screen is its own chunk (`lazy`), so the first load carries only the shell and the
 * screen the analyst opened.
 */
export function createAppRoutes({ notice }: { notice?: StartupNotice } = {}): RouteObject[] {
  return [
    {
      path: '/',
      element: <AppShell notice={notice} />,
      errorElement: <LazyRouteErrorBoundary />,
      hydrateFallbackElement: <StartupFallback />,
      children: [
        { index: true, element: <Navigate replace to="/incidents" /> },
        {
          path: 'incidents',
          lazy: async () => ({
            Component: (await import('./routes/incident-queue-route')).IncidentQueueRoute,
          }),
        },
        { path: 'incidents/:id', element: <ToOverview /> },
        {
          path: 'incidents/:id/:tab',
          lazy: async () => ({
            Component: (await import('./routes/incident-page-route')).IncidentPageRoute,
          }),
        },
        {
          path: 'alerts',
          lazy: async () => ({
            Component: (await import('./routes/alerts-queue-route')).AlertsQueueRoute,
          }),
        },
        { path: '*', element: <LazyNotFoundRoute /> },
      ],
    },
  ];
}
