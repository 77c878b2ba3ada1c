/**
 * The graph's force-directed layout (fcose) on a headless Cytoscape.js, from each node's box
 * (label included) and the edges: what the layout worker runs, and the page itself when it
 * cannot start one. fcose keeps labels apart by laying out the boxes; a few hundred iterations
 * settle a graph of this kind, and the few nodes it leaves touching are then moved apart.
 */
import cytoscape, { type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { separated } from './place-nodes';

cytoscape.use(fcose);

export type LayoutRequest = {
  /** Each node's box, label included, in model pixels. */
  nodes: { id: string; w: number; h: number }[];
  edges: { id: string; source: string; target: string }[];
};

export type Positions = Record<string, { x: number; y: number }>;

const FCOSE: LayoutOptions = {
  name: 'fcose',
  quality: 'default',
  randomize: true,
  animate: false,
  fit: false,
  padding: 24,
  // The boxes below already hold the labels.
  nodeDimensionsIncludeLabels: false,
  uniformNodeDimensions: false,
  packComponents: true,
  nodeRepulsion: () => 6000,
  idealEdgeLength: () => 70,
  edgeElasticity: () => 0.45,
  nodeSeparation: 60,
  numIter: 1000,
} as LayoutOptions;

export function computeLayout({ nodes, edges }: LayoutRequest): Positions {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...nodes.map((n) => ({ group: 'nodes' as const, data: n })),
      ...edges.map((e) => ({ group: 'edges' as const, data: e })),
    ],
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
  });
  cy.layout(FCOSE).run();
  const positions: Positions = {};
  cy.nodes().forEach((n) => {
    positions[n.id()] = { ...n.position() };
  });
  cy.destroy();
  return separated({ nodes, edges }, positions);
}
