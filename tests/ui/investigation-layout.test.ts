/**
 * Where the investigation graph's layout is computed: in a Web Worker when one answers, on the
 * page when there is no worker or it fails to start; a node and edge set is laid out once,
 * whoever asks first; and one drawn is shown as it was when its graph opens again.
 */
import { describe, expect, it } from 'vitest';
import type { LayoutRequest, Positions } from '@/features/investigation/components/compute-layout';
import { graphLayoutRequest } from '@/features/investigation/components/layout-request';
import {
  keepLayout,
  keptLayout,
  layoutOf,
  runLayout,
} from '@/features/investigation/components/run-layout';
import { boundsOf, placeNodes, separated } from '@/features/investigation/components/place-nodes';
import { buildInvestigation } from '@/features/investigation/investigation-model';
import type { IncidentEntity } from '@/api/entities/entities-api';

/** Three alerts and two entities; the first entity is in all three alerts. */
const REQUEST: LayoutRequest = {
  nodes: [
    { id: 'alert:1', w: 120, h: 54 },
    { id: 'alert:2', w: 120, h: 54 },
    { id: 'alert:3', w: 120, h: 54 },
    { id: 'entity:device:a', w: 90, h: 54 },
    { id: 'entity:user:b', w: 90, h: 54 },
  ],
  edges: [
    { id: 'e1', source: 'entity:device:a', target: 'alert:1' },
    { id: 'e2', source: 'entity:device:a', target: 'alert:2' },
    { id: 'e3', source: 'entity:device:a', target: 'alert:3' },
    { id: 'e4', source: 'entity:user:b', target: 'alert:3' },
  ],
};

type Listener = (event: { data: unknown }) => void;

/** A stand-in worker: `reply` says what it answers to a request (nothing: it fails to start). */
function fakeWorker(reply?: (request: LayoutRequest) => Positions) {
  const listeners: Record<string, Listener[]> = { message: [], error: [] };
  const worker = {
    terminated: false,
    requests: 0,
    addEventListener: (type: string, f: Listener) => listeners[type]?.push(f),
    removeEventListener: (type: string, f: Listener) => {
      listeners[type] = (listeners[type] ?? []).filter((g) => g !== f);
    },
    terminate: () => {
      worker.terminated = true;
    },
    postMessage: ({ id, request }: { id: number; request: LayoutRequest }) => {
      worker.requests += 1;
      queueMicrotask(() => {
        if (reply)
          listeners.message?.forEach((f) => f({ data: { id, positions: reply(request) } }));
        else listeners.error?.forEach((f) => f({ data: undefined }));
      });
    },
  };
  return worker;
}

/** Every node has a place, and no two share one. */
function expectLaidOut(positions: Positions) {
  const places = REQUEST.nodes.map((n) => positions[n.id]);
  for (const p of places) {
    expect(Number.isFinite(p?.x)).toBe(true);
    expect(Number.isFinite(p?.y)).toBe(true);
  }
  expect(new Set(places.map((p) => `${p?.x},${p?.y}`)).size).toBe(REQUEST.nodes.length);
}

describe('the investigation graph layout', () => {
  it('comes from the worker when it answers', async () => {
    const row = (request: LayoutRequest) =>
      Object.fromEntries(request.nodes.map((n, i) => [n.id, { x: i * 200, y: 0 }]));
    const worker = fakeWorker(row);
    const positions = await runLayout(REQUEST, () => worker as unknown as Worker);
    expect(worker.requests).toBe(1);
    expect(positions).toEqual(row(REQUEST));
  });

  it('is computed on the page when the worker fails to start', async () => {
    const worker = fakeWorker();
    const positions = await runLayout(REQUEST, () => worker as unknown as Worker);
    expect(worker.terminated).toBe(true);
    expectLaidOut(positions);
  });

  it('is computed on the page when the browser has no worker', async () => {
    expectLaidOut(await runLayout(REQUEST, () => null));
  });

  it('is kept for its node and edge set, in whatever order they come, and no other', () => {
    const positions = Object.fromEntries(REQUEST.nodes.map((n, i) => [n.id, { x: i, y: -i }]));
    keepLayout(REQUEST, positions);
    const reordered = { nodes: [...REQUEST.nodes].reverse(), edges: [...REQUEST.edges].reverse() };
    expect(keptLayout(reordered)).toEqual(positions);
    const fewer = { ...REQUEST, edges: REQUEST.edges.slice(1) };
    expect(keptLayout(fewer)).toBeUndefined();
  });

  it('is run once for a node and edge set asked for again while it runs (the loader, then the canvas)', async () => {
    const row = (request: LayoutRequest) =>
      Object.fromEntries(request.nodes.map((n, i) => [n.id, { x: i * 300, y: 7 }]));
    const worker = fakeWorker(row);
    const start = () => worker as unknown as Worker;
    const request = { ...REQUEST, edges: REQUEST.edges.slice(0, 3) };
    const first = layoutOf(request, start);
    const again = layoutOf({ nodes: [...request.nodes].reverse(), edges: request.edges }, start);
    expect(await again).toEqual(await first);
    expect(worker.requests).toBe(1);
  });

  it('is not run again once finished: the Actions menu lays out, the canvas takes it, then draws it as kept', async () => {
    const row = (request: LayoutRequest) =>
      Object.fromEntries(request.nodes.map((n, i) => [n.id, { x: i * 400, y: 9 }]));
    const worker = fakeWorker(row);
    const start = () => worker as unknown as Worker;
    const request = { ...REQUEST, edges: REQUEST.edges.slice(0, 2) };
    const engine = await layoutOf(request, start);
    expect(await layoutOf(request, start)).toEqual(engine);
    expect(worker.requests).toBe(1);
    // A layout kept later (Reset layout) replaces the finished run's.
    const drawn = { ...engine, 'alert:1': { x: -50, y: 60 } };
    keepLayout(request, drawn);
    expect(await layoutOf(request, start)).toEqual(drawn);
    expect(worker.requests).toBe(1);
  });
});

describe('what the layout is asked, from the graph alone', () => {
  const entity = (kind: IncidentEntity['kind'], key: string, name: string, alertIds: string[]) => ({
    kind,
    key,
    name,
    alertIds,
  });
  const graph = buildInvestigation({
    incidentId: '7',
    members: [
      {
        alert: { id: 'a1', title: 'Suspicious PowerShell command line on a device' },
        related: false,
      },
      { alert: { id: 'a2', title: 'Phish' }, related: true },
    ],
    entities: [
      entity('device', 'd1', 'WS-001', ['a1', 'a2']),
      entity('user', 'u1', 'Bo', ['a2', 'elsewhere']),
    ],
    explorations: [],
  });

  it('has a box per node and the edges of the incident', () => {
    const request = graphLayoutRequest(graph);
    expect(request.nodes.map((n) => n.id).sort()).toEqual(
      ['alert:a1', 'alert:a2', 'entity:device:d1', 'entity:user:u1'].sort(),
    );
    expect(request.edges.map((e) => `${e.source} ${e.target}`).sort()).toEqual([
      'entity:device:d1 alert:a1',
      'entity:device:d1 alert:a2',
      'entity:user:u1 alert:a2',
    ]);
  });

  it('sizes a box by its label, never narrower than the node, with room for the label below', () => {
    const width = new Map(graphLayoutRequest(graph).nodes.map((n) => [n.id, n]));
    // A long title is cut to 20 characters, so it is wider than a short name but bounded.
    expect(width.get('alert:a1')!.w).toBeGreaterThan(width.get('entity:device:d1')!.w);
    expect(width.get('alert:a1')!.w).toBeLessThan(200);
    expect(width.get('entity:user:u1')!.w).toBe(38);
    for (const n of width.values()) expect(n.h).toBe(54);
  });
});

describe('labels kept apart', () => {
  /** Every pair of boxes (labels included) that overlap at these positions. */
  const overlapping = (request: LayoutRequest, positions: Positions) => {
    const pairs: string[] = [];
    const { nodes } = request;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i]!;
        const b = nodes[j]!;
        const pa = positions[a.id]!;
        const pb = positions[b.id]!;
        if (Math.abs(pa.x - pb.x) * 2 < a.w + b.w && Math.abs(pa.y - pb.y) < (a.h + b.h) / 2)
          pairs.push(`${a.id} ${b.id}`);
      }
    }
    return pairs;
  };

  /** An incident like the bench's: `alerts` alerts, each with a device and a user of a few. */
  function incident(alerts: number): LayoutRequest {
    const nodes: LayoutRequest['nodes'] = [];
    const edges: LayoutRequest['edges'] = [];
    const entities = new Set<string>();
    for (let i = 0; i < alerts; i++) {
      nodes.push({ id: `alert:${i}`, w: 60 + (i % 7) * 12, h: 54 });
      for (const entity of [`entity:device:${i % 23}`, `entity:user:${i % 41}`]) {
        if (!entities.has(entity)) {
          entities.add(entity);
          nodes.push({ id: entity, w: 38 + (entity.length % 5) * 14, h: 54 });
        }
        edges.push({ id: `${entity}->${i}`, source: entity, target: `alert:${i}` });
      }
    }
    return { nodes, edges };
  }

  it('moves apart nodes a layout leaves on top of each other, and leaves the others where they were', () => {
    const positions: Positions = {
      'alert:1': { x: 0, y: 0 },
      'alert:2': { x: 10, y: 5 },
      'alert:3': { x: 500, y: 0 },
      'entity:device:a': { x: 0, y: 200 },
      'entity:user:b': { x: 500, y: 200 },
    };
    expect(overlapping(REQUEST, positions)).toEqual(['alert:1 alert:2']);
    const apart = separated(REQUEST, positions);
    expect(overlapping(REQUEST, apart)).toEqual([]);
    const moved = REQUEST.nodes.filter((n) => apart[n.id] !== positions[n.id]).map((n) => n.id);
    expect(moved).toHaveLength(1);
  });

  it('puts a joining node beside its neighbour, touching nothing, and moves nothing else', () => {
    const positions: Positions = {
      'alert:1': { x: 0, y: 0 },
      'alert:2': { x: 200, y: 0 },
      'alert:3': { x: 400, y: 0 },
      'entity:device:a': { x: 200, y: 150 },
      'entity:user:b': { x: 0, y: 0 },
    };
    const placed = placeNodes(REQUEST, positions, ['entity:user:b']);
    expect(overlapping(REQUEST, placed)).toEqual([]);
    const at = placed['entity:user:b']!;
    const neighbour = positions['alert:3']!;
    expect(Math.hypot(at.x - neighbour.x, at.y - neighbour.y)).toBeLessThan(120);
    for (const id of ['alert:1', 'alert:2', 'alert:3', 'entity:device:a'])
      expect(placed[id]).toEqual(positions[id]);
  });

  it('leaves no two labels overlapping in a 150-alert incident laid out on the page', async () => {
    const request = incident(150);
    const positions = await runLayout(request, () => null);
    expect(Object.keys(positions).sort()).toEqual(request.nodes.map((n) => n.id).sort());
    expect(overlapping(request, positions)).toEqual([]);
  });

  it('fits the whole graph: its bounds hold every box', () => {
    const positions: Positions = {
      'alert:1': { x: -100, y: 0 },
      'alert:2': { x: 0, y: 0 },
      'alert:3': { x: 100, y: 40 },
      'entity:device:a': { x: 0, y: 100 },
      'entity:user:b': { x: 50, y: -80 },
    };
    // Boxes run from the node's top (19 px above its centre) down through its label.
    expect(boundsOf(REQUEST, positions)).toEqual({ x1: -160, y1: -99, x2: 160, y2: 135 });
  });
});
