import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { DATA_CHANNEL, listenForDataChanges } from '@/app/cross-tab-sync';

describe('listenForDataChanges', () => {
  it('refetches everything when another tab says the data changed, and ignores other messages', async () => {
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries').mockResolvedValue();
    const stop = listenForDataChanges(queryClient);
    const otherTab = new BroadcastChannel(DATA_CHANNEL);
    try {
      otherTab.postMessage({ type: 'store-changed' });
      otherTab.postMessage({ type: 'changed' });
      await vi.waitFor(() => expect(invalidate).toHaveBeenCalledTimes(1));
      expect(invalidate).toHaveBeenCalledWith();
    } finally {
      otherTab.close();
      stop();
    }
  });
});
