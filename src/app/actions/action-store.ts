/**
 * Which action flyout is open, and for what. Pages ask for an action through these callbacks
 * (features never import each other); the app's ActionHost renders the feature that serves it.
 */
import { create } from 'zustand';

/** Where an action was started: decides what to refresh and where the analyst lands after it. */
export type ActionOrigin = 'queue' | 'incidentPage' | 'alertsQueue' | 'alertPanel';

export type ActionRequest =
  | { kind: 'merge'; incidentIds: string[]; origin: ActionOrigin }
  | { kind: 'move'; alertIds: string[]; origin: ActionOrigin; incidentId?: string }
  | { kind: 'manage'; incidentIds: string[]; origin: ActionOrigin }
  | { kind: 'activity'; incidentId: string; origin: ActionOrigin };

type ActionState = { request: ActionRequest | null };

export const useActionStore = create<ActionState>(() => ({ request: null }));

/** Opens the flyout of an action (replacing any other). */
export function openAction(request: ActionRequest): void {
  useActionStore.setState({ request });
}

/** Closes whichever action flyout is open. */
export function closeAction(): void {
  useActionStore.setState({ request: null });
}

/** The open request of one kind, or null. */
export function useActionRequest<K extends ActionRequest['kind']>(
  kind: K,
): Extract<ActionRequest, { kind: K }> | null {
  return useActionStore((s) =>
    s.request?.kind === kind ? (s.request as Extract<ActionRequest, { kind: K }>) : null,
  );
}
