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

  it('ignores a change this tab wrote itself or one to another store', async () => {
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries').mockResolvedValue();
    const stop = listenForDataChanges(queryClient, { tabId: 'tab-a', store: 'default' });
    const worker = new BroadcastChannel(DATA_CHANNEL);
    try {
      worker.postMessage({ type: 'changed', origin: 'tab-a', store: 'default' });
      worker.postMessage({ type: 'changed', origin: 'tab-b', store: 'large' });
      worker.postMessage({ type: 'changed', origin: 'tab-b', store: 'default' });
      await vi.waitFor(() => expect(invalidate).toHaveBeenCalledTimes(1));
      // Messages arrive in order, so the first two were seen and passed over.
      worker.postMessage({ type: 'changed' });
      await vi.waitFor(() => expect(invalidate).toHaveBeenCalledTimes(2));
    } finally {
      worker.close();
      stop();
    }
  });
});
