/**
 * The store's laws (ARCHITECTURE.md §4) hold after seeding and after any sequence of operations
 * (manage, comment, merge, move), accepted or refused. Property-based: fast-check generates the operations, valid and invalid.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Persona } from '@/domain/identity';
import { IncidentStore } from '@mocks/store/incident-store';
import { checkLaws } from '@mocks/store/laws';
import {
  parseComment,
  parseIncidentPatch,
  parseMergeRequest,
  parseMoveRequest,
  parseRelationBody,
} from '@mocks/handlers/bodies';
import { relateAlert, unrelateAlert } from '@mocks/store/relation-ops';
import { addIncidentComment, updateIncident } from '@mocks/store/incident-ops';
import { mergeIncidents } from '@mocks/store/merge';
import { moveAlerts } from '@mocks/store/move';
import { PERSONAS } from '@mocks/store/personas';
import { generateSeed } from '@mocks/store/seed/generate';
import type { Outcome, StoreState } from '@mocks/store/types';

const NOW = new Date('2026-11-01T12:00:00Z');
const seeded = generateSeed({ seed: 7, size: 'default', now: NOW });

/** A lawful slice of the seed small enough to snapshot after every step. */
function slice(state: StoreState, live: number): StoreState {
  const keep = new Set(
    Object.values(state.incidents)
      .filter((i) => i.status !== 'redirected')
      .slice(0, live)
      .map((i) => i.id),
  );
  for (const i of Object.values(state.incidents)) {
    if (i.status === 'redirected' && i.redirectIncidentId && keep.has(i.redirectIncidentId))
      keep.add(i.id);
  }
  const s = structuredClone(state);
  s.incidents = Object.fromEntries(Object.entries(s.incidents).filter(([id]) => keep.has(id)));
  s.alerts = Object.fromEntries(Object.entries(s.alerts).filter(([, a]) => keep.has(a.incidentId)));
  s.activities = Object.fromEntries(Object.entries(s.activities).filter(([id]) => keep.has(id)));
  s.relations = s.relations.filter((r) => keep.has(r.incidentId) && s.alerts[r.alertId]);
  // Most incidents unowned and unclassified, so that many random merges are allowed.
  Object.values(s.incidents).forEach((i, n) => {
    if (n % 4 !== 0 && i.status !== 'redirected') {
      i.assignedTo = null;
      i.classification = null;
      i.determination = null;
      if (i.status === 'resolved') i.status = 'active';
    }
  });
  for (const a of Object.values(s.alerts))
    a.assignedTo = s.incidents[a.incidentId]?.assignedTo ?? null;
  return s;
}

/** Runs `op` on a parsed request, or answers the parser's refusal. */
function then<T, R>(parsed: Outcome<T>, op: (value: T) => Outcome<R>): Outcome<R | T> {
  return parsed.ok ? op(parsed.value) : parsed;
}

describe('seeded store', () => {
  it('is lawful', () => {
    expect(checkLaws(seeded)).toEqual([]);
  });

  it('the checker notices broken laws', () => {
    const broken = structuredClone(seeded);
    const alert = Object.values(broken.alerts)[0]!;
    alert.incidentId = 'nowhere';
    const redirected = Object.values(broken.incidents).find((i) => i.status === 'redirected')!;
    redirected.redirectIncidentId = redirected.id;
    const problems = checkLaws(broken);
    expect(problems.some((p) => p.includes(`alert ${alert.id} has no home`))).toBe(true);
    expect(
      problems.some((p) => p.includes(`redirected incident ${redirected.id} does not lead`)),
    ).toBe(true);
  });
});

type Op =
  | {
      kind: 'patch';
      pick: number;
      persona: number;
      body: Record<string, unknown>;
      etag: 'current' | 'stale' | 'none';
    }
  | { kind: 'comment'; pick: number; persona: number; body: Record<string, unknown> }
  | {
      kind: 'move';
      picks: number[];
      target: number | null;
      persona: number;
      reasons: string | undefined;
    }
  | {
      kind: 'merge';
      picks: number[];
      persona: number;
      reasons: string | undefined;
      comment: string | undefined;
    }
  | {
      kind: 'relate';
      pick: number;
      alert: number;
      name: string;
      persona: number;
      resource: 'entities' | 'bookmarks';
    }
  | { kind: 'unrelate'; pick: number; name: string; persona: number };

const patchBody = fc.record(
  {
    status: fc.constantFrom(
      'active',
      'inProgress',
      'inprogress',
      'resolved',
      'RESOLVED',
      'redirected',
      'bogus',
    ),
    severity: fc.constantFrom('high', 'medium', 'low', 'informational', 'unknown', 'Critical'),
    assignedTo: fc.constantFrom(null, 'analyst@contoso.com', 'tier1@contoso.com', 'SOC Tier 2', 42),
    classification: fc.constantFrom(
      null,
      'truePositive',
      'FalsePositive',
      'informationalExpectedActivity',
      'nope',
    ),
    determination: fc.constantFrom(
      null,
      'malware',
      'notMalicious',
      'securityTesting',
      'other',
      'phishing',
    ),
    customTags: fc.oneof(
      fc.array(fc.constantFrom('VIP', 'PCI', 'Red team', 'vip', ''), { maxLength: 4 }),
      fc.constant('x'),
    ),
    displayName: fc.oneof(fc.string({ maxLength: 20 }), fc.constant('x'.repeat(300))),
    summary: fc.oneof(fc.constant(null), fc.string({ maxLength: 10 })),
  },
  { requiredKeys: [] },
);
/** Mostly plausible edits, sometimes a read-only property. */
const anyPatchBody = fc.oneof(
  { weight: 9, arbitrary: patchBody },
  { weight: 1, arbitrary: fc.constant({ id: '1' }) },
);

/** Mostly the operators who may write, sometimes the reader and the source-scoped operator. */
const personaIndex = fc.constantFrom(0, 0, 0, 1, 1, 2, 3).filter((i) => i < PERSONAS.length);

/** Few names, so that relations meet: reused, updated, refused, removed. */
const relationName = fc.constantFrom('r1', 'r2', 'r3');

const op: fc.Arbitrary<Op> = fc.oneof(
  // Twice as likely as the others: an unrelate only deletes what a relate earlier in the same
  // sequence made, and both paths must be exercised many times in every run.
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('relate' as const),
      pick: fc.nat(),
      alert: fc.nat(),
      name: relationName,
      persona: personaIndex,
      resource: fc.constantFrom('entities' as const, 'entities' as const, 'bookmarks' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('unrelate' as const),
      pick: fc.nat(),
      name: relationName,
      persona: personaIndex,
    }),
  },
  fc.record({
    kind: fc.constant('move' as const),
    picks: fc.array(fc.nat(), { minLength: 0, maxLength: 4 }),
    target: fc.option(fc.nat(), { nil: null }),
    persona: personaIndex,
    reasons: fc.constantFrom(undefined, 'sameAsset', 'sameAsset, nonsense'),
  }),
  fc.record({
    kind: fc.constant('merge' as const),
    picks: fc.oneof(
      { weight: 4, arbitrary: fc.array(fc.nat(), { minLength: 2, maxLength: 3 }) },
      { weight: 1, arbitrary: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }) },
    ),
    persona: personaIndex,
    reasons: fc.constantFrom(
      undefined,
      'sameCampaign, sameActor',
      'sharedIndicators',
      'sameCampaign, nonsense',
    ),
    comment: fc.constantFrom(undefined, 'Same attack story'),
  }),
  fc.record({
    kind: fc.constant('patch' as const),
    pick: fc.nat(),
    persona: personaIndex,
    body: anyPatchBody,
    etag: fc.constantFrom('current' as const, 'none' as const, 'none' as const, 'stale' as const),
  }),
  fc.record({
    kind: fc.constant('comment' as const),
    pick: fc.nat(),
    persona: personaIndex,
    body: fc.oneof(
      { weight: 6, arbitrary: fc.record({ comment: fc.string({ minLength: 1, maxLength: 40 }) }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom({ comment: 'x'.repeat(30_001) }, {}, { comment: ' ' }),
      },
    ),
  }),
);

describe('any sequence of operations keeps the laws', () => {
  it('accepted changes are lawful, logged and re-etagged; refused ones change nothing', () => {
    const base = slice(seeded, 10);
    expect(checkLaws(base)).toEqual([]);
    let accepted = 0;
    let refused = 0;
    let merged = 0;
    let moved = 0;
    let related = 0;
    let unrelated = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => {
        let t = NOW.getTime();
        const store = new IncidentStore(structuredClone(base), {
          clock: () => new Date((t += 60_000)),
        });
        const ids = store
          .incidents()
          .map((i) => i.id)
          .sort();
        for (const o of ops) {
          const id = ids[('pick' in o ? o.pick : 0) % ids.length]!;
          const persona = PERSONAS[o.persona] as Persona;
          const beforeText = store.serialize();
          let result: Outcome<unknown>;
          if (o.kind === 'patch') {
            const current = store.incident(id)!;
            const ifMatch =
              o.etag === 'current'
                ? [`W/"${current.version}"`]
                : o.etag === 'stale'
                  ? ['W/"0"']
                  : undefined;
            // Each body goes through the parser its route uses, then the store, as over HTTP.
            result = then(parseIncidentPatch(o.body), (patch) =>
              updateIncident(store, persona, id, patch, ifMatch),
            );
          } else if (o.kind === 'comment') {
            result = then(parseComment(o.body), (text) =>
              addIncidentComment(store, persona, id, text),
            );
          } else if (o.kind === 'move') {
            const alertIds = store
              .alerts()
              .map((a) => a.id)
              .sort();
            const body = {
              alertIds: o.picks.map((p) => alertIds[p % alertIds.length]!),
              incidentId: o.target === null ? null : ids[o.target % ids.length]!,
              ...(o.reasons !== undefined ? { newCorrelationReasons: o.reasons } : {}),
            };
            result = then(parseMoveRequest(body), (request) => moveAlerts(store, persona, request));
            if (result.ok) moved += 1;
          } else if (o.kind === 'relate') {
            const incident = store.incident(id)!;
            // Mostly alerts of the incident's workspace and of a kind Sentinel lets it take.
            const all = store.alerts().sort((a, b) => (a.id < b.id ? -1 : 1));
            const fitting = all.filter(
              (a) =>
                a.workspace?.workspaceName === incident.workspace?.workspaceName &&
                (incident.provider === 'sentinel' || a.serviceSource === 'microsoftSentinel'),
            );
            const pool = o.alert % 5 === 0 || fitting.length === 0 ? all : fitting;
            const alert = pool[o.alert % pool.length]!;
            // Where the alert lives, as its own ARM id says (any other path names no resource).
            const at = alert.workspace ?? incident.workspace;
            const resourceId = `/subscriptions/${at?.subscriptionId}/resourceGroups/${at?.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${at?.workspaceName}/providers/Microsoft.SecurityInsights/${o.resource}/${alert.systemAlertId}`;
            result = then(
              parseRelationBody({ properties: { relatedResourceId: resourceId } }),
              (parsed) =>
                relateAlert(store, persona, {
                  incidentName: incident.armName,
                  relationName: o.name,
                  ...parsed,
                }),
            );
            if (result.ok && (result.value as { created: boolean }).created) related += 1;
          } else if (o.kind === 'unrelate') {
            // Mostly a relation that exists; sometimes a name with nothing behind it.
            const relations = store.relations();
            const existing = o.pick % 4 === 0 ? undefined : relations[o.pick % relations.length];
            result = existing
              ? unrelateAlert(
                  store,
                  persona,
                  store.incident(existing.incidentId)!.armName,
                  existing.relationName,
                )
              : unrelateAlert(store, persona, store.incident(id)!.armName, o.name);
            if (result.ok && (result.value as { deleted: boolean }).deleted) unrelated += 1;
          } else {
            const body = {
              incidentIds: o.picks.map((p) => ids[p % ids.length]!),
              ...(o.reasons !== undefined ? { mergeReasons: o.reasons } : {}),
              ...(o.comment !== undefined ? { incidentComment: o.comment } : {}),
            };
            result = then(parseMergeRequest(body), (request) =>
              mergeIncidents(store, persona, request),
            );
            if (result.ok) merged += 1;
          }
          const afterText = store.serialize();
          if (!result.ok) {
            refused += 1;
            expect(afterText).toBe(beforeText);
            continue;
          }
          accepted += 1;
          const before = JSON.parse(beforeText) as StoreState;
          const after = JSON.parse(afterText) as StoreState;
          expect(checkLaws(after)).toEqual([]);
          // An incident changed if its record, its alerts or its log changed (law 7).
          const homes = (st: StoreState, k: string) =>
            Object.values(st.alerts)
              .filter((a) => a.incidentId === k)
              .map((a) => a.id)
              .sort()
              .join();
          const relatedTo = (st: StoreState, k: string) =>
            st.relations
              .filter((r) => r.incidentId === k)
              .map((r) => `${r.relationName}:${r.alertId}`)
              .sort()
              .join();
          const changed = Object.keys(after.incidents).filter(
            (k) =>
              JSON.stringify({ ...after.incidents[k], version: 0, lastUpdateDateTime: '' }) !==
                JSON.stringify({ ...before.incidents[k], version: 0, lastUpdateDateTime: '' }) ||
              homes(after, k) !== homes(before, k) ||
              relatedTo(after, k) !== relatedTo(before, k),
          );
          for (const k of Object.keys(after.incidents)) {
            const previous = before.incidents[k];
            // A new incident (a move to a new incident) has an etag of its own.
            if (!previous) continue;
            const bumped = after.incidents[k]!.version !== previous.version;
            expect(bumped).toBe(changed.includes(k));
          }
          for (const k of Object.keys(before.incidents)) expect(after.incidents[k]).toBeDefined();
          const logBefore = Object.values(before.activities).flat().length;
          const logAfter = Object.values(after.activities).flat().length;
          // Law 6: nothing is dropped, and every accepted change is logged.
          expect(logAfter).toBeGreaterThanOrEqual(logBefore);
          if (changed.length > 0) expect(logAfter).toBeGreaterThan(logBefore);
          for (const [k, entries] of Object.entries(before.activities)) {
            expect(after.activities[k]!.slice(0, entries.length)).toEqual(entries);
          }
        }
      }),
      { numRuns: 200 },
    );
    // The property is only worth something if both paths were exercised many times.
    console.log('COUNTS', JSON.stringify({ accepted, refused, merged, moved, related, unrelated }));
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
    expect(merged).toBeGreaterThan(20);
    expect(moved).toBeGreaterThan(20);
    expect(related).toBeGreaterThan(10);
    expect(unrelated).toBeGreaterThan(3);
  });
});
