import { createContext, useLayoutEffect, type RefObject } from 'react';
import { incidentIdOfRow } from '../grid-focus';

/**
 * A grid row's place on the page. Rows are kept by place (a sort or a filter gives them other
 * incidents to show), so these stay while the incident changes.
 */
export type RowPlace = {
  /** The id of the row's expanded alerts, for the expand button's `aria-controls`. */
  alertsId: string;
  /** The place shows no incident now: the page has fewer rows than it once had. */
  hidden: boolean;
};

export const RowPlaceContext = createContext<RowPlace>({ alertsId: '', hidden: false });

/**
 * Names a row's control after its incident ("Select <name>") on the element itself, so the
 * Fluent control (memoised, holding no incident) is not rendered again when its row shows
 * another incident: a sort would otherwise render ~150 of them again for their names alone.
 * React never sets the attribute on these elements, so it does not write it back. In a layout
 * effect: the name is right before the frame that shows the row.
 */
export function useAriaLabel(ref: RefObject<HTMLElement | null>, label: string) {
  useLayoutEffect(() => {
    ref.current?.setAttribute('aria-label', label);
  }, [ref, label]);
}

/**
 * The incident of the row a control sits in, read when its handler runs: rows are reused, so a
 * memoised control never keeps an incident from a render.
 */
export const incidentOf = (element: Element): string => incidentIdOfRow(element) ?? '';
