import { lazy, useState, type ComponentType } from 'react';

/**
 * A component from its own chunk (kept out of the first page load) that can be fetched ahead of
 * need with `preload()`. Once the chunk is in, new instances render it at once (no Suspense
 * fallback flash); before that they suspend like `React.lazy`, so wrap them in `<Suspense>`.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined; // let a later render try again
        throw error;
      },
    );
    return pending;
  };
  const Lazy = lazy(async () => ({ default: await preload() }));

  function Preloadable(props: P) {
    // Chosen once per instance, so it never remounts when the chunk arrives.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Component {...props} />;
  }

  return {
    Component: Preloadable,
    /** Starts fetching the chunk (idempotent); failures are left to the render to report. */
    preload: () => {
      preload().catch(() => {});
    },
  };
}
