/**
 * Which alerts of the open incident are selected on its Alerts tab: ids only (STYLE.md §5), and
 * tied to the incident, so opening another incident never carries a selection over.
 */
import { create } from 'zustand';

type SelectionState = {
  incidentId: string | null;
  selectedIds: ReadonlySet<string>;
  actions: {
    setSelected: (incidentId: string, ids: Iterable<string>) => void;
    clear: () => void;
  };
};

const EMPTY: ReadonlySet<string> = new Set();

const useSelectionStore = create<SelectionState>()((set) => ({
  incidentId: null,
  selectedIds: EMPTY,
  actions: {
    setSelected: (incidentId, ids) => set({ incidentId, selectedIds: new Set(ids) }),
    clear: () => set({ incidentId: null, selectedIds: EMPTY }),
  },
}));

/** The selected alert ids of this incident (empty when the selection belongs to another). */
export const useSelectedAlertIds = (incidentId: string) =>
  useSelectionStore((s) => (s.incidentId === incidentId ? s.selectedIds : EMPTY));

export const useAlertSelectionActions = () => useSelectionStore((s) => s.actions);
