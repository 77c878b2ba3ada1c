/**
 * Fake timers for the tests that wait for time to pass (a debounced search, a confirmation that
 * fades): they move the clock on instead of sleeping. Only timeouts and intervals are faked; the
 * clock still follows real time too, so Testing Library's polling and React keep running.
 */
import { act } from '@testing-library/react';
import { onTestFinished, vi } from 'vitest';

/** Fakes setTimeout and setInterval for the rest of the current test. */
export function useFakeTimers() {
  vi.useFakeTimers({
    shouldAdvanceTime: true,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
  });
  onTestFinished(() => {
    vi.useRealTimers();
  });
}

/** Lets `ms` of (fake) time pass, running whatever timers fall due, as a pause in typing would. */
export async function passTime(ms: number) {
  await act(() => vi.advanceTimersByTimeAsync(ms));
}
