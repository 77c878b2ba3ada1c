/**
 * Places nodes that join a drawn graph (Related alerts, an added alert's entities) without
 * laying out the whole graph again: each goes on the nearest free spot of rings around a
 * neighbour already placed, free meaning its box (label included) touches no other node's box.
 * The same pass moves apart the few nodes a force-directed layout leaves touching.
 */
import type { BoundingBox12, Core, NodeSingular } from 'cytoscape';

/** Room kept between two nodes' boxes (labels included), in model pixels. */
const GAP = 10;
const RING_STEP = 56;
const RINGS = 40;

type Box = { x1: number; y1: number; x2: number; y2: number };

const boxOf = (node: NodeSingular, gap = GAP): Box => {
  const b = node.boundingBox({ includeLabels: true, includeOverlays: false }) as BoundingBox12;
  return { x1: b.x1 - gap / 2, y1: b.y1 - gap / 2, x2: b.x2 + gap / 2, y2: b.y2 + gap / 2 };
};

const touches = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** The box `node` would have at `at` (its box now, moved). */
function boxAt(node: NodeSingular, at: { x: number; y: number }): Box {
  const now = boxOf(node);
  const p = node.position();
  const dx = at.x - p.x;
  const dy = at.y - p.y;
  return { x1: now.x1 + dx, y1: now.y1 + dy, x2: now.x2 + dx, y2: now.y2 + dy };
}

/** The free spot nearest to `anchor` for `node`, among boxes already `taken`. */
function freeSpot(
  node: NodeSingular,
  anchor: { x: number; y: number },
  away: number,
  taken: Box[],
) {
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
      const box = boxAt(node, at);
      if (!taken.some((t) => touches(t, box))) return { at, box };
    }
  }
  return undefined;
}

/**
 * Puts each of `ids` on a free spot around its first placed neighbour (nodes with no placed
 * neighbour go around the graph's middle). Every other node stays where it is.
 */
export function placeNodes(cy: Core, ids: readonly string[]) {
  const pending = new Set(ids);
  const placed = cy.nodes().filter((n) => !pending.has(n.id()));
  const taken: Box[] = placed.map((n) => boxOf(n as NodeSingular));
  const middle = (() => {
    if (placed.empty()) return { x: 0, y: 0 };
    const b = placed.boundingBox({});
    return { x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 };
  })();
  // Nodes next to a placed one first, so a chain of new nodes grows outwards.
  let order = [...pending];
  while (order.length > 0) {
    const next = order.find((id) =>
      cy
        .getElementById(id)
        .neighborhood()
        .nodes()
        .toArray()
        .some((m) => !pending.has(m.id())),
    );
    const id = next ?? order[0]!;
    order = order.filter((o) => o !== id);
    pending.delete(id);
    const node = cy.getElementById(id) as NodeSingular;
    const neighbour = node
      .neighborhood()
      .nodes()
      .filter((m) => !pending.has(m.id()))
      .first() as NodeSingular;
    const anchor = neighbour.nonempty() ? { ...neighbour.position() } : middle;
    const away = Math.atan2(anchor.y - middle.y, anchor.x - middle.x) || 0;
    const spot = freeSpot(node, anchor, away, taken);
    if (spot) {
      node.position(spot.at);
      taken.push(spot.box);
    } else {
      taken.push(boxOf(node));
    }
  }
}

/** The nodes whose box (label included) touches another's, but for one of each touching pair. */
export function touchingNodes(cy: Core): string[] {
  const nodes = cy.nodes().toArray();
  const boxes = nodes.map((n) => boxOf(n, 2));
  const moved = new Set<string>();
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      if (moved.has(nodes[i]!.id()) || moved.has(nodes[j]!.id())) continue;
      // The node with fewer edges moves: it drags fewer lines along.
      if (touches(boxes[i]!, boxes[j]!)) {
        const a = nodes[i]!;
        const b = nodes[j]!;
        moved.add(a.degree(false) <= b.degree(false) ? a.id() : b.id());
      }
    }
  }
  return [...moved];
}
