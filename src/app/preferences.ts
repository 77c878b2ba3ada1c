/**
 * What the console remembers between visits (localStorage). Storage may be missing or full
 * (private windows, quotas): then nothing is remembered and nothing breaks.
 */
const PREFIX = 'soc-console.';

export type PreferenceKey = 'persona' | 'theme';

export function readPreference(key: PreferenceKey): string | undefined {
  try {
    return globalThis.localStorage?.getItem(PREFIX + key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function writePreference(key: PreferenceKey, value: string): void {
  try {
    globalThis.localStorage?.setItem(PREFIX + key, value);
  } catch {
    // Not remembering a preference is acceptable; failing the action is not.
  }
}
