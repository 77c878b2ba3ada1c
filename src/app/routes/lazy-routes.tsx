import { lazy, Suspense } from 'react';

// Rarely shown pages, so their own chunks (the error page's MessageBar, the not-found page's Link).
const RouteErrorBoundaryPage = lazy(async () => ({
  default: (await import('./route-error-boundary')).RouteErrorBoundary,
}));
const NotFoundPage = lazy(async () => ({
  default: (await import('./not-found-route')).NotFoundRoute,
}));

/** RouteErrorBoundary, loaded when a page crashes. */
export function LazyRouteErrorBoundary() {
  return (
    <Suspense fallback={null}>
      <RouteErrorBoundaryPage />
    </Suspense>
  );
}

/** NotFoundRoute, loaded for a path the console does not have. */
export function LazyNotFoundRoute() {
  return (
    <Suspense fallback={null}>
      <NotFoundPage />
    </Suspense>
  );
}
