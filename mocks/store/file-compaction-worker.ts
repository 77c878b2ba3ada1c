/**
 * Entry point of the compaction worker thread (started by file-persistence.ts): folds journal
 * segments into FILE off the server's thread, then reports once and exits. Loaded through tsx's
 * CommonJS hook, so it imports only relative modules and node built-ins.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { foldJournal } from './file-snapshot';

/** What the server's thread sends: fold segments `from + 1 … through` into `file`. */
export type CompactionJob = { file: string; from: number; through: number };
/** What the worker answers. */
export type CompactionOutcome = { ok: true } | { ok: false; message: string };

const { job } = workerData as { job: CompactionJob };
foldJournal(job.file, job.from, job.through).then(
  () => parentPort?.postMessage({ ok: true } satisfies CompactionOutcome),
  (error: unknown) =>
    parentPort?.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    } satisfies CompactionOutcome),
);
