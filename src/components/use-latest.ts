import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * `value` as of the last commit, for functions that must stay the same from render to render yet
 * act on what is current when they run (handlers handed to memoised rows, timers, listeners).
 * Read it in handlers and effects, never while rendering. Name what it returns `…Ref`: the React
 * Compiler's lint then reads it as the ref it is (a ref's `.current` is no dependency).
 */
export function useLatest<T>(value: T): Readonly<RefObject<T>> {
  const latest = useRef(value);
  useLayoutEffect(() => {
    latest.current = value;
  });
  return latest;
}
