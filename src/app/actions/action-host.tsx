import { lazy, Suspense, useState } from 'react';
import { useActionStore } from './action-store';

// Each flyout is its own chunk, fetched the first time the analyst opens it.
const MergeAction = lazy(async () => ({ default: (await import('./merge-action')).MergeAction }));
const MoveAction = lazy(async () => ({ default: (await import('./move-action')).MoveAction }));
const ManageAction = lazy(async () => ({
  default: (await import('./manage-action')).ManageAction,
}));
const ActivityLogAction = lazy(async () => ({
  default: (await import('./activity-log-action')).ActivityLogAction,
}));

/** Renders the action flyouts once one has been asked for, then keeps them mounted. */
export function ActionHost() {
  const request = useActionStore((s) => s.request);
  const [needed, setNeeded] = useState(request !== null);
  if (request !== null && !needed) setNeeded(true);
  if (!needed) return null;
  return (
    <>
      {/* One boundary each: a slow flyout chunk never holds up another. */}
      <Suspense fallback={null}>
        <MergeAction />
      </Suspense>
      <Suspense fallback={null}>
        <MoveAction />
      </Suspense>
      <Suspense fallback={null}>
        <ManageAction />
      </Suspense>
      <Suspense fallback={null}>
        <ActivityLogAction />
      </Suspense>
    </>
  );
}
