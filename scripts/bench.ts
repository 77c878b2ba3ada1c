/**
 * `npm run bench`: prints the speed figures the issues budget (no timed assertions anywhere).
 *
 * - seed generation, default and large (budget: large ≤ 3 s)
 * - a filtered, sorted page of 50 incidents on the large store (10,000 / 50,000), answered by the
 *   store's query path and through the full Graph handler (budget: ≤ 20 ms median)
 */
import { getResponse } from 'msw';
import { createHandlers } from '@mocks/handlers';
import { IncidentStore } from '@mocks/store/incident-store';
import { mergeIncidents } from '@mocks/store/merge';
import { moveAlerts } from '@mocks/store/move';
import { PERSONAS } from '@mocks/store/personas';
import { generateSeed } from '@mocks/store/seed';
import type { MockRuntime } from '@mocks/runtime';
import type { SeedSize } from '@mocks/store/types';

const NOW = new Date('2026-11-01T12:00:00Z');

type Figure = { name: string; unit: string; median: number; p95: number; budget?: number };
const figures: Figure[] = [];

function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

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
 * five unowned, unclassified live incidents to 30 alerts each with alerts taken from others.
 */
function benchMerge(store: IncidentStore) {
  const analyst = PERSONAS[0]!;
  const live = store
    .incidents()
    .filter(
      (i) =>
        (i.status === 'active' || i.status === 'inProgress') && !i.assignedTo && !i.classification,
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
    const result = mergeIncidents(store, analyst, { incidentIds, mergeReasons: 'sameCampaign' });
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
      newCorrelationReasons: 'sameAsset',
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

async function main() {
  seedTimes('default', 3);
  const large = seedTimes('large', 3, 3000);
  console.log(
    `large store: ${Object.keys(large.incidents).length} incidents, ${Object.keys(large.alerts).length} alerts`,
  );

  const store = new IncidentStore(large, { clock: () => NOW });
  const runtime: MockRuntime = { store, seed: { seed: 1, size: 'large' }, reset: async () => {} };
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
}

await main();
