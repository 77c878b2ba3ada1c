/**
 * Where the graph's layout is computed: in a Web Worker when the browser can start one (so the
 * page's thread stays free to draw), on the page's thread when it cannot or the worker fails.
 * Each node and edge set's layout is kept for the page's life, so reopening an incident's graph
 * shows it as it was, without laying it out again; one under way is joined, not started twice
 * (the route's loader starts it before the canvas asks). Small: the layout engine itself is in
 * the worker, and in this page only when the worker cannot run it.
 */
import type { LayoutRequest, Positions } from './compute-layout';

type Reply = { id: number; positions?: Positions; error?: string };

/** How many graphs' layouts are kept (the oldest goes first). */
const KEPT = 8;
const kept = new Map<string, Positions>();
/** Layouts under way, by node and edge set. */
const running = new Map<string, Promise<Positions>>();

/** A node and edge set, in any order, as one key. */
const layoutKey = ({ nodes, edges }: LayoutRequest) =>
  [...nodes.map((n) => n.id).sort(), '|', ...edges.map((e) => e.id).sort()].join('\n');

/** The layout kept for this node and edge set, if any. */
export const keptLayout = (request: LayoutRequest) => kept.get(layoutKey(request));

/**
 * Keeps a layout for this node and edge set: a run's as it finishes (labels already apart), and
 * the canvas's after Reset layout.
 */
export function keepLayout(request: LayoutRequest, positions: Positions) {
  const key = layoutKey(request);
  kept.delete(key);
  kept.set(key, positions);
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
}

let worker: Worker | null | undefined;
let nextId = 0;

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  return worker;
}

/** Starts the worker ahead of the first layout (loading its code takes a while). */
export function warmLayoutWorker() {
  if (typeof Worker !== 'undefined') startWorker();
}

/** The layout of `request`: from the worker, or on this thread if there is none or it fails. */
export function runLayout(
  request: LayoutRequest,
  start: () => Worker | null = () => (typeof Worker === 'undefined' ? null : startWorker()),
): Promise<Positions> {
  const here = () => import('./compute-layout').then(({ computeLayout }) => computeLayout(request));
  const w = start();
  if (!w) return here();
  const id = ++nextId;
  return new Promise<Positions>((resolve) => {
    const done = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    const onMessage = (event: MessageEvent<Reply>) => {
      if (event.data.id !== id) return;
      done();
      resolve(event.data.positions ?? here());
    };
    // The worker could not start (its script refused, say): this page lays out on its own.
    const onError = () => {
      done();
      if (worker === w) worker = null;
      w.terminate();
      resolve(here());
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage({ id, request });
  });
}

/**
 * The layout of this node and edge set: as kept (a run that finished, whoever asked for it: the
 * Actions menu lays the graph out before Investigate is chosen), the one under way, or a new run.
 */
export function layoutOf(
  request: LayoutRequest,
  start?: Parameters<typeof runLayout>[1],
): Promise<Positions> {
  const key = layoutKey(request);
  const done = kept.get(key);
  if (done) return Promise.resolve(done);
  const underWay = running.get(key);
  if (underWay) return underWay;
  const run = runLayout(request, start);
  running.set(key, run);
  run.then(
    (positions) => {
      running.delete(key);
      keepLayout(request, positions);
    },
    () => running.delete(key),
  );
  return run;
}
