/**
 * Which alerts the analyst has ticked in the alerts queue: ids only, so the selection outlives
 * refetches, paging and filter changes (the rows themselves live in the query cache).
 */
import { create } from 'zustand';

type AlertSelectionState = {
  selectedIds: ReadonlySet<string>;
  actions: {
    /**
     * Applies the grid's selection of one page: ids of `pageIds` are selected exactly when they
     * are in `selectedOnPage`; selections on other pages are kept.
     */
    setPageSelection: (pageIds: readonly string[], selectedOnPage: ReadonlySet<string>) => void;
    clear: () => void;
  };
};

const useAlertSelectionStore = create<AlertSelectionState>()((set) => ({
  selectedIds: new Set<string>(),
  actions: {
    setPageSelection: (pageIds, selectedOnPage) =>
      set((state) => {
        const next = new Set(state.selectedIds);
        for (const id of pageIds) {
          if (selectedOnPage.has(id)) next.add(id);
          else next.delete(id);
        }
        return { selectedIds: next };
      }),
    clear: () => set({ selectedIds: new Set<string>() }),
  },
}));

/** The ids of the selected alerts, across every page and filter. */
export const useSelectedAlertIds = () => useAlertSelectionStore((s) => s.selectedIds);

/** Changes the alerts queue's selection. */
export const useAlertSelectionActions = () => useAlertSelectionStore((s) => s.actions);
