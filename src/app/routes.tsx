import { Navigate, type RouteObject } from 'react-router';
import { IncidentsList } from '@/features/incidents-list/components/incidents-list';
import { IncidentRoute } from './routes/incident-route';
import { NotFoundRoute } from './routes/not-found-route';
import { RouteErrorBoundary } from './routes/route-error-boundary';
import { AppShell } from './shell/app-shell';
import type { StartupNotice } from './startup-notice';

/** The console's routes (ARCHITECTURE.md §7), for a browser router or a test's memory router. */
export function createAppRoutes({ notice }: { notice?: StartupNotice } = {}): RouteObject[] {
  return [
    {
      path: '/',
      element: <AppShell notice={notice} />,
      errorElement: <RouteErrorBoundary />,
      children: [
        { index: true, element: <Navigate replace to="/incidents" /> },
        { path: 'incidents', element: <IncidentsList /> },
        { path: 'incidents/:id', element: <IncidentRoute /> },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ];
}
