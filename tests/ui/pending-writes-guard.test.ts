/**
 * Leaving the page while a write is unanswered asks first (src/app/pending-writes-guard.ts); the
 * browser's dialog itself is walked in tests/e2e/merge.spec.ts.
 */
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { guardPendingWrites } from '@/app/pending-writes-guard';

/** Whether the page would ask before unloading now. */
function asks(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

/** Starts a write that stays unanswered until it is answered or refused. */
function startWrite(queryClient: QueryClient) {
  let answer!: () => void;
  let refuse!: (error: Error) => void;
  const reply = new Promise<void>((resolve, reject) => {
    answer = resolve;
    refuse = reject;
  });
  const done = queryClient
    .getMutationCache()
    .build(queryClient, { mutationFn: () => reply })
    .execute(undefined);
  return { answer, refuse, done };
}

let remove: (() => void) | undefined;
afterEach(() => remove?.());

describe('leaving the page with a write unanswered', () => {
  it('asks only while a write is pending', async () => {
    const queryClient = new QueryClient();
    remove = guardPendingWrites(queryClient);
    expect(asks()).toBe(false);

    const write = startWrite(queryClient);
    expect(asks()).toBe(true);

    write.answer();
    await write.done;
    expect(asks()).toBe(false);
  });

  it('asks about a refused write only until it is answered', async () => {
    const queryClient = new QueryClient();
    remove = guardPendingWrites(queryClient);
    const write = startWrite(queryClient);
    expect(asks()).toBe(true);
    write.refuse(new Error('403 Forbidden'));
    await expect(write.done).rejects.toThrow('403 Forbidden');
    expect(asks()).toBe(false);
  });

  it('keeps a page that stays from the listeners after it, and only then', async () => {
    const queryClient = new QueryClient();
    remove = guardPendingWrites(queryClient);
    // As the demo mock's msw, which tells its service worker the tab is gone.
    let heard = 0;
    const later = () => (heard += 1);
    window.addEventListener('beforeunload', later);
    try {
      const write = startWrite(queryClient);
      asks();
      expect(heard).toBe(0);
      write.answer();
      await write.done;
      asks();
      expect(heard).toBe(1);
    } finally {
      window.removeEventListener('beforeunload', later);
    }
  });

  it('stops asking once removed', () => {
    const queryClient = new QueryClient();
    guardPendingWrites(queryClient)();
    void startWrite(queryClient).done;
    expect(queryClient.isMutating()).toBe(1);
    expect(asks()).toBe(false);
  });
});
