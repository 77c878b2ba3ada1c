/** The move flyout as the app serves it (see action-store.ts). Not built yet. */
export function MoveAction() {
  return null;
}
