/**
 * Focus in the queue's grid, by incident: the keyboard shortcuts move it from row to row, and
 * the side pane gives it back to the row of the incident it showed when it closes.
 */

/** The incident rows of the grid under `root`, in the order shown (expanded alert rows aside). */
export const incidentRowElements = (root: ParentNode | null): HTMLElement[] => [
  ...(root?.querySelectorAll<HTMLElement>('[role="grid"] [role="row"][data-incident-id]') ?? []),
];

/** A cell of the row that takes focus itself (Fluent's cell focus), or the row's first control. */
export function focusIncidentRow(row: HTMLElement): boolean {
  const target =
    row.querySelector<HTMLElement>('[role="gridcell"][tabindex]') ??
    row.querySelector<HTMLElement>('a, button, input');
  target?.focus();
  target?.scrollIntoView?.({ block: 'nearest' });
  return target !== null && document.activeElement === target;
}

/** The incident of the grid row that holds `element`, if any. */
export const incidentIdOfRow = (element: Element | null): string | undefined =>
  element?.closest<HTMLElement>('[role="row"][data-incident-id]')?.dataset.incidentId;
