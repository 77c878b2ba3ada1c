/**
 * Requests waiting out a service's "slow down" (429 with Retry-After, or 503): the fetch wrapper
 * records each wait here, and the shell shows the analyst that the console is backing off and
 * for how long, instead of a spinner that seems stuck.
 */
import { create } from 'zustand';
import type { Service } from './config';

type ThrottleWait = {
  id: number;
  service: Service;
  /** 429 Too Many Requests or 503 Service Unavailable. */
  status: number;
  /** When the request is sent again (epoch ms). */
  until: number;
};

type ThrottleState = {
  waits: readonly ThrottleWait[];
  /**
   * The time the waits are counted down from (epoch ms): set when a wait starts and each second
   * while any is shown (`tickUntil`). Kept here rather than read from the clock as the
   * shell renders: a value read in render must not change between two reads of one render.
   */
  now: number;
};

const useThrottleStore = create<ThrottleState>()(() => ({ waits: [], now: Date.now() }));

let nextId = 1;

/** Every request now waiting before it is sent again. */
export const useThrottleWaits = () => useThrottleStore((s) => s.waits);

/** The time the waits are counted down from (epoch ms). */
export const useThrottleNow = () => useThrottleStore((s) => s.now);

/**
 * Moves the countdown's time now, and then at each moment the whole seconds left until `until`
 * go down by one, until then or until the returned stop is called. So the count shown is exact.
 */
export function tickUntil(until: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    const now = Date.now();
    useThrottleStore.setState({ now });
    if (now < until) timer = setTimeout(tick, (until - now) % 1000 || 1000);
  };
  tick();
  return () => clearTimeout(timer);
}

/**
 * Waits `ms` before a request is retried, shown to the analyst meanwhile; rejects with the
 * signal's reason (an AbortError) when the request is cancelled first.
 */
export function waitBeforeRetry(
  ms: number,
  info: { service: Service; status: number },
  signal?: AbortSignal | null,
): Promise<void> {
  const wait: ThrottleWait = { id: nextId++, ...info, until: Date.now() + ms };
  useThrottleStore.setState((s) => ({ waits: [...s.waits, wait], now: Date.now() }));
  const done = () =>
    useThrottleStore.setState((s) => ({ waits: s.waits.filter((w) => w.id !== wait.id) }));
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      done();
      const reason: unknown = signal?.reason;
      reject(
        reason instanceof Error
          ? reason
          : new DOMException('The request was cancelled.', 'AbortError'),
      );
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      done();
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}
