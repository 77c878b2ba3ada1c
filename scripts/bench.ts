/**
 * `npm run bench`: prints the speed figures the project budgets (no timed assertions anywhere).
 *
 * - seed generation, default and large (budget: large ≤ 3 s)
 * - a filtered, sorted page of 50 incidents on the large store (10,000 / 50,000), answered by the
 *   store's query path and through the full Graph handler (budget: ≤ 20 ms median)
 * - merge 5 × 30 alerts, move 150 alerts, relate and unrelate an alert (large store; ≤ 5 ms each)
 * - write latency of `mock:serve` over HTTP (a PATCH and a comment), in memory and with `--data`,
 *   so the price of durability reads as a ratio measured in the same run
 * - `mock:serve` under 8 clients of the console's queue reads (scripts/bench-serve.ts)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getResponse } from 'msw';
import { createHandlers } from '@mocks/handlers';
import { IncidentStore } from '@mocks/store/incident-store';
import { mergeIncidents } from '@mocks/store/merge';
import { moveAlerts } from '@mocks/store/move';
import { relateAlert, unrelateAlert } from '@mocks/store/relation-ops';
import { PERSONAS } from '@mocks/store/personas';
import { generateSeed } from '@mocks/store/seed/generate';
import { inMemoryOnly, type MockRuntime } from '@mocks/runtime';
import { startServer } from '@mocks/server';
import { loadMockServe } from './bench-serve';
import { stats } from './bench-stats';
import type { AlertRecord, SeedSize } from '@mocks/store/types';

const NOW = new Date('2026-11-01T12:00:00Z');

type Figure = { name: string; unit: string; median: number; p95: number; budget?: number };
const figures: Figure[] = [];

async function measure(name: string, runs: number, fn: () => unknown, budget?: number) {
  await fn(); // warm-up: JIT and caches, as a long-running worker would be
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  figures.push({ name, unit: 'ms', ...stats(samples), ...(budget ? { budget } : {}) });
}

function seedTimes(size: SeedSize, runs: number, budget?: number) {
  const samples: number[] = [];
  let state = generateSeed({ seed: 1, size, now: NOW });
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    state = generateSeed({ seed: 1 + i, size, now: NOW });
    samples.push(performance.now() - t);
  }
  figures.push({
    name: `seed generation (${size})`,
    unit: 'ms',
    ...stats(samples),
    ...(budget ? { budget } : {}),
  });
  return state;
}

/**
 * Merges of 5 incidents × 30 alerts in the large store. Setup (not measured) tops up groups of
 * five unowned, unclassified live incidents without related alerts to 30 alerts each with alerts
 * taken from others.
 */
function benchMerge(store: IncidentStore) {
  const analyst = PERSONAS[0]!;
  const live = store.incidents().filter(
    (i) =>
      (i.status === 'active' || i.status === 'inProgress') &&
      !i.assignedTo &&
      !i.classification &&
      // Related (Sentinel) alerts count towards the 150 too: only incidents of home alerts,
      // at most 30, so five of them merge within the limit.
      store.relationsOf(i.id).length === 0 &&
      store.alertIdsOf(i.id).length <= 30,
  );
  const groups: string[][] = [];
  for (let g = 0; g < 21; g++) groups.push(live.slice(g * 5, g * 5 + 5).map((i) => i.id));
  const inGroups = new Set(groups.flat());
  const donors = store.alerts().filter((a) => !inGroups.has(a.incidentId));
  let next = 0;
  store.transact('bench', (tx) => {
    for (const id of groups.flat()) {
      for (let n = store.alertIdsOf(id).length; n < 30; n++)
        tx.editAlert(donors[next++]!.id).incidentId = id;
    }
    return { ok: true, value: null };
  });
  const samples: number[] = [];
  for (const [i, incidentIds] of groups.entries()) {
    const t = performance.now();
    const result = mergeIncidents(store, analyst, {
      incidentIds,
      incidentComment: null,
      mergeReasons: ['sameCampaign'],
    });
    const dt = performance.now() - t;
    if (!result.ok) throw new Error(`bench merge refused: ${result.error.message}`);
    if (i > 0) samples.push(dt); // the first is warm-up
  }
  figures.push({
    name: 'merge 5 incidents × 30 alerts (large store)',
    unit: 'ms',
    ...stats(samples),
    budget: 5,
  });
}

/** Moves of 150 alerts (from live incidents across the store) into a new incident. */
function benchMove(store: IncidentStore) {
  const analyst = PERSONAS[0]!;
  const movable = store
    .alerts()
    .filter((a) => {
      const home = store.incident(a.incidentId);
      return home?.status === 'active' || home?.status === 'inProgress';
    })
    .map((a) => a.id);
  const samples: number[] = [];
  for (let run = 0; run < 21; run++) {
    const alertIds = movable.slice(run * 150, run * 150 + 150);
    const t = performance.now();
    const result = moveAlerts(store, analyst, {
      alertIds,
      incidentId: null,
      alertComment: null,
      newCorrelationReasons: ['sameAsset'],
    });
    const dt = performance.now() - t;
    if (!result.ok) throw new Error(`bench move refused: ${result.error.message}`);
    if (run > 0) samples.push(dt);
  }
  figures.push({
    name: 'move 150 alerts to a new incident (large store)',
    unit: 'ms',
    ...stats(samples),
    budget: 5,
  });
}

/**
 * Sequential PATCHes and comments over HTTP against the real server on the default store (the
 * ~11 MB one), each answered only once the runtime says it is durable. In-process: the client's
 * share of each figure is the same with and without `--data`.
 */
async function benchServerWrites(label: string, dataFile: string | undefined, runs: number) {
  const server = await startServer({
    port: 0,
    size: 'default',
    seed: 1,
    now: NOW,
    ...(dataFile ? { dataFile } : {}),
  });
  try {
    const { store } = server.runtime;
    const targets = store
      .incidents()
      .filter((i) => i.status === 'active' || i.status === 'inProgress')
      .slice(0, 20)
      .map((i) => i.id);
    const headers = {
      Authorization: 'Bearer mock.analyst@contoso.com',
      'Content-Type': 'application/json',
    };
    let n = 0;
    const write = async (path: string, method: string, body: unknown) => {
      const res = await fetch(`${server.url}/v1.0/security/incidents/${path}`, {
        method,
        headers,
        body: JSON.stringify(body),
      });
      if (res.status !== 200)
        throw new Error(`bench write failed: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    const target = () => targets[n++ % targets.length] ?? '';
    await measure(`PATCH incident over HTTP, ${label}`, runs, () =>
      write(target(), 'PATCH', { description: `Bench description ${n}` }),
    );
    await measure(`comment on incident over HTTP, ${label}`, runs, () =>
      write(`${target()}/comments`, 'POST', { comment: `Bench comment ${n}` }),
    );
  } finally {
    await server.close();
  }
}

/** The store figures: seeding, queries, merge and move, all in process. */
async function benchStore() {
  seedTimes('default', 3);
  const large = seedTimes('large', 3, 3000);
  console.log(
    `large store: ${Object.keys(large.incidents).length} incidents, ${Object.keys(large.alerts).length} alerts`,
  );

  const store = new IncidentStore(large, { clock: () => NOW });
  const runtime: MockRuntime = {
    store,
    seed: { seed: 1, size: 'large' },
    reset: async () => {},
    durable: inMemoryOnly,
  };
  const handlers = createHandlers(runtime);
  const headers = { Authorization: 'Bearer mock.analyst@contoso.com' };
  const queries: [string, string][] = [
    [
      'default queue',
      "$filter=status eq 'active' or status eq 'inProgress'&$orderby=lastUpdateDateTime desc&$top=50&$count=true",
    ],
    [
      'filtered + sorted',
      "$filter=(status eq 'active' or status eq 'inProgress') and severity ge 'medium' and assignedTo eq null&$orderby=severity desc,createdDateTime desc&$top=50&$count=true",
    ],
    [
      'by service source',
      "$filter=alerts/any(a:a/serviceSource eq 'microsoftDefenderForIdentity')&$orderby=createdDateTime desc&$top=50&$count=true",
    ],
    [
      'page 20',
      "$filter=status ne 'resolved'&$orderby=lastUpdateDateTime desc&$top=50&$skip=950&$count=true",
    ],
    [
      'search name or id',
      "$filter=contains(displayName,'multi-stage') or id eq 'multi-stage'&$top=50&$count=true",
    ],
  ];
  for (const [label, query] of queries) {
    const url = `https://graph.microsoft.com/v1.0/security/incidents?${query}`;
    await measure(
      `GET incidents, ${label} (large store)`,
      30,
      async () => {
        const res = await getResponse(handlers, new Request(url, { headers }));
        if (!res || res.status !== 200)
          throw new Error(`bench query failed: ${res?.status} ${await res?.text()}`);
        await res.json();
      },
      20,
    );
  }
  await measure(
    'GET incidents, page 1 with $expand=alerts (~1 MB answer, no budget)',
    30,
    async () => {
      const res = await getResponse(
        handlers,
        new Request(
          "https://graph.microsoft.com/v1.0/security/incidents?$filter=status ne 'resolved'&$top=50&$expand=alerts",
          { headers },
        ),
      );
      await res?.json();
    },
  );
  const scoped = { Authorization: 'Bearer mock.endpoint.analyst@contoso.com' };
  await measure(
    'GET incidents, scoped persona default queue (large store)',
    30,
    async () => {
      const res = await getResponse(
        handlers,
        new Request(`https://graph.microsoft.com/v1.0/security/incidents?${queries[0]![1]}`, {
          headers: scoped,
        }),
      );
      await res?.json();
    },
    20,
  );

  benchMerge(store);
  benchMove(store);
  benchRelations(store);
}

/**
 * Relating an alert to an incident, and removing it again, in the large store (issue budget:
 * 5 ms median each): Sentinel incidents take alerts of their workspace they do not hold yet.
 */
function benchRelations(store: IncidentStore) {
  const analyst = PERSONAS[0]!;
  const pairs: { incident: string; alert: AlertRecord }[] = [];
  const sentinel = store
    .incidents()
    .filter(
      (i) => i.provider === 'sentinel' && (i.status === 'active' || i.status === 'inProgress'),
    );
  const alerts = store.alerts();
  for (const incident of sentinel) {
    if (pairs.length >= 41) break;
    const alert = alerts.find(
      (a) =>
        a.incidentId !== incident.id &&
        a.workspace?.workspaceName === incident.workspace?.workspaceName &&
        !pairs.some((p) => p.alert.id === a.id),
    );
    if (alert && store.membersOf(incident.id).length < 149) {
      pairs.push({ incident: incident.armName, alert });
    }
  }
  const relate: number[] = [];
  const unrelate: number[] = [];
  for (const [i, { incident, alert }] of pairs.entries()) {
    let t = performance.now();
    const added = relateAlert(store, analyst, {
      incidentName: incident,
      relationName: `bench-${i}`,
      systemAlertId: alert.systemAlertId,
    });
    const dt = performance.now() - t;
    if (!added.ok) throw new Error(`bench relate refused: ${added.error.message}`);
    t = performance.now();
    const removed = unrelateAlert(store, analyst, incident, `bench-${i}`);
    const dt2 = performance.now() - t;
    if (!removed.ok) throw new Error(`bench unrelate refused: ${removed.error.message}`);
    if (i > 0) {
      relate.push(dt);
      unrelate.push(dt2);
    }
  }
  figures.push({ name: 'relate an alert (large store)', unit: 'ms', ...stats(relate), budget: 5 });
  figures.push({
    name: 'unrelate an alert (large store)',
    unit: 'ms',
    ...stats(unrelate),
    budget: 5,
  });
}

/** `tsx scripts/bench.ts writes` prints only the write latencies (a quick before/after check). */
async function main() {
  if (process.argv[2] !== 'writes') await benchStore();

  await benchServerWrites('in memory', undefined, 200);
  const dir = await mkdtemp(join(tmpdir(), 'bench-data-'));
  try {
    await benchServerWrites('--data', join(dir, 'store.json'), 200);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const load = await loadMockServe(5);
  figures.push({
    name: `mock:serve, 8 clients of queue reads: ${load.requestsPerSecond.toFixed(0)} req/s (goal ≥ 400)`,
    unit: 'ms',
    median: load.median,
    p95: load.p95,
  });

  console.log(
    '\nfigure                                                          median      p95   budget',
  );
  for (const f of figures) {
    const budget = f.budget ? `${f.budget} ${f.unit}` : '';
    const verdict = f.budget ? (f.median <= f.budget ? '  ok' : '  OVER BUDGET') : '';
    console.log(
      `${f.name.padEnd(62)} ${f.median.toFixed(1).padStart(8)} ${f.p95.toFixed(1).padStart(8)}   ${budget}${verdict}`,
    );
  }
  for (const kind of ['PATCH incident', 'comment on incident']) {
    const memory = figures.find((f) => f.name === `${kind} over HTTP, in memory`);
    const durable = figures.find((f) => f.name === `${kind} over HTTP, --data`);
    if (memory && durable) {
      console.log(
        `${kind} with --data costs ${(durable.median / memory.median).toFixed(1)}× the in-memory median`,
      );
    }
  }
}

await main();
