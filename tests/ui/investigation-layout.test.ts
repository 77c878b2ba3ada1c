/**
 * Where the investigation graph's layout is computed: in a Web Worker when one answers, on the
 * page when there is no worker or it fails to start; and a node and edge set laid out once is
 * shown as it was when its graph opens again.
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
    // Once in, a new run is a new request (the canvas keeps what it finally draws).
    await layoutOf(request, start);
    expect(worker.requests).toBe(2);
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
