/** Light or dark: remembered in localStorage, first guessed from the system setting. */
import { create } from 'zustand';
import { readPreference, writePreference } from './preferences';

export type ThemeMode = 'light' | 'dark';

function initialMode(): ThemeMode {
  const stored = readPreference('theme');
  if (stored === 'light' || stored === 'dark') return stored;
  const prefersDark =
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-color-scheme: dark)').matches;
  return prefersDark ? 'dark' : 'light';
}

type ThemeState = {
  mode: ThemeMode;
  actions: { toggle: () => void };
};

const useThemeStore = create<ThemeState>()((set, get) => ({
  mode: initialMode(),
  actions: {
    toggle: () => {
      const mode = get().mode === 'dark' ? 'light' : 'dark';
      writePreference('theme', mode);
      set({ mode });
    },
  },
}));

/** The current theme mode. */
export const useThemeMode = () => useThemeStore((s) => s.mode);

/** Theme actions (toggle). */
export const useThemeActions = () => useThemeStore((s) => s.actions);
