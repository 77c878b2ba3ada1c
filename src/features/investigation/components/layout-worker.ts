/**
 * The layout worker: fcose runs here, off the page's thread, which meanwhile creates and paints
 * the graph's canvas. One message in (a LayoutRequest), one out (the positions or an error).
 */
import { computeLayout, type LayoutRequest } from './compute-layout';

self.onmessage = (event: MessageEvent<{ id: number; request: LayoutRequest }>) => {
  const { id, request } = event.data;
  try {
    self.postMessage({ id, positions: computeLayout(request) });
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
};

/**
 * A small graph laid out while the worker waits for its first request (it starts when the
 * graph's code loads, before the page has the graph): the engine compiles fcose's loops on
 * their first runs, and the first real layout then runs at their optimised speed.
 */
function warmUp() {
  const nodes: LayoutRequest['nodes'] = [];
  const edges: LayoutRequest['edges'] = [];
  for (let i = 0; i < 40; i++) {
    nodes.push({ id: `a${i}`, w: 120, h: 54 }, { id: `e${i}`, w: 90, h: 54 });
    edges.push(
      { id: `x${i}`, source: `e${i}`, target: `a${i}` },
      { id: `y${i}`, source: `e${(i * 7) % 40}`, target: `a${(i + 1) % 40}` },
    );
  }
  computeLayout({ nodes, edges });
}
warmUp();
