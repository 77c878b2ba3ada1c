import { lazy, Suspense, useEffect } from 'react';
import { SERVICE_NAMES } from '@/api/http';
import { tickUntil, useThrottleNow, useThrottleWaits } from '@/api/throttle-store';

// Fluent's MessageBar is a chunk of its own: most sessions are never throttled.
const ThrottleMessage = lazy(async () => ({
  default: (await import('./throttle-message')).ThrottleMessage,
}));

/**
 * Says that the console is backing off because a service asked it to (429 with Retry-After, or
 * 503), and when it will try again, while any request is waiting.
 */
export function ThrottleBar({ className }: { className?: string }) {
  const waits = useThrottleWaits();
  const now = useThrottleNow();
  const latest = waits.reduce<(typeof waits)[number] | undefined>(
    (last, w) => (last === undefined || w.until > last.until ? w : last),
    undefined,
  );
  // The count follows the latest wait: a later one that starts meanwhile restarts it.
  const until = latest?.until;
  useEffect(() => (until === undefined ? undefined : tickUntil(until)), [until]);
  if (!latest) return null;
  const seconds = Math.max(1, Math.ceil((latest.until - now) / 1000));
  const service = SERVICE_NAMES[latest.service];
  const why =
    latest.status === 429
      ? `${service} is limiting how fast the console may send requests (429 Too Many Requests).`
      : `${service} is unavailable for a moment (503 Service Unavailable).`;
  return (
    <Suspense fallback={null}>
      <ThrottleMessage
        className={className}
        service={service}
        why={why}
        seconds={seconds}
        waiting={waits.length}
      />
    </Suspense>
  );
}
