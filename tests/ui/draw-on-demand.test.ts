/**
 * The investigation graph's render loop (src/features/investigation/components/draw-on-demand.ts):
 * it replaces Cytoscape.js's own, which asks for a frame on every frame. It draws a frame asked
 * for, runs the renderer's idle-frame work for a second after, then asks for no more frames until
 * a redraw wakes it. Frames are run by hand here; Chromium runs them in tests/e2e/investigate.
 */
import { createHash } from 'node:crypto';
import cytoscape from 'cytoscape';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  canvasRendererPrototype,
  drawOnDemand,
} from '@/features/investigation/components/draw-on-demand';

/** The frames asked for and not yet run. */
let asked: FrameRequestCallback[] = [];
let now = 0;

/** Runs the frames asked for so far (each may ask for the next). */
function runFrame() {
  const due = asked;
  asked = [];
  now += 16;
  for (const callback of due) callback(now);
}

beforeEach(() => {
  asked = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    asked.push(callback);
    return asked.length;
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** A renderer as the loop sees it: the canvas renderer's prototype over the loop's fields. */
function makeRenderer() {
  drawOnDemand();
  const proto = canvasRendererPrototype();
  if (!proto) throw new Error('Cytoscape.js registers no canvas renderer');
  const idle: boolean[] = [];
  const renderer = Object.assign(Object.create(proto) as typeof proto, {
    cy: { batching: () => false },
    beforeRenderCallbacks: [{ fn: (willDraw: boolean) => idle.push(!willDraw) }],
    drawn: 0,
    render() {
      renderer.drawn += 1;
    },
  });
  return { renderer, idle };
}

describe('the investigation graph draws on demand', () => {
  it('replaces the render loop of Cytoscape.js 3.35, and only that one', () => {
    // When Cytoscape.js's loop changes, read its new one against draw-on-demand.ts, which runs
    // the same frame, then record its fingerprint here.
    const base = cytoscape('renderer', 'base') as { prototype: { startRenderLoop: () => void } };
    const source = base.prototype.startRenderLoop
      .toString()
      .replace(/\/\/[^\n]*/g, '')
      .replace(/\s+/g, ' ');
    expect(createHash('sha256').update(source).digest('hex')).toBe(
      'e33a8cdc56f4fa6e62d0002aefe9766809b2a7ba4bb7314980cb7a8656a405c4',
    );
  });

  it('draws what is asked for, works on idle for a second, then asks for no frames', () => {
    const { renderer, idle } = makeRenderer();
    renderer.startRenderLoop();
    renderer.redraw();
    runFrame();
    expect(renderer.drawn).toBe(1);
    // The renderer's idle-frame work (texture caches) goes on for 60 frames, then the loop sleeps.
    for (let i = 0; i < 60; i++) runFrame();
    expect(idle.filter(Boolean)).toHaveLength(60);
    expect(asked).toHaveLength(0);
    runFrame();
    expect(idle).toHaveLength(61);
  });

  it('wakes on a redraw, asks for one frame at a time, and stops when destroyed', () => {
    const { renderer } = makeRenderer();
    renderer.startRenderLoop();
    for (let i = 0; i < 61; i++) runFrame();
    expect(asked).toHaveLength(0);

    renderer.redraw();
    renderer.redraw();
    expect(asked).toHaveLength(1);
    runFrame();
    expect(renderer.drawn).toBe(1);

    Object.assign(renderer, { destroyed: true });
    renderer.redraw();
    runFrame();
    expect(renderer.drawn).toBe(1);
    expect(asked).toHaveLength(0);
  });
});
