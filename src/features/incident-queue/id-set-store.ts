/**
 * A zustand store of ids (never entity copies, STYLE.md §5–6) with the selectors the queue needs.
 * Each concern (selected incidents, selected alerts, expanded rows) gets its own store.
 */
import { create } from 'zustand';

type IdSetState = {
  ids: ReadonlySet<string>;
  actions: {
    /** Adds or removes one id (toggles when `on` is not given). */
    toggle: (id: string, on?: boolean) => void;
    /** Adds or removes several ids at once. */
    setMany: (ids: readonly string[], on: boolean) => void;
    clear: () => void;
  };
};

/** Whether none, some or all of a list of ids are in the set (for "select all" checkboxes). */
export type SetCoverage = 'none' | 'some' | 'all';

export function createIdSetStore() {
  const useStore = create<IdSetState>()((set) => ({
    ids: new Set<string>(),
    actions: {
      toggle: (id, on) =>
        set((s) => {
          const has = s.ids.has(id);
          const want = on ?? !has;
          if (want === has) return s;
          const ids = new Set(s.ids);
          if (want) ids.add(id);
          else ids.delete(id);
          return { ids };
        }),
      setMany: (list, on) =>
        set((s) => {
          const ids = new Set(s.ids);
          for (const id of list) {
            if (on) ids.add(id);
            else ids.delete(id);
          }
          return ids.size === s.ids.size && list.every((id) => s.ids.has(id) === on) ? s : { ids };
        }),
      clear: () => set((s) => (s.ids.size === 0 ? s : { ids: new Set<string>() })),
    },
  }));

  return {
    /** Re-renders only when this id's membership changes. */
    useHas: (id: string) => useStore((s) => s.ids.has(id)),
    useCount: () => useStore((s) => s.ids.size),
    useIds: () => useStore((s) => s.ids),
    /** Re-renders only when the coverage of `list` changes. */
    useCoverage: (list: readonly string[]): SetCoverage =>
      useStore((s) => {
        let n = 0;
        for (const id of list) if (s.ids.has(id)) n++;
        return n === 0 ? 'none' : n === list.length ? 'all' : 'some';
      }),
    useActions: () => useStore((s) => s.actions),
  };
}
