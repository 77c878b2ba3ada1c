/**
 * Saved filter sets (SPEC.md §12.1), remembered per browser (localStorage): a name and the queue
 * URL's filter and time-range part (`severity=high&assignment=me&range=1w`). Stored as query
 * text, so a set is read by the same code as a bookmarked link: what it no longer understands is
 * dropped, never fails. Names are checked once, here, for the dialog and the store alike.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { browserJsonStorage } from '@/components/browser-storage';

export type SavedFilterSet = { name: string; query: string };

/** Longest name of a saved set. */
export const MAX_SET_NAME_LENGTH = 60;
/** How many sets a browser keeps. */
const MAX_SAVED_SETS = 50;

const STORAGE_NAME = 'soc-console.saved-filters';
const STORAGE_VERSION = 1;

const sameName = (a: string, b: string) =>
  a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'accent' }) === 0;

/** Why a name cannot be used, or undefined when it can. */
function checkSetName(name: string, sets: readonly SavedFilterSet[]): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter a name for the filter set.';
  if (trimmed.length > MAX_SET_NAME_LENGTH) {
    return `A name has at most ${MAX_SET_NAME_LENGTH} characters; this one has ${trimmed.length}.`;
  }
  const taken = sets.find((s) => sameName(s.name, trimmed));
  if (taken) return `A filter set named "${taken.name}" already exists. Choose another name.`;
  if (sets.length >= MAX_SAVED_SETS) {
    return `You can keep ${MAX_SAVED_SETS} filter sets. Delete one to save another.`;
  }
  return undefined;
}

/** Reads stored sets of any shape: well-formed sets with distinct, valid names are kept. */
function sanitizeSets(value: unknown): SavedFilterSet[] {
  const list =
    typeof value === 'object' && value !== null ? (value as { sets?: unknown }).sets : undefined;
  if (!Array.isArray(list)) return [];
  const sets: SavedFilterSet[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const { name, query } = item as Record<string, unknown>;
    if (typeof name !== 'string' || typeof query !== 'string') continue;
    if (checkSetName(name, sets) !== undefined) continue;
    sets.push({ name: name.trim(), query });
  }
  return sets;
}

type SaveOutcome = { ok: true } | { ok: false; error: string };

type SavedFiltersState = {
  sets: readonly SavedFilterSet[];
  actions: {
    /** Saves a set under a new name; refuses (changing nothing) a name that cannot be used. */
    save: (name: string, query: string) => SaveOutcome;
    remove: (name: string) => void;
  };
};

const useSavedFiltersStore = create<SavedFiltersState>()(
  persist(
    (set, get) => ({
      sets: [],
      actions: {
        save: (name, query) => {
          const error = checkSetName(name, get().sets);
          if (error !== undefined) return { ok: false, error };
          set({ sets: [...get().sets, { name: name.trim(), query }] });
          return { ok: true };
        },
        remove: (name) => set({ sets: get().sets.filter((s) => !sameName(s.name, name)) }),
      },
    }),
    {
      name: STORAGE_NAME,
      version: STORAGE_VERSION,
      storage: browserJsonStorage<{ sets: readonly SavedFilterSet[] }>(),
      partialize: ({ sets }) => ({ sets }),
      migrate: (stored) => ({ sets: sanitizeSets(stored) }),
      merge: (stored, current) => ({ ...current, sets: sanitizeSets(stored) }),
    },
  ),
);

export const useSavedFilterSets = () => useSavedFiltersStore((s) => s.sets);
export const useSavedFilterActions = () => useSavedFiltersStore((s) => s.actions);

/** Re-reads the stored sets, as a new page load would (tests). */
export const rehydrateSavedFilters = () => useSavedFiltersStore.persist.rehydrate();
