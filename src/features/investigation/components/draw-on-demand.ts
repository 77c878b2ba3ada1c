import cytoscape from 'cytoscape';

/**
 * Cytoscape.js's canvas renderer asks the browser for an animation frame on every frame, whether
 * it has anything to draw or not (`startRenderLoop` of its base renderer, 3.35;
 * cytoscape/cytoscape.js#2656, closed unfixed). An idle graph kept the page producing frames:
 * measured on an open Investigate tab, 0.47 CPU-seconds in 5 s, where the queue takes 0.03.
 *
 * This loop runs the same frame (the same steps, in the same order, as 3.35's), but asks for the
 * next one only while the renderer has a frame to draw, and for a second after its last (the
 * renderer builds its texture caches in idle frames, and asks for a redraw when one is ready).
 * `redraw()`, which every change, resize, pointer and wheel event of the renderer goes through,
 * wakes it. Cytoscape's own animations (`animate()`) would step only while it is awake; the
 * graph uses none (layouts run unanimated). Cytoscape offers no option for this, and a renderer
 * registered as an extension may not replace the base renderer's methods, so the canvas
 * renderer's prototype is given these two. tests/e2e/investigate.spec.ts checks that an idle
 * graph asks for no frames and that a change is still drawn; tests/ui/draw-on-demand.test.ts
 * that 3.35's loop is the one this replaces.
 */

type BeforeRender = { fn: (willDraw: boolean, startTime: number) => void };

/** The fields of Cytoscape.js's renderer that its render loop reads and writes. */
type LoopRenderer = {
  cy: { batching(): boolean };
  destroyed?: boolean;
  renderLoopStarted?: boolean;
  requestedFrame?: boolean;
  skipFrame?: boolean;
  renderOptions?: unknown;
  beforeRenderCallbacks: BeforeRender[];
  render(options: unknown): void;
  lastDrawTime?: number;
  averageRedrawTime?: number;
  redrawCount?: number;
  redrawTotalTime?: number;
  lastRedrawTime?: number;
  /** Set by the loop below: asks for the next frame if none is asked for. */
  wakeRenderLoop?: () => void;
};

type RendererPrototype = {
  startRenderLoop: (this: LoopRenderer) => void;
  redraw: (this: LoopRenderer, options?: unknown) => void;
  drawsOnDemand?: true;
};

/** Frames run after the last one drawn before the loop sleeps: about a second. */
const AWAKE_FRAMES = 60;

/** The canvas renderer's prototype, if this Cytoscape.js registers one by that name. */
export function canvasRendererPrototype(): RendererPrototype | undefined {
  const renderer = cytoscape('renderer', 'canvas') as { prototype?: RendererPrototype } | undefined;
  return renderer?.prototype;
}

function runBeforeRender(r: LoopRenderer, willDraw: boolean, startTime: number) {
  for (const callback of r.beforeRenderCallbacks) callback.fn(willDraw, startTime);
}

/** One frame, as Cytoscape.js 3.35 runs it; true when it drew. */
function frame(r: LoopRenderer, requestTime: number): boolean {
  if (r.cy.batching()) return false;
  if (!r.requestedFrame || r.skipFrame) {
    runBeforeRender(r, false, requestTime);
    return false;
  }
  // Requests made by the callbacks or while drawing are kept for the next frame.
  r.requestedFrame = false;
  runBeforeRender(r, true, requestTime);
  const start = performance.now();
  r.render(r.renderOptions);
  const end = (r.lastDrawTime = performance.now());
  const duration = end - start;
  r.averageRedrawTime ??= duration;
  r.redrawCount = (r.redrawCount ?? 0) + 1;
  r.redrawTotalTime = (r.redrawTotalTime ?? 0) + duration;
  r.lastRedrawTime = duration;
  // Weighted toward the previous average, so that one slow frame does not swing it.
  r.averageRedrawTime = r.averageRedrawTime / 2 + duration / 2;
  return true;
}

/** Starts `r`'s loop: it asks for frames while there is something to draw, and sleeps after. */
function startLoop(r: LoopRenderer) {
  if (r.renderLoopStarted) return;
  r.renderLoopStarted = true;
  let asked = false;
  let idle = 0;
  const run = (requestTime: number) => {
    asked = false;
    if (r.destroyed) return;
    const drew = frame(r, requestTime);
    r.skipFrame = false;
    idle = drew || r.requestedFrame || r.cy.batching() ? 0 : idle + 1;
    if (idle < AWAKE_FRAMES) ask();
  };
  const ask = () => {
    if (asked || r.destroyed) return;
    asked = true;
    requestAnimationFrame(run);
  };
  r.wakeRenderLoop = () => {
    idle = 0;
    ask();
  };
  ask();
}

/** Gives the canvas renderer a render loop that sleeps while nothing is drawn. Idempotent. */
export function drawOnDemand(): void {
  const proto = canvasRendererPrototype();
  if (!proto || proto.drawsOnDemand) return;
  const redraw = proto.redraw;
  proto.drawsOnDemand = true;
  proto.startRenderLoop = function startRenderLoop() {
    startLoop(this);
  };
  proto.redraw = function redrawAndWake(options) {
    redraw.call(this, options);
    this.wakeRenderLoop?.();
  };
}
