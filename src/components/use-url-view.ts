import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { UrlView } from './url-view';

export type UrlViewUpdate<V> = (
  change: (view: V) => V,
  options?: {
    /** Replace the history entry instead of adding one (corrections, not analyst choices). */
    replace?: boolean;
  },
) => void;

/**
 * A view read from the URL, and the way to change it. Analyst changes push a history entry, so
 * back/forward move between views. A URL with unknown or malformed values never gets here: the
 * route's loader rewrites it to what is shown first (src/app/routes/loaders.ts).
 */
export function useUrlView<V>(definition: UrlView<V>): { view: V; update: UrlViewUpdate<V> } {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => definition.parse(searchParams), [definition, searchParams]);

  const update = useCallback<UrlViewUpdate<V>>(
    (change, options) =>
      setSearchParams(
        (previous) => definition.write(previous, change(definition.parse(previous))),
        {
          replace: options?.replace ?? false,
          // An analyst's change renders at once rather than as a transition: React renders a
          // transition in slices of ~5 ms and lets the browser draw between them, which put off
          // the frame showing the new rows (the grid's 50 rows are one update either way). The
          // median sort and search came ~20 ms sooner (README, Speed: "The queue's clicks").
          // Corrections (`replace`) may come from an effect, where React cannot flush at once;
          // they keep the router's transition.
          flushSync: !(options?.replace ?? false),
        },
      ),
    [definition, setSearchParams],
  );

  return { view, update };
}
