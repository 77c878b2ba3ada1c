/**
 * Node persistence of the incident store for `mock:serve --data FILE` (ARCHITECTURE.md §6).
 *
 * Acknowledged means durable: every committed change is appended to a journal segment
 * (FILE.journal.<n>, one JSON line per commit) and fdatasynced before `flush()` resolves, and the
 * routes await `flush()` before they answer a write. Changes committed while a sync is running
 * share the next one (group commit). In the background a worker thread folds closed segments
 * into the snapshot, FILE (temporary file, fsync, rename, directory fsync), which records the
 * last segment it includes; segments are deleted only once the new FILE is in place, so a crash
 * at any step leaves a snapshot plus the segments it does not include yet.
 */
import { mkdir, open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CompactionJob, CompactionOutcome } from './file-compaction-worker';
import { applyJournalLine, journalLine, parseJournalLine, parseSnapshot } from './file-journal';
import {
  freeSetAsideName,
  listSegments,
  readSegment,
  segmentPath,
  syncDirectory,
  writeStateFile,
} from './file-snapshot';
import { IncidentStore, type Clock } from './incident-store';
import type { SeedGenerator } from './persistence';
import { generateSeed } from './seed/generate';
import { restoredNotice, stateProblem, storedStateProblem } from './state-validation';
import type { SeedSize, StoreState } from './types';

export type FileStoreOptions = {
  file: string;
  seed: number;
  size: SeedSize;
  /** The seed's "now" when the demo data is (re)generated; it is then kept in the file. */
  seedNow?: () => Date;
  /** Time source of the store's operations, and of the names of set-aside copies. */
  clock?: Clock;
  generate?: SeedGenerator;
  /**
   * Journal bytes after which the segment is closed and folded into FILE. By default a quarter
   * of FILE's size and at least 256 KiB: compaction rewrites all of FILE, so it should not run
   * after every few writes, and replay at start-up stays short.
   */
  compactAfterBytes?: number;
  /**
   * Where problems that cost no acknowledged write are reported: a failed compaction (the
   * journal still holds everything) and the first failed journal write (`flush()` rejects).
   */
  onError?: (error: unknown) => void;
};

export type FileStore = {
  store: IncidentStore;
  /** Set when the file could not be used and the seed was loaded instead. */
  notice?: string;
  /** True when the state came from the file rather than the seed. */
  loadedFromFile: boolean;
  /** Restores the seed and makes it durable (a new FILE, the journal emptied). */
  reset(): Promise<void>;
  /**
   * Resolves once every change committed so far is fsynced; rejects if one could not be
   * written, and keeps rejecting from then on.
   */
  flush(): Promise<void>;
  /** Waits for pending writes, folds the journal into FILE and stops listening. */
  close(): Promise<void>;
};

// ---------------------------------------------------------------- reading

export type StoredState =
  | { kind: 'absent' }
  | {
      kind: 'problem';
      problem: string;
      /** Whether FILE itself exists (a journal without its snapshot is also unreadable). */
      fileExists: boolean;
      /** The journal segments on disk, to set aside with FILE. */
      segments: number[];
    }
  | {
      kind: 'state';
      state: StoreState;
      /** Journal segments up to this number are in FILE; later ones were replayed onto it. */
      foldedThrough: number;
      /** Every journal segment on disk, including already folded ones a crash left behind. */
      segments: number[];
      /** The last segment's torn tail, to cut off before anything is appended after it. */
      torn?: { segment: number; completeBytes: number };
      snapshotBytes: number;
    };

/**
 * Reads FILE and replays the journal segments it does not include yet, then checks the result
 * against the store's shape and laws. Changes nothing on disk.
 *
 * Only the last line of the last segment may be torn (a crash in the middle of an append that
 * was therefore never acknowledged): it is left out. Anything else that cannot be read makes
 * the whole store unreadable, since replaying past a hole would build a state that never was.
 */
export async function readStateFile(file: string): Promise<StoredState> {
  const segments = await listSegments(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (segments.length === 0) return { kind: 'absent' };
    return {
      kind: 'problem',
      problem: 'the journal is there but the file it belongs to is not',
      fileExists: false,
      segments,
    };
  }
  const problem = (p: string): StoredState => ({
    kind: 'problem',
    problem: p,
    fileExists: true,
    segments,
  });
  const snapshot = parseSnapshot(text);
  if ('problem' in snapshot) return problem(snapshot.problem);
  const { candidate, foldedThrough } = snapshot;
  // The shape first, so that replay can rely on it; the laws once the journal is replayed.
  const shape = stateProblem(candidate);
  if (shape) return problem(shape);
  const state = candidate as StoreState;

  const replay = segments.filter((n) => n > foldedThrough);
  let torn: { segment: number; completeBytes: number } | undefined;
  for (const [i, n] of replay.entries()) {
    if (n !== foldedThrough + 1 + i) {
      return problem(`journal segment ${foldedThrough + 1 + i} is missing`);
    }
    const segment = await readSegment(segmentPath(file, n));
    if (segment.tornBytes > 0) {
      if (i < replay.length - 1) return problem(`journal segment ${n} ends in a torn line`);
      torn = { segment: n, completeBytes: segment.completeBytes };
    }
    for (const [l, lineText] of segment.lines.entries()) {
      const line = parseJournalLine(lineText);
      if (typeof line === 'string') {
        return problem(`line ${l + 1} of journal segment ${n} cannot be replayed: ${line}`);
      }
      applyJournalLine(state, line);
    }
  }
  const lawless = storedStateProblem(state);
  if (lawless) return problem(lawless);
  return {
    kind: 'state',
    state,
    foldedThrough,
    segments,
    ...(torn ? { torn } : {}),
    snapshotBytes: Buffer.byteLength(text),
  };
}

// ---------------------------------------------------------------- opening

const MIN_COMPACT_AFTER_BYTES = 256 * 1024;

/** `20261130T184501Z`: sorts by time and is a valid file name everywhere. */
function stampOf(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/**
 * Moves FILE and its journal out of the way under a name no earlier copy has, and says what
 * was kept. The fresh FILE is written only after both moves, so a crash half-way never puts the
 * seed in front of the old journal.
 */
async function setAside(
  file: string,
  stored: { fileExists: boolean; segments: number[] },
  stamp: string,
): Promise<string> {
  const copy = await freeSetAsideName(file, stamp);
  for (const n of stored.segments) await rename(segmentPath(file, n), segmentPath(copy, n));
  if (stored.fileExists) await rename(file, copy);
  await syncDirectory(dirname(file));
  const kept = [
    ...(stored.fileExists ? [copy] : []),
    ...(stored.segments.length > 0 ? [`${copy}.journal.*`] : []),
  ];
  return kept.join(' and ');
}

/** Cuts off a line a crash tore, so that nothing is ever appended after half a line. */
async function cutTornTail(path: string, completeBytes: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(completeBytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Runs one compaction in a worker thread. The worker is started through tsx's CommonJS hook
 * because the mock runs from TypeScript sources (under tsx, and under Vitest, whose loaders a
 * worker does not inherit).
 */
function runCompaction(job: CompactionJob): Promise<void> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      const require = createRequire(import.meta.url);
      worker = new Worker(
        'const { workerData } = require("node:worker_threads");' +
          'require(workerData.tsx).require(workerData.entry, workerData.entry);',
        {
          eval: true,
          execArgv: [],
          workerData: {
            tsx: require.resolve('tsx/cjs/api'),
            entry: fileURLToPath(new URL('./file-compaction-worker.ts', import.meta.url)),
            job,
          },
        },
      );
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    worker.once('message', (outcome: CompactionOutcome) => {
      if (outcome.ok) resolve();
      else reject(new Error(`compaction failed: ${outcome.message}`));
    });
    worker.once('error', reject);
    // Settles nothing when the worker has already answered.
    worker.once('exit', (code) => reject(new Error(`compaction worker exited with code ${code}`)));
  });
}

type LineJob = { kind: 'line'; seq: number; segment: number; text: string };
type SnapshotJob = { kind: 'snapshot'; seq: number; foldedThrough: number; json: string };

/**
 * Opens the store behind FILE: its snapshot plus the journal replayed when they are readable and
 * lawful, else the seed (with a notice, the unreadable data set aside under a unique name).
 */
export async function openFileStore(options: FileStoreOptions): Promise<FileStore> {
  const {
    file,
    seed,
    size,
    seedNow = () => new Date(),
    clock,
    generate = generateSeed,
    onError = (error: unknown) => console.error(`[mock] ${file}:`, error),
  } = options;
  const dir = dirname(file);
  const fresh = () => generate({ seed, size, now: seedNow() });

  await mkdir(dir, { recursive: true });
  // A snapshot write that a crash interrupted; FILE is still the one before it.
  await rm(`${file}.tmp`, { force: true });

  const stored = await readStateFile(file);
  let notice: string | undefined;
  let state: StoreState;
  /** Journal segments up to this number are in FILE. */
  let folded = 0;
  /** Segments up to this number are complete on disk (and may be folded). */
  let closedThrough = 0;
  let snapshotBytes: number;
  if (stored.kind === 'state') {
    ({ state, snapshotBytes } = stored);
    folded = stored.foldedThrough;
    if (stored.torn) {
      await cutTornTail(segmentPath(file, stored.torn.segment), stored.torn.completeBytes);
    }
    // Folded segments that a crash left behind between the rename and their deletion.
    for (const n of stored.segments) if (n <= folded) await rm(segmentPath(file, n));
    closedThrough = Math.max(folded, ...stored.segments);
  } else {
    if (stored.kind === 'problem') {
      const kept = await setAside(file, stored, stampOf(clock ? clock() : new Date()));
      notice = `${file}: ${restoredNotice(stored.problem)} The unreadable data was kept as ${kept}.`;
    }
    state = fresh();
    snapshotBytes = await writeStateFile(file, state, 0);
  }
  const store = new IncidentStore(state, clock ? { clock } : {});
  const compactAfter =
    options.compactAfterBytes ?? Math.max(MIN_COMPACT_AFTER_BYTES, snapshotBytes / 4);

  // ------------------------------------------------------------ the journal writer

  let committed = 0;
  let durable = 0;
  /**
   * The first journal write that failed. From then on nothing more is written and `flush()`
   * rejects, for every later write too: the segment may now end in half a line, and a line
   * appended after it would make the journal unreadable, while skipping the failed change would
   * replay a history that never happened. A restart loads every change acknowledged before.
   */
  let failure: Error | undefined;
  const waiters: { seq: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  const queue: (LineJob | SnapshotJob)[] = [];
  let draining: Promise<void> | undefined;

  // A new segment per start: segments of earlier runs are never written again, so they can be
  // folded into FILE at once.
  let segment = closedThrough + 1;
  let segmentBytes = 0;
  let handle: FileHandle | undefined;
  let handleSegment = 0;
  let compaction: Promise<void> | undefined;
  let snapshotting = false;
  let closing = false;

  const settle = (seq: number) => {
    durable = seq;
    while (waiters.length > 0 && (waiters[0]?.seq ?? Infinity) <= seq) waiters.shift()?.resolve();
  };

  const fail = (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    failure = new Error(`the journal of ${file} could not be written: ${reason}`);
    onError(failure);
    queue.length = 0;
    for (const waiter of waiters.splice(0)) waiter.reject(failure);
  };

  const removeSegmentsThrough = async (through: number) => {
    try {
      for (const n of await listSegments(file)) if (n <= through) await rm(segmentPath(file, n));
    } catch (error) {
      // Harmless: FILE says which segments it includes, and loading skips them.
      onError(error);
    }
  };

  const compactSoon = () => {
    if (compaction || snapshotting || closing || failure || closedThrough <= folded) return;
    const job: CompactionJob = { file, from: folded, through: closedThrough };
    compaction = runCompaction(job)
      .then(async () => {
        folded = job.through;
        await removeSegmentsThrough(job.through);
        return true;
      })
      .catch((error: unknown) => {
        onError(error);
        return false;
      })
      .then((done) => {
        compaction = undefined;
        // After a failure, wait for the next closed segment rather than retry in a loop.
        if (done) compactSoon();
      });
  };

  const closeHandle = async () => {
    if (!handle) return;
    const closed = handle;
    handle = undefined;
    await closed.close();
    closedThrough = Math.max(closedThrough, handleSegment);
  };

  const append = async (n: number, text: string) => {
    if (handleSegment !== n || !handle) {
      await closeHandle();
      handle = await open(segmentPath(file, n), 'a');
      handleSegment = n;
      // The new segment's name must survive a power cut as surely as the lines in it.
      await syncDirectory(dir);
    }
    await handle.appendFile(text);
    await handle.datasync();
  };

  /** A reset: the new state becomes FILE, and every segment written before it is dropped. */
  const writeSnapshot = async (job: SnapshotJob) => {
    snapshotting = true;
    try {
      await compaction;
      await closeHandle();
      await writeStateFile(file, job.json, job.foldedThrough);
      folded = job.foldedThrough;
      closedThrough = Math.max(closedThrough, folded);
      await removeSegmentsThrough(folded);
    } finally {
      snapshotting = false;
    }
  };

  const drain = () => {
    draining ??= (async () => {
      while (queue.length > 0 && !failure) {
        const first = queue[0] as LineJob | SnapshotJob;
        try {
          if (first.kind === 'snapshot') {
            queue.shift();
            await writeSnapshot(first);
            settle(first.seq);
          } else {
            // Group commit: every line queued for this segment shares one write and one sync.
            let n = 1;
            while (n < queue.length) {
              const next = queue[n];
              if (next?.kind !== 'line' || next.segment !== first.segment) break;
              n++;
            }
            const batch = queue.splice(0, n) as LineJob[];
            await append(first.segment, batch.map((job) => job.text).join(''));
            settle((batch.at(-1) as LineJob).seq);
          }
        } catch (error) {
          fail(error);
        }
        compactSoon();
      }
    })().finally(() => {
      draining = undefined;
      // A change committed while the loop was finishing would otherwise wait for the next one.
      if (queue.length > 0 && !failure) drain();
    });
  };

  const unsubscribe = store.subscribe((change) => {
    committed += 1;
    if (failure) return;
    try {
      if (change.reset) {
        // Stringified here, on the server's thread: the seed was just generated here too, which
        // costs more, and the snapshot must be exactly the state at the reset.
        queue.push({
          kind: 'snapshot',
          seq: committed,
          foldedThrough: segment,
          json: store.serialize(),
        });
        segment += 1;
        segmentBytes = 0;
      } else {
        const text = journalLine(store, change);
        if (segmentBytes > 0 && segmentBytes + text.length > compactAfter) {
          segment += 1;
          segmentBytes = 0;
        }
        segmentBytes += text.length;
        queue.push({ kind: 'line', seq: committed, segment, text });
      }
    } catch (error) {
      fail(error);
      return;
    }
    drain();
  });

  const flush = (): Promise<void> => {
    if (failure) return Promise.reject(failure);
    if (durable >= committed) return Promise.resolve();
    return new Promise((resolve, reject) => waiters.push({ seq: committed, resolve, reject }));
  };

  let closed: Promise<void> | undefined;
  const close = async () => {
    unsubscribe();
    // A failed write is rethrown below, once the files are closed.
    await flush().catch(() => undefined);
    await draining;
    closing = true;
    while (compaction) await compaction;
    await closeHandle();
    // A clean stop leaves FILE alone holding everything, easy to copy or inspect.
    if (!failure && closedThrough > folded) {
      try {
        await runCompaction({ file, from: folded, through: closedThrough });
        folded = closedThrough;
        await removeSegmentsThrough(folded);
      } catch (error) {
        onError(error);
      }
    }
    if (failure) throw failure;
  };

  compactSoon();
  return {
    store,
    ...(notice ? { notice } : {}),
    loadedFromFile: stored.kind === 'state',
    async reset() {
      store.replaceState(fresh());
      await flush();
    },
    flush,
    close: () => (closed ??= close()),
  };
}
