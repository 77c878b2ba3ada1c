/** The merge flyout as the app serves it (see action-store.ts). Not built yet. */
export function MergeAction() {
  return null;
}
