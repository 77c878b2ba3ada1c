import { useCallback } from 'react';
import { useUrlView } from '@/components/use-url-view';
import { queueView, type QueueState } from './queue-state';

export type QueueStateUpdate = (
  change: Partial<QueueState>,
  options?: {
    /** Replace the history entry instead of adding one (corrections, not analyst choices). */
    replace?: boolean;
  },
) => void;

/**
 * The queue's view, read from the URL (see useUrlView). Any change of filters or sort goes back
 * to page 1 unless it says otherwise.
 */
export function useQueueState(): { state: QueueState; update: QueueStateUpdate } {
  const { view, update } = useUrlView(queueView);
  const updateState = useCallback<QueueStateUpdate>(
    (change, options) => update((previous) => ({ ...previous, page: 1, ...change }), options),
    [update],
  );
  return { state: view, update: updateState };
}
