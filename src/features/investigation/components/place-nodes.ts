/**
 * Keeps labels apart, from the boxes the layout was asked with (each node's box, label included,
 * measured as Cytoscape draws it: layout-request.ts) rather than from the drawn canvas, whose
 * per-node bounding boxes cost a millisecond each at 300 nodes. Pure: the layout worker runs it
 * after fcose, the canvas for nodes that join a drawn graph (Related alerts, an added alert's
 * entities) without laying out the whole graph again.
 *
 * A joining node goes on the nearest free spot of rings around a neighbour already placed, free
 * meaning its box touches no other node's box. The same pass moves apart the few nodes a
 * force-directed layout leaves touching.
 */
import type { LayoutRequest, Positions } from './compute-layout';
import { NODE } from './layout-request';

/** Room kept between two nodes' boxes (labels included), in model pixels. */
const GAP = 10;
const RING_STEP = 56;
const RINGS = 40;

type Box = { x1: number; y1: number; x2: number; y2: number };
type Point = { x: number; y: number };
type Size = { w: number; h: number };

/** A node's box at `at`: centred across, and from the node's top down through its label. */
const boxAt = ({ w, h }: Size, at: Point, gap: number): Box => ({
  x1: at.x - w / 2 - gap / 2,
  x2: at.x + w / 2 + gap / 2,
  y1: at.y - NODE / 2 - gap / 2,
  y2: at.y - NODE / 2 + h + gap / 2,
});

const touches = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Each node's neighbours, from the edges. */
function neighboursOf(edges: LayoutRequest['edges']) {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const e of edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  return neighbours;
}

/** The free spot nearest to `anchor` for a node of `size`, among boxes already `taken`. */
function freeSpot(size: Size, anchor: Point, away: number, taken: Box[]) {
  for (let ring = 1; ring <= RINGS; ring++) {
    const r = ring * RING_STEP;
    const steps = Math.max(6, Math.ceil((2 * Math.PI * r) / 40));
    // From the direction away from the graph's middle, alternating either side of it.
    for (let k = 0; k < steps; k++) {
      const turn = (Math.ceil(k / 2) * (k % 2 === 0 ? 1 : -1) * 2 * Math.PI) / steps;
      const at = {
        x: anchor.x + r * Math.cos(away + turn),
        y: anchor.y + r * Math.sin(away + turn),
      };
      const box = boxAt(size, at, GAP);
      if (!taken.some((t) => touches(t, box))) return { at, box };
    }
  }
  return undefined;
}

/**
 * Puts each of `ids` on a free spot around its first placed neighbour (nodes with no placed
 * neighbour go around the graph's middle). Every other node stays where `positions` has it.
 * Returns the positions with those of `ids` changed.
 */
export function placeNodes(
  { nodes, edges }: LayoutRequest,
  positions: Positions,
  ids: readonly string[],
): Positions {
  const result: Positions = { ...positions };
  const sizes = new Map(nodes.map((n) => [n.id, n]));
  const neighbours = neighboursOf(edges);
  const pending = new Set(ids.filter((id) => sizes.has(id)));
  const placed = nodes.filter((n) => !pending.has(n.id) && result[n.id]);
  const taken: Box[] = placed.map((n) => boxAt(n, result[n.id]!, GAP));
  const middle = (() => {
    if (placed.length === 0) return { x: 0, y: 0 };
    const xs = placed.map((n) => result[n.id]!.x);
    const ys = placed.map((n) => result[n.id]!.y);
    return {
      x: (Math.min(...xs) + Math.max(...xs)) / 2,
      y: (Math.min(...ys) + Math.max(...ys)) / 2,
    };
  })();
  const placedNeighbour = (id: string) =>
    (neighbours.get(id) ?? []).find((m) => !pending.has(m) && result[m]);
  // Nodes next to a placed one first, so a chain of new nodes grows outwards.
  let order = [...pending];
  while (order.length > 0) {
    const id = order.find((o) => placedNeighbour(o) !== undefined) ?? order[0]!;
    order = order.filter((o) => o !== id);
    pending.delete(id);
    const size = sizes.get(id)!;
    const neighbour = placedNeighbour(id);
    const anchor = neighbour ? { ...result[neighbour]! } : middle;
    const away = Math.atan2(anchor.y - middle.y, anchor.x - middle.x) || 0;
    const spot = freeSpot(size, anchor, away, taken);
    if (spot) {
      result[id] = spot.at;
      taken.push(spot.box);
    } else {
      result[id] ??= anchor;
      taken.push(boxAt(size, result[id], GAP));
    }
  }
  return result;
}

/** The nodes whose box (label included) touches another's, but for one of each touching pair. */
function touchingNodes({ nodes, edges }: LayoutRequest, positions: Positions): string[] {
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const at = nodes.filter((n) => positions[n.id]);
  const boxes = at.map((n) => boxAt(n, positions[n.id]!, 2));
  const moved = new Set<string>();
  for (let i = 0; i < at.length; i++) {
    for (let j = i + 1; j < at.length; j++) {
      const a = at[i]!.id;
      const b = at[j]!.id;
      if (moved.has(a) || moved.has(b)) continue;
      // The node with fewer edges moves: it drags fewer lines along.
      if (touches(boxes[i]!, boxes[j]!))
        moved.add((degree.get(a) ?? 0) <= (degree.get(b) ?? 0) ? a : b);
    }
  }
  return [...moved];
}

/** A layout's positions with the nodes it leaves touching moved apart. */
export const separated = (request: LayoutRequest, positions: Positions): Positions =>
  placeNodes(request, positions, touchingNodes(request, positions));

/** The box around every node (labels included) at these positions: what a fit shows. */
export function boundsOf({ nodes }: LayoutRequest, positions: Positions): Box | undefined {
  let bounds: Box | undefined;
  for (const n of nodes) {
    const p = positions[n.id];
    if (!p) continue;
    const b = boxAt(n, p, 0);
    bounds = bounds
      ? {
          x1: Math.min(bounds.x1, b.x1),
          y1: Math.min(bounds.y1, b.y1),
          x2: Math.max(bounds.x2, b.x2),
          y2: Math.max(bounds.y2, b.y2),
        }
      : b;
  }
  return bounds;
}
