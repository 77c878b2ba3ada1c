/**
 * `POST security/alerts_v2/moveAlerts` (seed 001; SPEC.md §3.6, §6): every rule and error (each
 * refusal leaves the store byte-identical) and the effects on both sides.
 */
import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '@/domain/activity';
import type { Incident, MergeResponse, ODataCollection } from '@/domain/graph';
import { autoIncidentName } from '@/domain/naming';
import { checkLaws } from '@mocks/store/laws';
import { countEntities, summarize } from '@mocks/store/summary';
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
const MOVE = `${GRAPH}/security/alerts_v2/moveAlerts`;

const move = (body: unknown, as?: string) =>
  call<MergeResponse>(MOVE, { method: 'POST', body, ...(as ? { as } : {}) });

/** Live incidents with at least `alerts` alerts. */
function live(
  n: number,
  alerts = 2,
  pred: (i: IncidentRecord) => boolean = () => true,
): IncidentRecord[] {
  const store = runtime().store;
  return liveIncidents(
    store,
    n,
    `live incidents with ${alerts} alerts or more`,
    (i) => store.alertIdsOf(i.id).length >= alerts && pred(i),
  );
}

async function log(id: string): Promise<ActivityEntry[]> {
  return (await call<ODataCollection<ActivityEntry>>(`${MOCK}/incidents/${id}/activities?$top=200`))
    .body.value;
}

describe('moving to an existing incident', () => {
  it('re-homes the alerts, logs both sides, and keeps the laws', async () => {
    const store = runtime().store;
    const [from, to] = live(2, 3);
    const [a1, a2] = store.alertIdsOf(from!.id);
    const res = await move({
      alertIds: [a1, a2],
      incidentId: to!.id,
      alertComment: 'Same host, same actor',
      newCorrelationReasons: 'sameAsset, sameActor',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ targetIncidentId: to!.id });
    for (const id of [a1!, a2!]) expect(store.alert(id)!.incidentId).toBe(to!.id);

    const correlated = (await log(to!.id)).filter(
      (e) => e.action === 'alertCorrelated' && [a1, a2].includes(e.targetId),
    );
    expect(correlated).toHaveLength(2);
    for (const e of correlated) {
      expect(e.comment).toBe('Same host, same actor');
      expect(e.description).toContain('Same asset');
    }
    const movedOut = (await log(from!.id)).filter((e) => e.action === 'alertMovedOut');
    expect(movedOut.map((e) => e.targetId).sort()).toEqual([a1, a2].sort());
    expect(movedOut[0]!.description).toContain(to!.id);
    expect(checkLaws(store.peek())).toEqual([]);
  });

  it('recomputes severity on both sides, and resolves a source left without alerts', async () => {
    const store = runtime().store;
    const [from] = live(1, 1, (i) => store.alertIdsOf(i.id).length === 1 && !i.severitySetByHand);
    const [to] = live(1, 1, (i) => i.id !== from!.id && !i.severitySetByHand);
    const [only] = store.alertIdsOf(from!.id);
    const res = await move({ alertIds: [only], incidentId: to!.id });
    expect(res.status).toBe(200);
    const source = await call<Incident>(`${GRAPH}/security/incidents/${from!.id}`);
    expect(source.body.status).toBe('resolved');
    expect((await log(from!.id)).some((e) => /all its alerts were moved/.test(e.description))).toBe(
      true,
    );
    expect(checkLaws(store.peek())).toEqual([]);
  });

  it('is also routed at the namespace-qualified path and under beta', async () => {
    const store = runtime().store;
    const [from, to] = live(2, 3);
    const [a1, a2] = store.alertIdsOf(from!.id);
    const q = await call(`${GRAPH}/security/alerts_v2/microsoft.graph.security.moveAlerts`, {
      method: 'POST',
      body: { alertIds: [a1], incidentId: to!.id },
    });
    expect(q.status).toBe(200);
    const b = await call(`${BETA}/security/alerts_v2/moveAlerts`, {
      method: 'POST',
      body: { alertIds: [a2], incidentId: to!.id },
    });
    expect(b.status).toBe(200);
  });
});

describe('moving to a new incident', () => {
  it.each([
    ['null', null],
    ['absent', undefined],
  ])(
    'incidentId %s creates an active, unowned incident named and ranked from its alerts',
    async (_label, incidentId) => {
      const store = runtime().store;
      const [from] = live(1, 3);
      const ids = store.alertIdsOf(from!.id).slice(0, 2);
      const res = await move({
        alertIds: ids,
        ...(incidentId === undefined ? {} : { incidentId }),
      });
      expect(res.status).toBe(200);
      const created = await call<Incident>(
        `${GRAPH}/security/incidents/${res.body.targetIncidentId}?$expand=alerts`,
      );
      expect(created.status).toBe(200);
      expect(created.body.alerts!.map((a) => a.id).sort()).toEqual([...ids].sort());
      expect(created.body.status).toBe('active');
      expect(created.body.assignedTo).toBeNull();
      const alerts = store.alertsOf(res.body.targetIncidentId);
      const s = summarize(alerts);
      const counts = countEntities(s.entities);
      expect(created.body.displayName).toBe(
        autoIncidentName({
          categories: s.categories,
          devices: counts.device,
          users: counts.user,
          mailboxes: counts.mailbox,
          sources: s.serviceSources,
        }),
      );
      const rank = ['informational', 'low', 'medium', 'high'];
      const max = alerts
        .map((a) => a.severity)
        .sort((x, y) => rank.indexOf(y) - rank.indexOf(x))[0];
      expect(created.body.severity).toBe(max);
      const entries = await log(res.body.targetIncidentId);
      expect(entries.filter((e) => e.action === 'alertCorrelated')).toHaveLength(2);
      expect(checkLaws(store.peek())).toEqual([]);
    },
  );
});

describe('every refusal names the problem and changes nothing', () => {
  it.each<[string, (ctx: { alerts: string[]; to: string }) => unknown, number, RegExp]>([
    ['no alertIds', () => ({}), 400, /alertIds/],
    ['an empty alertIds', () => ({ alertIds: [] }), 400, /one or more/],
    ['a non-string id', () => ({ alertIds: [3] }), 400, /string/],
    ['a duplicate', ({ alerts }) => ({ alertIds: [alerts[0], alerts[0]] }), 400, /more than once/],
    [
      'an unknown reason',
      ({ alerts, to }) => ({
        alertIds: alerts,
        incidentId: to,
        newCorrelationReasons: 'gut feeling',
      }),
      400,
      /'gut feeling'/,
    ],
    ['an unknown parameter', ({ alerts }) => ({ alertIds: alerts, why: 'x' }), 400, /'why'/],
    [
      'unknown alerts',
      ({ alerts }) => ({ alertIds: [alerts[0], 'da000', 'fa111'] }),
      404,
      /da000, fa111/,
    ],
    [
      'an unknown destination',
      ({ alerts }) => ({ alertIds: alerts, incidentId: '765432' }),
      404,
      /765432/,
    ],
    [
      'alerts already in the destination',
      ({ alerts, to }) => ({ alertIds: [alerts[0]], incidentId: to }),
      400,
      /already in incident/,
    ],
  ])('%s', async (_label, body, status, message) => {
    const store = runtime().store;
    const [from, to] = live(2, 2);
    const ctx = { alerts: store.alertIdsOf(from!.id).slice(0, 2), to: to!.id };
    // "already there" moves an alert of `to` into `to`.
    if (_label === 'alerts already in the destination')
      ctx.alerts = store.alertIdsOf(to!.id).slice(0, 1);
    await expectUnchanged(runtime(), async () => {
      expectGraphError(await move(body(ctx)), status, message);
    });
  });

  it('refuses resolved and redirected destinations', async () => {
    const store = runtime().store;
    const [from] = live(1, 2);
    const alertIds = store.alertIdsOf(from!.id).slice(0, 1);
    const resolved = store.incidents().find((i) => i.status === 'resolved')!;
    const redirected = store.incidents().find((i) => i.status === 'redirected')!;
    await expectUnchanged(runtime(), async () => {
      expectGraphError(await move({ alertIds, incidentId: resolved.id }), 400, /is resolved/);
      expectGraphError(await move({ alertIds, incidentId: redirected.id }), 400, /is redirected/);
    });
  });

  it('answers 403 to the reader and to a persona missing a source', async () => {
    const store = runtime().store;
    const [from] = live(1, 2, (i) =>
      store.sourcesOf(i.id).some((s) => s !== 'microsoftDefenderForEndpoint'),
    );
    const foreign = store
      .alertsOf(from!.id)
      .find((a) => a.serviceSource !== 'microsoftDefenderForEndpoint')!;
    const [mde] = live(
      1,
      1,
      (i) =>
        store.sourcesOf(i.id).length === 1 &&
        store.sourcesOf(i.id)[0] === 'microsoftDefenderForEndpoint',
    );
    await expectUnchanged(runtime(), async () => {
      expectGraphError(
        await move({ alertIds: [foreign.id] }, READER),
        403,
        /read-only access .* Missing permission SecurityData\.Manage\.All\.$/,
      );
      // The scoped persona cannot see the foreign alert at all: 404, as Graph hides it.
      expectGraphError(
        await move({ alertIds: [foreign.id] }, ENDPOINT),
        404,
        new RegExp(foreign.id),
      );
      // It sees the destination only if it reads one of its sources; then it must manage all of them.
      const mdeAlert = store.alertIdsOf(mde!.id)[0]!;
      const mixed = live(
        1,
        1,
        (i) =>
          store.sourcesOf(i.id).includes('microsoftDefenderForEndpoint') &&
          store.sourcesOf(i.id).length > 1,
      )[0]!;
      expectGraphError(
        await move({ alertIds: [mdeAlert], incidentId: mixed.id }, ENDPOINT),
        403,
        /no manage permission/,
      );
    });
  });

  it('refuses a move that would put more than 150 alerts in the destination', async () => {
    const store = runtime().store;
    const [to, from] = live(2, 2);
    const donors = store
      .alerts()
      .filter((a) => a.incidentId !== to!.id && a.incidentId !== from!.id)
      .slice(0, 149);
    store.transact('test', (tx) => {
      for (const a of donors) tx.editAlert(a.id).incidentId = to!.id;
      return { ok: true, value: null };
    });
    const count = store.alertIdsOf(to!.id).length;
    const alertIds = store.alertIdsOf(from!.id).slice(0, 2);
    await expectUnchanged(runtime(), async () => {
      expectGraphError(
        await move({ alertIds, incidentId: to!.id }),
        400,
        new RegExp(`${count + 2} alerts.*at most 150`),
      );
    });
  });
});
