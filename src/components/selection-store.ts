/**
 * The one way the console remembers what an analyst ticked or expanded: ids only, never entity
 * copies (STYLE.md §5–6), so a selection outlives refetches, pages and filter changes.
 *
 * A selection may belong to a scope (the incident whose Alerts tab it is on): acting in another
 * scope starts afresh, and reading another scope's selection reads nothing. Every selection is
 * cleared when the persona changes, wherever the analyst is: nothing one persona ticked can be
 * acted on by another.
 */
import { create } from 'zustand';
import { subscribeToPersona } from '@/api/session-store';

/** Whether none, some or all of a list of ids are in the set (for "select all" checkboxes). */
export type SetCoverage = 'none' | 'some' | 'all';

type SelectionState = {
  scope: string | null;
  ids: ReadonlySet<string>;
  actions: {
    /** Adds or removes one id (toggles when `on` is not given). */
    toggle: (id: string, on?: boolean, scope?: string | null) => void;
    /** Adds or removes several ids at once. */
    setMany: (ids: readonly string[], on: boolean, scope?: string | null) => void;
    /**
     * Applies one page's selection: ids of `pageIds` are in the set exactly when they are in
     * `selectedOnPage`; ids of other pages are kept.
     */
    setPage: (
      pageIds: readonly string[],
      selectedOnPage: ReadonlySet<string>,
      scope?: string | null,
    ) => void;
    clear: () => void;
  };
};

const EMPTY: ReadonlySet<string> = new Set();

/** Creates one selection (a zustand store of ids) with the selectors the grids need. */
export function createSelectionStore() {
  const useStore = create<SelectionState>()((set) => {
    /** The ids to start from when acting in `scope`: none when the selection was another scope's. */
    const base = (s: SelectionState, scope: string | null) => (s.scope === scope ? s.ids : EMPTY);
    return {
      scope: null,
      ids: EMPTY,
      actions: {
        toggle: (id, on, scope = null) =>
          set((s) => {
            const from = base(s, scope);
            const has = from.has(id);
            const want = on ?? !has;
            if (want === has && s.scope === scope) return s;
            const ids = new Set(from);
            if (want) ids.add(id);
            else ids.delete(id);
            return { scope, ids };
          }),
        setMany: (list, on, scope = null) =>
          set((s) => {
            const from = base(s, scope);
            if (s.scope === scope && list.every((id) => from.has(id) === on)) return s;
            const ids = new Set(from);
            for (const id of list) {
              if (on) ids.add(id);
              else ids.delete(id);
            }
            return { scope, ids };
          }),
        setPage: (pageIds, selectedOnPage, scope = null) =>
          set((s) => {
            const from = base(s, scope);
            if (s.scope === scope && pageIds.every((id) => from.has(id) === selectedOnPage.has(id)))
              return s;
            const ids = new Set(from);
            for (const id of pageIds) {
              if (selectedOnPage.has(id)) ids.add(id);
              else ids.delete(id);
            }
            return { scope, ids };
          }),
        clear: () => set((s) => (s.ids.size === 0 ? s : { scope: null, ids: EMPTY })),
      },
    };
  });
  subscribeToPersona(() => useStore.getState().actions.clear());

  const idsIn = (s: SelectionState, scope: string | null) => (s.scope === scope ? s.ids : EMPTY);
  return {
    /** Re-renders only when this id's membership changes. */
    useHas: (id: string, scope: string | null = null) => useStore((s) => idsIn(s, scope).has(id)),
    useCount: (scope: string | null = null) => useStore((s) => idsIn(s, scope).size),
    useIds: (scope: string | null = null) => useStore((s) => idsIn(s, scope)),
    /** Re-renders only when the coverage of `list` changes. */
    useCoverage: (list: readonly string[], scope: string | null = null): SetCoverage =>
      useStore((s) => {
        const ids = idsIn(s, scope);
        let n = 0;
        for (const id of list) if (ids.has(id)) n++;
        return n === 0 ? 'none' : n === list.length ? 'all' : 'some';
      }),
    useActions: () => useStore((s) => s.actions),
    /** The ids now, outside React's rendering (a key handler reads them when a key is pressed). */
    getIds: (scope: string | null = null) => idsIn(useStore.getState(), scope),
    /** The actions, outside React (the app clears selections after a flow lands). */
    actions: () => useStore.getState().actions,
  };
}
