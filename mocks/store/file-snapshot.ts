/**
 * The files behind `mock:serve --data FILE` (ARCHITECTURE.md §6), read and written with node:fs:
 * FILE, the snapshot, and FILE.journal.<n>, the journal segments, each line one committed
 * change. Shared by the server's thread (loading, reset) and the compaction worker (folding the
 * journal into FILE), so both read the files the same way. The worker loads this module through
 * tsx's CommonJS hook: it imports only relative modules (types aside) and node built-ins.
 */
import { open, readdir, readFile, rename } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { applyJournalLine, parseJournalLine, parseSnapshot, snapshotText } from './file-journal';
import type { StoreState } from './types';

/** Where journal segment `n` of FILE lives. */
export function segmentPath(file: string, n: number): string {
  return `${file}.journal.${String(n).padStart(6, '0')}`;
}

/** Numbers of the journal segments of FILE (or of a set-aside copy's name), ascending. */
export async function listSegments(file: string): Promise<number[]> {
  const prefix = `${basename(file)}.journal.`;
  let names: string[];
  try {
    names = await readdir(dirname(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
    .map((name) => Number(name.slice(prefix.length)))
    .sort((a, b) => a - b);
}

/**
 * Makes renames and newly created files in a directory survive a power cut: without it, a file
 * that was fsynced can still lose its name. Windows cannot open a directory to sync it; its
 * renames are durable once they return.
 */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes FILE so that it is always either the old or the new content, never half of one: write
 * FILE.tmp, sync it, rename it over FILE, sync the directory so the rename itself is durable.
 * `state` may be given as JSON already. Resolves to the bytes written.
 */
export async function writeStateFile(
  file: string,
  state: StoreState | string,
  foldedThrough = 0,
): Promise<number> {
  const tmp = `${file}.tmp`;
  const text = snapshotText(
    typeof state === 'string' ? state : JSON.stringify(state),
    foldedThrough,
  );
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
  await syncDirectory(dirname(file));
  return Buffer.byteLength(text);
}

export type SegmentLines = {
  lines: string[];
  /**
   * Bytes of complete lines. Anything after them is a line torn by a crash mid-append: it was
   * never fsynced, so it was never acknowledged.
   */
  completeBytes: number;
  tornBytes: number;
};

/** Splits a segment into its complete lines and the torn tail, if any. */
export async function readSegment(path: string): Promise<SegmentLines> {
  const bytes = await readFile(path);
  const end = bytes.lastIndexOf(0x0a) + 1;
  const text = bytes.toString('utf8', 0, end);
  return {
    lines: end === 0 ? [] : text.slice(0, -1).split('\n'),
    completeBytes: end,
    tornBytes: bytes.length - end,
  };
}

/**
 * Compaction: folds journal segments `from + 1 … through` into FILE and writes it atomically.
 * Runs in a worker thread (file-compaction-worker.ts), so the server's thread never parses or
 * stringifies the whole store for it. Refuses rather than guesses when FILE is not the snapshot
 * the caller expects; the journal then simply stays as it is.
 */
export async function foldJournal(file: string, from: number, through: number): Promise<void> {
  const snapshot = parseSnapshot(await readFile(file, 'utf8'));
  if ('problem' in snapshot) throw new Error(`${file} cannot be read: ${snapshot.problem}`);
  if (snapshot.foldedThrough !== from) {
    throw new Error(
      `${file} includes the journal through segment ${snapshot.foldedThrough}, expected ${from}`,
    );
  }
  const state = snapshot.candidate as StoreState;
  for (let n = from + 1; n <= through; n++) {
    const path = segmentPath(file, n);
    const segment = await readSegment(path);
    if (segment.tornBytes > 0) throw new Error(`${path} ends in a torn line`);
    for (const lineText of segment.lines) {
      const line = parseJournalLine(lineText);
      if (typeof line === 'string') throw new Error(`${path} holds a line that ${line}`);
      applyJournalLine(state, line);
    }
  }
  await writeStateFile(file, state, through);
}

/** FILE's set-aside copy and its journal: `<copy>.journal.<n>`, never overwriting another. */
export async function freeSetAsideName(file: string, stamp: string): Promise<string> {
  const names = new Set(await readdir(dirname(file)));
  const taken = (candidate: string) => {
    const base = basename(candidate);
    if (names.has(base)) return true;
    for (const name of names) if (name.startsWith(`${base}.journal.`)) return true;
    return false;
  };
  let candidate = `${file}.corrupt-${stamp}`;
  for (let n = 2; taken(candidate); n++) candidate = `${file}.corrupt-${stamp}-${n}`;
  return candidate;
}
