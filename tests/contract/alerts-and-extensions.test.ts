/** `security/alerts_v2`, enum handling, and the mock-only extensions under `mock/v1`. */
import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '@/domain/activity';
import type { Alert, ODataCollection } from '@/domain/graph';
import type { Persona } from '@/domain/identity';
import { call, ENDPOINT, expectGraphError, GRAPH, MOCK, useMockGraph } from './helpers';

const { runtime } = useMockGraph();

describe('alerts_v2', () => {
  it('lists alerts with the same OData options and filters by serviceSource', async () => {
    const res = await call<ODataCollection<Alert>>(
      `${GRAPH}/security/alerts_v2?$filter=serviceSource eq 'microsoftDefenderForOffice365' and severity ne 'informational'&$count=true&$top=20&$orderby=createdDateTime desc`,
    );
    expect(res.status).toBe(200);
    const want = runtime()
      .store.alerts()
      .filter(
        (a) =>
          a.serviceSource === 'microsoftDefenderForOffice365' && a.severity !== 'informational',
      );
    expect(res.body['@odata.count']).toBe(want.length);
    expect(res.body.value).toHaveLength(Math.min(20, want.length));
    for (const a of res.body.value) {
      expect(a.serviceSource).toBe('microsoftDefenderForOffice365');
      expect(a.id!.startsWith('fa')).toBe(true);
    }
    expect(res.body['@odata.nextLink']).toMatch(
      /^https:\/\/graph\.microsoft\.com\/v1\.0\/security\/alerts_v2\?/,
    );
  });

  it('gets one alert with its evidence, and 404s an unknown or hidden one', async () => {
    const alert = runtime()
      .store.alerts()
      .find((a) => a.serviceSource === 'microsoftDefenderForIdentity')!;
    const res = await call<Alert>(`${GRAPH}/security/alerts_v2/${alert.id}`);
    expect(res.status).toBe(200);
    expect(res.body.incidentId).toBe(alert.incidentId);
    expect(res.body.evidence?.length).toBeGreaterThan(0);
    for (const e of res.body.evidence!)
      expect(e['@odata.type']).toMatch(/^#microsoft\.graph\.security\./);
    expectGraphError(await call(`${GRAPH}/security/alerts_v2/da000`), 404, /da000/);
    expectGraphError(await call(`${GRAPH}/security/alerts_v2/${alert.id}`, { as: ENDPOINT }), 404);
  });

  it('emits evolvable enum members only when the client asks with Prefer', async () => {
    const sentinel = runtime()
      .store.alerts()
      .find((a) => a.serviceSource === 'microsoftSentinel')!;
    const plain = await call<Alert>(`${GRAPH}/security/alerts_v2/${sentinel.id}`);
    expect(plain.body.serviceSource).toBe('unknownFutureValue');
    const asked = await call<Alert>(`${GRAPH}/security/alerts_v2/${sentinel.id}`, {
      headers: { Prefer: 'include-unknown-enum-members' },
    });
    expect(asked.body.serviceSource).toBe('microsoftSentinel');
  });

  it('refuses $filter on properties alerts cannot be filtered by', async () => {
    expectGraphError(
      await call(`${GRAPH}/security/alerts_v2?$filter=description eq 'x'`),
      400,
      /description/,
    );
  });
});

describe('mock extensions', () => {
  it('lists the personas without a token, including a scoped operator and a reader', async () => {
    const res = await call<{ value: Persona[] }>(`${MOCK}/personas`, { as: null });
    expect(res.status).toBe(200);
    const roles = res.body.value.map((p) => p.role);
    expect(roles).toEqual(
      expect.arrayContaining(['securityAdministrator', 'securityOperator', 'securityReader']),
    );
    expect(res.body.value.some((p) => Array.isArray(p.sources) && p.sources.length === 1)).toBe(
      true,
    );
  });

  it('serves an incident activity log newest first, paged, filterable by kind', async () => {
    const store = runtime().store;
    const incident = store
      .incidents()
      .filter((i) => store.activities(i.id).some((e) => e.kind === 'comment'))
      .sort((a, b) => store.activities(b.id).length - store.activities(a.id).length)[0]!;
    const log = store.activities(incident.id);
    const url = `${MOCK}/incidents/${incident.id}/activities`;

    const page = await call<ODataCollection<ActivityEntry>>(`${url}?$top=3`);
    expect(page.status).toBe(200);
    expect(page.body['@odata.count']).toBe(log.length);
    expect(page.body.value.map((e) => e.id)).toEqual(
      log
        .slice()
        .reverse()
        .slice(0, 3)
        .map((e) => e.id),
    );
    if (log.length > 3) expect(page.body['@odata.nextLink']).toContain('$skip=3');

    const comments = await call<ODataCollection<ActivityEntry>>(`${url}?kind=comment&$top=200`);
    expect(comments.body.value.length).toBeGreaterThan(0);
    expect(comments.body.value.every((e) => e.kind === 'comment')).toBe(true);
    const audits = await call<ODataCollection<ActivityEntry>>(`${url}?kind=audit&$top=200`);
    expect(audits.body.value.length + comments.body.value.length).toBe(log.length);

    expectGraphError(await call(`${url}?kind=everything`), 400, /everything/);
    expectGraphError(await call(`${url}?$top=lots`), 400, /lots/);
    expectGraphError(await call(`${MOCK}/incidents/424242/activities`), 404, /424242/);
    // What it would otherwise ignore: an OData option it does not take, an option given twice.
    expectGraphError(
      await call(`${url}?$filter=kind eq 'audit'`),
      400,
      /'\$filter' is not supported/,
    );
    expectGraphError(await call(`${url}?$orderby=createdDateTime`), 400, /'\$orderby'/);
    expectGraphError(
      await call(`${url}?kind=audit&kind=comment`),
      400,
      /'kind' was specified more than once/,
    );
    expectGraphError(
      await call(`${url}?$top=5&$top=1`),
      400,
      /'\$top' was specified more than once/,
    );
  });

  it('marks entries a merge copied in and filters by origin', async () => {
    const store = runtime().store;
    const target = store
      .incidents()
      .find((i) => store.activities(i.id).some((e) => e.originIncidentId))!;
    const url = `${MOCK}/incidents/${target.id}/activities`;
    const merged = await call<ODataCollection<ActivityEntry>>(`${url}?origin=merged&$top=200`);
    expect(merged.body.value.length).toBeGreaterThan(0);
    expect(merged.body.value.every((e) => e.originIncidentId)).toBe(true);
    const own = await call<ODataCollection<ActivityEntry>>(`${url}?origin=this&$top=200`);
    expect(own.body.value.every((e) => !e.originIncidentId)).toBe(true);
    expect(merged.body['@odata.count']! + own.body['@odata.count']!).toBe(
      store.activities(target.id).length,
    );
    expectGraphError(await call(`${url}?origin=elsewhere`), 400, /elsewhere/);
  });

  it('lists an incident’s entities derived from its alerts', async () => {
    const store = runtime().store;
    const incident = store.incidents().find((i) => store.summary(i.id).entities.length > 2)!;
    const res = await call<{ value: { kind: string; name: string; alertIds: string[] }[] }>(
      `${MOCK}/incidents/${incident.id}/entities`,
    );
    expect(res.status).toBe(200);
    expect(res.body.value.length).toBe(store.summary(incident.id).entities.length);
    const alertIds = new Set(store.alertIdsOf(incident.id));
    for (const e of res.body.value) for (const a of e.alertIds) expect(alertIds.has(a)).toBe(true);
  });

  it("lists an entity's alerts (its Timeline, the graph's Related alerts), oldest first, with their incidents", async () => {
    const store = runtime().store;
    const incident = store
      .incidents()
      .find((i) =>
        store.summary(i.id).entities.some((e) => store.alertsOfEntity(e.kind, e.key).length > 2),
      )!;
    const entity = store
      .summary(incident.id)
      .entities.find((e) => store.alertsOfEntity(e.kind, e.key).length > 2)!;
    type Entry = { alert: Alert; incidents: { incidentId: string; alertCount: number }[] };
    const query = new URLSearchParams({ kind: entity.kind, key: entity.name });
    const res = await call<{ value: Entry[] }>(`${MOCK}/entities/alerts?${query}`);
    expect(res.status).toBe(200);
    const want = store.alertsOfEntity(entity.kind, entity.key).map((a) => a.id);
    expect(res.body.value.map((e) => e.alert.id).sort()).toEqual([...want].sort());
    const times = res.body.value.map((e) => e.alert.createdDateTime ?? '');
    expect(times).toEqual([...times].sort());
    for (const { alert, incidents } of res.body.value) {
      expect(incidents.map((i) => i.incidentId)).toEqual(store.incidentIdsOfAlert(alert.id!));
      expect(alert['@mock.sentinelAlertId']).toBeDefined();
    }
    // The entity's key is matched without regard to case; the incident's own alerts are among them.
    expect(res.body.value.some((e) => e.incidents.some((i) => i.incidentId === incident.id))).toBe(
      true,
    );
  });

  it("answers a scoped persona with only the entity's alerts it may read", async () => {
    const store = runtime().store;
    const entity = store
      .incidents()
      .flatMap((i) => store.summary(i.id).entities)
      .find((e) => {
        const sources = new Set(store.alertsOfEntity(e.kind, e.key).map((a) => a.serviceSource));
        return sources.has('microsoftDefenderForEndpoint') && sources.size > 1;
      })!;
    const query = new URLSearchParams({ kind: entity.kind, key: entity.key });
    const res = await call<{ value: { alert: Alert }[] }>(`${MOCK}/entities/alerts?${query}`, {
      as: ENDPOINT,
    });
    expect(res.status).toBe(200);
    expect(res.body.value.length).toBeGreaterThan(0);
    for (const { alert } of res.body.value) {
      expect(alert.serviceSource).toBe('microsoftDefenderForEndpoint');
    }
  });

  it("refuses an entity's alerts with an unknown kind or no key, naming the option", async () => {
    expectGraphError(await call(`${MOCK}/entities/alerts?kind=planet&key=x`), 400, /'kind'/);
    expectGraphError(await call(`${MOCK}/entities/alerts?kind=device&key=%20`), 400, /'key'/);
    expectGraphError(await call(`${MOCK}/entities/alerts?kind=device`), 400, /'key'/);
    expectGraphError(
      await call(`${MOCK}/entities/alerts?kind=device&key=x&$top=1`),
      400,
      /'\$top' is not supported here; this list takes kind, key/,
    );
    expect((await call(`${MOCK}/entities/alerts?kind=device&key=x`, { as: null })).status).toBe(
      401,
    );
  });

  it('resets the demo data to the seed', async () => {
    const store = runtime().store;
    const seeded = store.snapshot();
    const some = store.incidents().find((i) => i.status === 'active')!;
    const patched = await call(`${GRAPH}/security/incidents/${some.id}`, {
      method: 'PATCH',
      body: { displayName: 'Changed before reset' },
    });
    expect(patched.status).toBe(200);
    expect(store.snapshot()).not.toEqual(seeded);
    const reset = await call(`${MOCK}/reset`, { method: 'POST' });
    expect(reset.status).toBe(204);
    expect(store.snapshot()).toEqual(seeded);
    expectGraphError(await call(`${MOCK}/reset`, { method: 'POST', as: null }), 401);
  });
});
