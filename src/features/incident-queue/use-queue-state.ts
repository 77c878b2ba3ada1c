import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseQueueState, QUEUE_PARAMS, writeQueueState, type QueueState } from './queue-state';

const QUEUE_KEYS: ReadonlySet<string> = new Set(Object.values(QUEUE_PARAMS));

/** The queue's own parameters, in order (others, like the open alert, are not its business). */
const queuePart = (params: URLSearchParams) =>
  new URLSearchParams([...params].filter(([key]) => QUEUE_KEYS.has(key))).toString();

export type QueueStateUpdate = (
  change: Partial<QueueState>,
  options?: {
    /** Replace the history entry instead of adding one (corrections, not analyst choices). */
    replace?: boolean;
  },
) => void;

/**
 * The queue's view, read from the URL. Analyst changes push a history entry (so back/forward move
 * between views); any change of filters or sort goes back to page 1 unless it says otherwise.
 * A URL with unknown or malformed values is rewritten in place to what is actually shown.
 */
export function useQueueState(): { state: QueueState; update: QueueStateUpdate } {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseQueueState(searchParams), [searchParams]);

  const canonical = useMemo(() => writeQueueState(searchParams, state), [searchParams, state]);
  const needsRewrite = queuePart(canonical) !== queuePart(searchParams);
  useEffect(() => {
    if (needsRewrite) setSearchParams(canonical, { replace: true });
  }, [needsRewrite, canonical, setSearchParams]);

  const update = useCallback<QueueStateUpdate>(
    (change, options) =>
      setSearchParams(
        (previous) =>
          writeQueueState(previous, { ...parseQueueState(previous), page: 1, ...change }),
        { replace: options?.replace ?? false },
      ),
    [setSearchParams],
  );

  return { state, update };
}
