import { useState } from 'react';

export type LingeringRequest<T> = {
  /** The open request, or the last one while the drawer animates out; null before the first. */
  shown: T | null;
  /** Changes with each new request: a `key` that gives each opening a fresh form. */
  session: number;
};

/**
 * What a drawer shows: `request` while it is open, and the last request after it closes, so the
 * drawer keeps its content while it animates out instead of going blank.
 */
export function useLingeringRequest<T>(request: T | null): LingeringRequest<T> {
  const [lingering, setLingering] = useState<LingeringRequest<T>>({ shown: request, session: 0 });
  if (request !== null && request !== lingering.shown) {
    setLingering({ shown: request, session: lingering.session + 1 });
  }
  return lingering;
}
