/**
 * What the layout needs of an investigation graph, from the graph itself rather than from its
 * drawn canvas: each node's box (the node and its label below it) and the edges. Nothing here
 * needs Cytoscape, so the layout can start as soon as the incident's data is in — while the
 * graph's code still loads and its canvas is still being created — and the canvas then finds it
 * done or under way.
 */
import type { InvestigationGraph } from '../investigation-model';
import type { LayoutRequest } from './compute-layout';

/** The labels' font, as the canvas draws them (investigation-graph.tsx's stylesheet). */
export const LABEL_FONT_SIZE = 11;
export const LABEL_FONT_FAMILY = 'Segoe UI, system-ui, sans-serif';

/** Labels this long at most (about 110 px at 11 px): the menu and the list show the whole name. */
const MAX_LABEL = 20;
const shortLabel = (text: string) =>
  text.length <= MAX_LABEL ? text : `${text.slice(0, MAX_LABEL - 1).trimEnd()}…`;

/**
 * A node's width with its border (34 px, 2 px each side), and its box's height with the label
 * below: the boxes Cytoscape measures on the drawn canvas, to the pixel (checked in Chromium).
 */
export const NODE = 38;
const BOX_HEIGHT = 54;
/** The label's background padding on each side, and a pixel of rounding. */
const LABEL_PADDING = 3;
/** Where no canvas can measure text (tests in jsdom): a Segoe UI character's mean width. */
const MEAN_CHAR_WIDTH = 6;

let measure: ((text: string) => number) | undefined;

function textWidth(text: string): number {
  if (!measure) {
    const context =
      typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
    if (context) {
      context.font = `${LABEL_FONT_SIZE}px ${LABEL_FONT_FAMILY}`;
      measure = (t) => context.measureText(t).width;
    } else {
      measure = (t) => t.length * MEAN_CHAR_WIDTH;
    }
  }
  return measure(text);
}

const box = (id: string, label: string) => ({
  id,
  w: Math.max(NODE, Math.ceil(textWidth(label)) + 2 * LABEL_PADDING),
  h: BOX_HEIGHT,
});

export const alertLabel = (alert: InvestigationGraph['alerts'][number]) =>
  shortLabel(alert.alert.title ?? alert.alert.id ?? '');

export const entityLabel = (entity: InvestigationGraph['entities'][number]) =>
  shortLabel(entity.entity.name);

export function graphLayoutRequest(graph: InvestigationGraph): LayoutRequest {
  return {
    nodes: [
      ...graph.alerts.map((a) => box(a.id, alertLabel(a))),
      ...graph.entities.map((e) => box(e.id, entityLabel(e))),
    ],
    edges: graph.edges.map(({ id, source, target }) => ({ id, source, target })),
  };
}
