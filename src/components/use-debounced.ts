import { useEffect, useMemo, useRef, useState } from 'react';
import { useLatest } from './use-latest';

/**
 * How long typing must pause before the console acts on it (a search, suggestions). A quarter of
 * a second is longer than the gap between keys of a typing burst, so a word costs one request,
 * and short enough that the answer still seems to follow the typing.
 */
const TYPING_DEBOUNCE_MS = 250;

/** `value`, once it has stopped changing for `delayMs`. */
export function useDebouncedValue<T>(value: T, delayMs = TYPING_DEBOUNCE_MS): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/**
 * Calls the latest `callback` once `schedule` calls have paused for `delayMs`, with the last
 * call's arguments; `cancel()` drops a pending call (say, when Enter acts at once). Both stay
 * the same functions from render to render.
 */
export function useDebouncedCallback<A extends unknown[]>(
  callback: (...args: A) => void,
  delayMs = TYPING_DEBOUNCE_MS,
): { schedule: (...args: A) => void; cancel: () => void } {
  const latestRef = useLatest(callback);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  return useMemo(() => {
    const cancel = () => {
      clearTimeout(timer.current);
      timer.current = undefined;
    };
    const schedule = (...args: A) => {
      cancel();
      timer.current = setTimeout(() => {
        timer.current = undefined;
        latestRef.current(...args);
      }, delayMs);
    };
    return { schedule, cancel };
  }, [delayMs, latestRef]);
}
