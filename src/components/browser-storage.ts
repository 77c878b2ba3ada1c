/**
 * localStorage for zustand's `persist`, as the console remembers things per browser: storage may
 * be missing or full (private windows, quotas), and then nothing is remembered and nothing
 * breaks. A stored value that is not JSON reads as nothing stored.
 */
import { createJSONStorage, type StateStorage } from 'zustand/middleware';

const safeLocalStorage: StateStorage = {
  getItem(name) {
    try {
      return globalThis.localStorage?.getItem(name) ?? null;
    } catch {
      return null;
    }
  },
  setItem(name, value) {
    try {
      globalThis.localStorage?.setItem(name, value);
    } catch {
      // Not remembering is acceptable; failing the analyst's action is not.
    }
  },
  removeItem(name) {
    try {
      globalThis.localStorage?.removeItem(name);
    } catch {
      // As above.
    }
  },
};

/** JSON in localStorage for `persist({ storage })`; unreadable JSON reads as nothing stored. */
export function browserJsonStorage<S>() {
  return createJSONStorage<S>(() => ({
    ...safeLocalStorage,
    getItem(name) {
      const text = safeLocalStorage.getItem(name) as string | null;
      if (text === null) return null;
      try {
        JSON.parse(text);
        return text;
      } catch {
        return null;
      }
    },
  }));
}
