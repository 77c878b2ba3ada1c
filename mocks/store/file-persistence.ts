/**
 * Node persistence of the incident store: one JSON file holding the whole state, rewritten
 * atomically (a temporary file, then a rename) a moment after each burst of changes. The mock
 * server uses it for `--data FILE`; a few hundred kilobytes per write is nothing for a laptop.
 */
import { open, readFile, rename } from 'node:fs/promises';
import { IncidentStore, type Clock } from './incident-store';
import type { SeedGenerator } from './persistence';
import { generateSeed } from './seed';
import { restoredNotice, stateProblem } from './state-validation';
import type { SeedSize, StoreState } from './types';

export type FileStoreOptions = {
  file: string;
  seed: number;
  size: SeedSize;
  /** The seed's "now" when the demo data is (re)generated; it is then kept in the file. */
  seedNow?: () => Date;
  clock?: Clock;
  generate?: SeedGenerator;
  /** How long to gather changes before writing. */
  debounceMs?: number;
  /** Where failed background writes are reported. */
  onError?: (error: unknown) => void;
};

export type FileStore = {
  store: IncidentStore;
  /** Set when the file could not be used and the seed was loaded instead. */
  notice?: string;
  /** True when the state came from the file rather than the seed. */
  loadedFromFile: boolean;
  /** Restores the seed and writes it. */
  reset(): Promise<void>;
  /** Writes pending changes now and waits for every write to finish. */
  flush(): Promise<void>;
  /** Flushes and stops listening. */
  close(): Promise<void>;
};

type FileContent = { state: StoreState } | { absent: true } | { problem: string };

/** Reads and validates a state file. */
export async function readStateFile(file: string): Promise<FileContent> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { absent: true };
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { problem: 'the file is not valid JSON' };
  }
  const problem = stateProblem(parsed);
  return problem ? { problem } : { state: parsed as StoreState };
}

/**
 * Writes the state so that FILE is always either the old or the new content, never half of
 * one: write FILE.tmp, sync it to disk, then rename it over FILE.
 */
export async function writeStateFile(file: string, state: StoreState | string): Promise<void> {
  const tmp = `${file}.tmp`;
  const json = typeof state === 'string' ? state : JSON.stringify(state);
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(json);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
}

/**
 * Opens the store behind a JSON file: the file's data when it is valid, else the seed (with a
 * notice, and the unreadable file kept as FILE.corrupt so nothing is lost silently).
 */
export async function openFileStore(options: FileStoreOptions): Promise<FileStore> {
  const {
    file,
    seed,
    size,
    seedNow = () => new Date(),
    clock,
    generate = generateSeed,
    debounceMs = 200,
    onError = (error: unknown) => console.error(`[mock] could not write ${file}:`, error),
  } = options;
  const fresh = () => generate({ seed, size, now: seedNow() });

  const content = await readStateFile(file);
  let notice: string | undefined;
  let state: StoreState;
  if ('state' in content) {
    state = content.state;
  } else {
    state = fresh();
    if ('problem' in content) {
      await rename(file, `${file}.corrupt`);
      notice = `${file}: ${restoredNotice(content.problem)} The unreadable file was kept as ${file}.corrupt.`;
    }
    await writeStateFile(file, state);
  }
  const store = new IncidentStore(state, clock ? { clock } : {});

  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let writing: Promise<void> = Promise.resolve();
  // How long the last serialize took: a large store waits longer between writes, so the
  // server is not busy serializing after every click.
  let lastSerializeMs = 0;

  const writeNow = () => {
    dirty = false;
    // Serialize now, synchronously: the file gets one consistent committed state.
    const started = performance.now();
    const json = store.serialize();
    lastSerializeMs = performance.now() - started;
    writing = writing.then(() => writeStateFile(file, json)).catch(onError);
    return writing;
  };

  const unsubscribe = store.subscribe(() => {
    dirty = true;
    timer ??= setTimeout(
      () => {
        timer = undefined;
        void writeNow();
      },
      Math.max(debounceMs, 4 * lastSerializeMs),
    );
  });

  const flush = async () => {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (dirty) await writeNow();
    else await writing;
  };

  return {
    store,
    ...(notice ? { notice } : {}),
    loadedFromFile: 'state' in content,
    async reset() {
      store.replaceState(fresh());
      await flush();
    },
    flush,
    async close() {
      unsubscribe();
      await flush();
    },
  };
}
