import type { QueryClient } from '@tanstack/react-query';

/**
 * Asks before the page is left (a reload, a closed tab, a typed address) while a write is still
 * unanswered: a comment that says "Posting…", a merge in progress, a change being saved. Leaving
 * then can cancel the request before the server has it, and the analyst would never learn
 * whether it was made. The browser shows its own "Leave site?" dialog; navigation inside the
 * console does not unload the page and is not asked about. Returns the removal.
 */
export function guardPendingWrites(queryClient: QueryClient, target: Window = window): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (queryClient.isMutating() === 0) return;
    event.preventDefault();
    // What browsers before Chrome 119 need to show the dialog.
    event.returnValue = true;
    // Listeners after this one would take the page for gone, and it may stay: the demo mock's
    // msw (before msw 3) tells its service worker that this tab closed, and the tab's requests
    // then go to the network unanswered (mswjs/msw#1105). main.tsx adds this listener before
    // the mock starts. If the analyst leaves after all, the page is gone anyway.
    event.stopImmediatePropagation();
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}
