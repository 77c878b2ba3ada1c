/**
 * `POST security/incidents/mergeIncidents` (seeds 000, 002; SPEC.md §3.5, §5): every rule, every
 * error (each refusal leaves the store deep-equal), the effects, and the lock while merging.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ActivityEntry } from '@/domain/activity';
import type { Alert, Incident, MergeResponse, ODataCollection } from '@/domain/graph';
import { checkLaws } from '@mocks/store/laws';
import type { IncidentRecord } from '@mocks/store/types';
import {
  BETA,
  call,
  ENDPOINT,
  expectGraphError,
  expectUnchanged,
  GRAPH,
  liveIncidents,
  MOCK,
  READER,
  useMockGraph,
} from './helpers';

const { runtime } = useMockGraph();
const MERGE = `${GRAPH}/security/incidents/mergeIncidents`;

const merge = (body: unknown, as?: string) =>
  call<MergeResponse>(MERGE, { method: 'POST', body, ...(as ? { as } : {}) });

/** Live incidents with nothing set that would block a merge, and alerts from every source. */
function mergeable(n: number, pred: (i: IncidentRecord) => boolean = () => true): IncidentRecord[] {
  const store = runtime().store;
  return liveIncidents(
    store,
    n,
    'mergeable incidents',
    (i) =>
      i.assignedTo === null &&
      i.classification === null &&
      i.determination === null &&
      store.alertIdsOf(i.id).length > 0 &&
      pred(i),
  );
}

describe('a successful merge', () => {
  it('moves everything into the target chosen by the documented rule and redirects the sources', async () => {
    const store = runtime().store;
    const [a, b, c] = mergeable(3);
    const ids = [a!.id, b!.id, c!.id];
    const alertsBefore = ids.flatMap((id) => store.alertIdsOf(id));
    const tagsBefore = ids.flatMap((id) => store.incident(id)!.customTags);
    const logs = Object.fromEntries(ids.map((id) => [id, store.activities(id).length]));
    const expected = [...ids].sort(
      (x, y) =>
        // An incident's alerts are its home and its related (Sentinel) alerts alike.
        store.membersOf(y).length - store.membersOf(x).length ||
        store.incident(x)!.createdDateTime.localeCompare(store.incident(y)!.createdDateTime) ||
        Number(x) - Number(y),
    )[0]!;

    const res = await merge({
      incidentIds: ids,
      incidentComment: 'Same phishing campaign',
      mergeReasons: 'sameCampaign, sameActor',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ targetIncidentId: expected });
    const target = expected;
    const sources = ids.filter((id) => id !== target);

    const alerts = await call<ODataCollection<Alert>>(
      `${GRAPH}/security/alerts_v2?$filter=incidentId eq '${target}'&$top=200`,
    );
    expect(alerts.body.value.map((x) => x.id).sort()).toEqual([...alertsBefore].sort());

    const t = await call<Incident>(`${GRAPH}/security/incidents/${target}`);
    expect(t.body.status).not.toBe('redirected');
    for (const tag of tagsBefore) expect(t.body.customTags).toContain(tag);
    expect(t.body.comments?.at(-1)?.comment).toBe('Same phishing campaign');

    for (const id of sources) {
      const s = await call<Incident>(`${GRAPH}/security/incidents/${id}`);
      expect(s.body.status).toBe('redirected');
      expect(s.body.redirectIncidentId).toBe(target);
      expect(s.body.systemTags).toContain('Redirected');
      expect(store.alertIdsOf(id)).toEqual([]);
    }

    const log = await call<ODataCollection<ActivityEntry>>(
      `${MOCK}/incidents/${target}/activities?$top=200&kind=audit`,
    );
    const audit = log.body.value.find((e) => e.action === 'incidentsMerged')!;
    for (const id of sources) {
      expect(audit.description).toContain(id);
      expect(audit.description).toContain(store.incident(id)!.displayName);
    }
    expect(audit.description).toContain('Same campaign');
    expect(audit.comment).toBe('Same phishing campaign');

    const merged = await call<ODataCollection<ActivityEntry>>(
      `${MOCK}/incidents/${target}/activities?$top=200&origin=merged`,
    );
    for (const id of sources) {
      expect(merged.body.value.filter((e) => e.originIncidentId === id)).toHaveLength(logs[id]!);
    }
    expect(checkLaws(store.peek())).toEqual([]);
  });

  it('is also routed at the namespace-qualified path and under beta', async () => {
    const [a, b, c, d] = mergeable(4);
    const qualified = await call<MergeResponse>(
      `${GRAPH}/security/incidents/microsoft.graph.security.mergeIncidents`,
      { method: 'POST', body: { incidentIds: [a!.id, b!.id] } },
    );
    expect(qualified.status).toBe(200);
    const beta = await call<MergeResponse>(`${BETA}/security/incidents/mergeIncidents`, {
      method: 'POST',
      body: { incidentIds: [c!.id, d!.id] },
    });
    expect(beta.status).toBe(200);
  });

  it('carries the one set owner, classification and determination to the target', async () => {
    const store = runtime().store;
    const [a, b] = mergeable(2);
    store.transact('test', (tx) => {
      const edit = tx.editIncident(a!.id);
      edit.assignedTo = 'tier1@contoso.com';
      edit.classification = 'truePositive';
      edit.determination = 'phishing';
      return { ok: true, value: null };
    });
    const res = await merge({ incidentIds: [a!.id, b!.id] });
    expect(res.status).toBe(200);
    const target = store.incident(res.body.targetIncidentId)!;
    expect(target.assignedTo).toBe('tier1@contoso.com');
    expect(target.classification).toBe('truePositive');
    expect(target.determination).toBe('phishing');
    for (const alert of store.alertsOf(target.id))
      expect(alert.assignedTo).toBe('tier1@contoso.com');
  });

  it('renames an automatically named target, and keeps an analyst’s name', async () => {
    const store = runtime().store;
    const [a, b, c, d] = mergeable(4, (i) => i.nameIsAutomatic);
    const first = await merge({ incidentIds: [a!.id, b!.id] });
    const renamed = store.incident(first.body.targetIncidentId)!;
    expect(renamed.nameIsAutomatic).toBe(true);
    expect(renamed.displayName).toMatch(/incident/);

    await call(`${GRAPH}/security/incidents/${c!.id}`, {
      method: 'PATCH',
      body: { displayName: 'Analyst name' },
    });
    await call(`${GRAPH}/security/incidents/${d!.id}`, {
      method: 'PATCH',
      body: { displayName: 'Other name' },
    });
    const second = await merge({ incidentIds: [c!.id, d!.id] });
    expect(store.incident(second.body.targetIncidentId)!.displayName).toMatch(
      /Analyst name|Other name/,
    );
  });

  it('follows chains: a source of an earlier merge still leads to the final target', async () => {
    const store = runtime().store;
    const [a, b, c] = mergeable(3);
    const first = await merge({ incidentIds: [a!.id, b!.id] });
    const second = await merge({ incidentIds: [first.body.targetIncidentId, c!.id] });
    expect(second.status).toBe(200);
    for (const id of [a!.id, b!.id, c!.id]) {
      expect(store.finalIncidentId(id)).toBe(second.body.targetIncidentId);
    }
    expect(checkLaws(store.peek())).toEqual([]);
  });
});

describe('every refusal names the problem and changes nothing', () => {
  it.each<[string, (ids: string[]) => unknown, number, RegExp]>([
    ['no incidentIds', () => ({}), 400, /incidentIds/],
    ['incidentIds not an array', () => ({ incidentIds: '1,2' }), 400, /incidentIds/],
    ['a non-string id', (ids) => ({ incidentIds: [ids[0], 7] }), 400, /string/],
    ['one incident', (ids) => ({ incidentIds: [ids[0]] }), 400, /2 to 5/],
    ['six incidents', (ids) => ({ incidentIds: ids.slice(0, 6) }), 400, /2 to 5.*6/],
    ['a duplicate', (ids) => ({ incidentIds: [ids[0], ids[0]] }), 400, /more than once/],
    [
      'an unknown merge reason',
      (ids) => ({ incidentIds: ids.slice(0, 2), mergeReasons: 'sameCampaign, vibes' }),
      400,
      /'vibes'/,
    ],
    [
      'an unknown parameter',
      (ids) => ({ incidentIds: ids.slice(0, 2), force: true }),
      400,
      /'force'/,
    ],
    [
      'unknown ids',
      (ids) => ({ incidentIds: [ids[0], '777777', '888888'] }),
      404,
      /777777, 888888/,
    ],
  ])('%s', async (_label, body, status, message) => {
    const ids = mergeable(6).map((i) => i.id);
    await expectUnchanged(runtime(), async () => {
      expectGraphError(await merge(body(ids)), status, message);
    });
  });

  it('refuses resolved and redirected incidents, naming them', async () => {
    const store = runtime().store;
    const [a] = mergeable(1);
    const resolved = store.incidents().find((i) => i.status === 'resolved')!;
    const redirected = store.incidents().find((i) => i.status === 'redirected')!;
    await expectUnchanged(runtime(), async () => {
      expectGraphError(
        await merge({ incidentIds: [a!.id, resolved.id] }),
        400,
        new RegExp(`Incident ${resolved.id} is resolved`),
      );
      expectGraphError(
        await merge({ incidentIds: [a!.id, redirected.id] }),
        400,
        new RegExp(`Incident ${redirected.id} is redirected`),
      );
    });
  });

  it.each([
    [
      'assignedTo',
      'tier1@contoso.com',
      'tier2@contoso.com',
      /Assigned to differs: tier1@contoso\.com vs tier2@contoso\.com/,
    ],
    [
      'classification',
      'truePositive',
      'falsePositive',
      /Classification differs: True positive vs False positive/,
    ],
  ] as const)('refuses differing %s, naming both values', async (field, x, y, message) => {
    const store = runtime().store;
    const [a, b] = mergeable(2);
    store.transact('test', (tx) => {
      tx.editIncident(a!.id)[field] = x as never;
      tx.editIncident(b!.id)[field] = y as never;
      return { ok: true, value: null };
    });
    await expectUnchanged(runtime(), async () => {
      expectGraphError(await merge({ incidentIds: [a!.id, b!.id] }), 400, message);
    });
  });

  it('refuses differing determinations under the same classification', async () => {
    const store = runtime().store;
    const [a, b] = mergeable(2);
    store.transact('test', (tx) => {
      Object.assign(tx.editIncident(a!.id), {
        classification: 'truePositive',
        determination: 'malware',
      });
      Object.assign(tx.editIncident(b!.id), {
        classification: 'truePositive',
        determination: 'phishing',
      });
      return { ok: true, value: null };
    });
    await expectUnchanged(runtime(), async () => {
      expectGraphError(
        await merge({ incidentIds: [a!.id, b!.id] }),
        400,
        /Determination differs: Malware vs Phishing/,
      );
    });
  });

  it('answers 403 to the reader and to a persona missing a source, naming the incident', async () => {
    const store = runtime().store;
    const [a, b] = mergeable(
      2,
      (i) =>
        store.sourcesOf(i.id).includes('microsoftDefenderForEndpoint') &&
        store.sourcesOf(i.id).length > 1,
    );
    await expectUnchanged(runtime(), async () => {
      expectGraphError(
        await merge({ incidentIds: [a!.id, b!.id] }, READER),
        403,
        /read-only access .* Missing permission SecurityData\.Manage\.All\.$/,
      );
      expectGraphError(
        await merge({ incidentIds: [a!.id, b!.id] }, ENDPOINT),
        403,
        new RegExp(`incident ${a!.id}`),
      );
    });
  });

  it('refuses a merge whose target would hold more than 150 alerts', async () => {
    const store = runtime().store;
    const [a, b] = mergeable(2);
    const donors = store
      .alerts()
      .filter((x) => x.incidentId !== a!.id && x.incidentId !== b!.id)
      .slice(0, 150);
    // Fixture: pile alerts into `a` (bypassing the 150 rule the merge enforces).
    store.transact('test', (tx) => {
      for (const alert of donors.slice(0, 140)) tx.editAlert(alert.id).incidentId = a!.id;
      for (const alert of donors.slice(140, 150)) tx.editAlert(alert.id).incidentId = b!.id;
      return { ok: true, value: null };
    });
    const total = store.alertIdsOf(a!.id).length + store.alertIdsOf(b!.id).length;
    expect(total).toBeGreaterThan(150);
    await expectUnchanged(runtime(), async () => {
      expectGraphError(
        await merge({ incidentIds: [a!.id, b!.id] }),
        400,
        new RegExp(`${total} alerts.*at most 150`),
      );
    });
  });

  it('refuses a body that is not JSON', async () => {
    await expectUnchanged(runtime(), async () => {
      expectGraphError(await merge('{"incidentIds": ['), 400, /JSON/);
    });
  });
});

describe('while a merge runs', () => {
  it('its incidents answer writes and other merges with 409, then the merge completes', async () => {
    const rt = runtime();
    const [a, b, c] = mergeable(3);
    // Long enough that the checks below run while it holds the lock, even on a busy machine.
    rt.mergeDelayMs = 1_000;
    try {
      const running = merge({ incidentIds: [a!.id, b!.id] });
      await vi.waitFor(() => expect(rt.store.isLocked(a!.id)).toBe(true));
      expectGraphError(
        await call(`${GRAPH}/security/incidents/${a!.id}`, {
          method: 'PATCH',
          body: { summary: 'x' },
        }),
        409,
        /being merged/,
      );
      expectGraphError(await merge({ incidentIds: [b!.id, c!.id] }), 409, /being merged/);
      // Reads never see a half-done merge.
      const midway = await call<Incident>(`${GRAPH}/security/incidents/${a!.id}`);
      expect(midway.body.status).not.toBe('redirected');
      expect((await running).status).toBe(200);
    } finally {
      rt.mergeDelayMs = 0;
    }
    const after = await merge({ incidentIds: [runtime().store.finalIncidentId(a!.id)!, c!.id] });
    expect(after.status).toBe(200);
  });
});
