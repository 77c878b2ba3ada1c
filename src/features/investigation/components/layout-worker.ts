/**
 * The layout worker: fcose runs here, off the page's thread, which meanwhile creates and paints
 * the graph's canvas. One message in (a LayoutRequest), one out (the positions or an error).
 *
 * No warm-up run: the first request comes as soon as the incident's data is in (the idle
 * incident page sends it, or the Actions menu, or the route's loader), often before this script
 * has loaded, and a warm-up ran first and delayed it by as much as it saved (measured in
 * Chromium: ~300 ms of warm-up, then ~250 ms of layout, against ~450 ms for the first layout run
 * cold).
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
