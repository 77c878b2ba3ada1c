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
