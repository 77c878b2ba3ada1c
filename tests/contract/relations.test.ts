/**
 * Sentinel's ARM contract over the same store (seed 004; SPEC.md §2.8, §7): incident reads, the
 * relation routes with every status code and every row of the seed's error table, word for word,
 * in ARM's envelope; and what a relation does to the incident it joins.
 */
import { describe, expect, it } from 'vitest';
import type { Incident } from '@/domain/graph';
import { ARM_API_VERSIONS, closedByRelationComment } from '@/domain/relations';
import type { IncidentStore } from '@mocks/store/incident-store';
import { checkLaws } from '@mocks/store/laws';
import type { AlertRecord, IncidentRecord, WorkspaceRef } from '@mocks/store/types';
import {
  ANALYST,
  call,
  ENDPOINT,
  expectUnchanged,
  GRAPH,
  MOCK,
  READER,
  useMockGraph,
} from './helpers';

const { runtime } = useMockGraph();
const ARM = 'https://management.azure.com';
const VERSION = '2022-07-01-preview';

const wsPath = (w: WorkspaceRef) =>
  `${ARM}/subscriptions/${w.subscriptionId}/resourceGroups/${w.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${w.workspaceName}/providers/Microsoft.SecurityInsights`;
const incidentUrl = (i: IncidentRecord, rest = '', version: string | null = VERSION) =>
  `${wsPath(i.workspace!)}/incidents/${i.armName}${rest}${version === null ? '' : `${rest.includes('?') ? '&' : '?'}api-version=${version}`}`;
const entityId = (a: AlertRecord) =>
  `/subscriptions/${a.workspace!.subscriptionId}/resourceGroups/${a.workspace!.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${a.workspace!.workspaceName}/providers/Microsoft.SecurityInsights/entities/${a.systemAlertId}`;

type ArmError = { error: { code: string; message: string } };

/** Asserts ARM's CloudError envelope (no Graph innerError) and returns the message. */
function expectArmError(res: { status: number; body: unknown }, status: number, message?: string) {
  expect(res.status).toBe(status);
  const body = res.body as ArmError;
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  expect(body.error.code.length).toBeGreaterThan(0);
  if (message !== undefined) expect(body.error.message).toBe(message);
  return body.error.message;
}

const put = (i: IncidentRecord, name: string, a: AlertRecord | string, as = ANALYST) =>
  call(incidentUrl(i, `/relations/${name}`), {
    as,
    method: 'PUT',
    body: { properties: { relatedResourceId: typeof a === 'string' ? a : entityId(a) } },
  });

const isOpen = (i: IncidentRecord) => i.status === 'active' || i.status === 'inProgress';
const isDefenderAlert = (a: AlertRecord) => a.serviceSource !== 'microsoftSentinel';

/** A Sentinel incident, and an alert of another incident of its workspace it may take. */
function relatable(
  store: IncidentStore,
  test: (a: AlertRecord, i: IncidentRecord) => boolean = () => true,
) {
  for (const incident of store.incidents()) {
    if (!isOpen(incident) || incident.provider !== 'sentinel') continue;
    if (store.membersOf(incident.id).length >= 140) continue;
    const alert = store
      .alerts()
      .find(
        (a) =>
          a.incidentId !== incident.id &&
          a.workspace?.workspaceName === incident.workspace?.workspaceName &&
          !store.relationsOf(incident.id).some((r) => r.alertId === a.id) &&
          test(a, incident),
      );
    if (alert) return { incident, alert };
  }
  throw new Error('no relatable pair in the seed');
}

describe('api-version and the envelope', () => {
  it("accepts the seed's version and every later one with the same relations model", async () => {
    const { incident } = relatable(runtime().store);
    for (const version of ARM_API_VERSIONS) {
      const res = await call(incidentUrl(incident, '', version));
      expect(res.status, version).toBe(200);
    }
  });

  it('names a missing or unknown api-version in a 400', async () => {
    const { incident } = relatable(runtime().store);
    expect(expectArmError(await call(incidentUrl(incident, '', null)), 400)).toMatch(/api-version/);
    expect(expectArmError(await call(incidentUrl(incident, '', '2021-04-01')), 400)).toMatch(
      /'2021-04-01' is invalid/,
    );
  });

  it('answers an unknown workspace with a 404 naming it', async () => {
    const { incident } = relatable(runtime().store);
    const url = incidentUrl(incident).replace(incident.workspace!.workspaceName, 'nowhere');
    expect(expectArmError(await call(url), 404)).toMatch(/workspaces\/nowhere/);
  });
});

describe('ARM incident reads', () => {
  it("lists a workspace's incidents with $top and nextLink, and filters on status", async () => {
    const { incident } = relatable(runtime().store);
    const base = `${wsPath(incident.workspace!)}/incidents?api-version=${VERSION}`;
    const first = await call<{
      value: { name: string; properties: { status: string } }[];
      nextLink: string;
    }>(`${base}&$top=5`);
    expect(first.status).toBe(200);
    expect(first.body.value).toHaveLength(5);
    const second = await call<{ value: { name: string }[] }>(first.body.nextLink);
    expect(second.body.value[0]?.name).not.toBe(first.body.value[0]?.name);
    const closed = await call<{ value: { properties: { status: string } }[] }>(
      `${base}&$top=50&$filter=properties/status eq 'Closed'`,
    );
    expect(closed.body.value.length).toBeGreaterThan(0);
    for (const i of closed.body.value) expect(i.properties.status).toBe('Closed');
    expectArmError(await call(`${base}&$filter=properties/title eq 'x'`), 400);
  });

  it('finds the Sentinel incident of a Graph incident by providerIncidentId, and only it', async () => {
    const { incident } = relatable(runtime().store);
    const base = `${wsPath(incident.workspace!)}/incidents?api-version=${VERSION}`;
    const found = await call<{ value: { name: string; id: string }[] }>(
      `${base}&$filter=${encodeURIComponent(`properties/providerIncidentId eq '${incident.id}'`)}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.value.map((i) => i.name)).toEqual([incident.armName]);
    expect(found.body.value[0]?.id).toBe(incidentUrl(incident, '', null).replace(ARM, ''));
    const none = await call<{ value: unknown[] }>(
      `${base}&$filter=${encodeURIComponent("properties/providerIncidentId eq '999999999'")}`,
    );
    expect(none.body.value).toEqual([]);
  });

  it("reads an incident in Sentinel's shape, and the Graph id and ARM name find each other", async () => {
    const store = runtime().store;
    const { incident } = relatable(store);
    const arm = await call<{
      name: string;
      type: string;
      etag: string;
      properties: Record<string, unknown>;
    }>(incidentUrl(incident));
    expect(arm.body.name).toBe(incident.armName);
    expect(arm.body.type).toBe('Microsoft.SecurityInsights/incidents');
    expect(arm.body.properties).toMatchObject({
      title: incident.displayName,
      incidentNumber: Number(incident.id),
      providerIncidentId: incident.id,
      providerName: 'Azure Sentinel',
      additionalData: expect.objectContaining({
        alertsCount: store.membersOf(incident.id).length,
      }) as unknown,
    });
    const graph = await call<Incident>(`${GRAPH}/security/incidents/${incident.id}`);
    expect(graph.body['@mock.sentinelIncidentId']).toBe(
      incidentUrl(incident, '', null).replace(ARM, ''),
    );
  });

  it("lists an incident's alerts, home and related, as SecurityAlerts", async () => {
    const store = runtime().store;
    const related = store.relations()[0]!;
    const incident = store.incident(related.incidentId)!;
    const res = await call<{ value: { kind: string; properties: Record<string, unknown> }[] }>(
      incidentUrl(incident, '/alerts'),
      { method: 'POST' },
    );
    expect(res.status).toBe(200);
    expect(res.body.value).toHaveLength(store.membersOf(incident.id).length);
    for (const a of res.body.value) {
      expect(a.kind).toBe('SecurityAlert');
      expect(a.properties).toMatchObject({
        systemAlertId: expect.any(String) as unknown,
        productName: expect.any(String) as unknown,
        severity: expect.stringMatching(/^(High|Medium|Low|Informational)$/) as unknown,
        status: expect.any(String) as unknown,
        timeGenerated: expect.any(String) as unknown,
      });
    }
    const marked = res.body.value.find(
      (a) => a.properties.systemAlertId === store.alert(related.alertId)!.systemAlertId,
    );
    expect(marked?.properties.additionalData).toMatchObject({ isRelated: true });
  });

  it('lists the seeded workspaces, each holding Defender XDR and Sentinel incidents', async () => {
    const res = await call<{ value: WorkspaceRef[] }>(`${MOCK}/workspaces`);
    expect(res.body.value.length).toBeGreaterThanOrEqual(2);
    for (const w of res.body.value) {
      const list = await call<{ value: { properties: { providerName: string } }[] }>(
        `${wsPath(w)}/incidents?api-version=${VERSION}&$top=1000`,
      );
      const providers = new Set(list.body.value.map((i) => i.properties.providerName));
      expect([...providers].sort()).toEqual(['Azure Sentinel', 'Microsoft XDR']);
    }
  });
});

describe('relations: the routes', () => {
  it('PUT creates (201), PUT again finds it (200), GET reads it, DELETE removes it (200, then 204)', async () => {
    const store = runtime().store;
    const { incident, alert } = relatable(store);
    const created = await put(incident, 'rel-1', alert);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: `${incidentUrl(incident, '', null).replace(ARM, '')}/relations/rel-1`,
      name: 'rel-1',
      type: 'Microsoft.SecurityInsights/incidents/relations',
      etag: expect.any(String) as unknown,
      properties: {
        relatedResourceId: entityId(alert),
        relatedResourceName: alert.systemAlertId,
        relatedResourceType: 'Microsoft.SecurityInsights/entities',
        relatedResourceKind: 'SecurityAlert',
      },
    });
    expect((await put(incident, 'rel-1', alert)).status).toBe(200);
    const read = await call(incidentUrl(incident, '/relations/rel-1'));
    expect(read.body).toEqual(created.body);

    const gone = await call(incidentUrl(incident, '/relations/rel-1'), { method: 'DELETE' });
    expect(gone.status).toBe(200);
    expect(store.relationsOf(incident.id).some((r) => r.relationName === 'rel-1')).toBe(false);
    expect(store.alert(alert.id)!.incidentId).toBe(alert.incidentId);
    expect(
      (await call(incidentUrl(incident, '/relations/rel-1'), { method: 'DELETE' })).status,
    ).toBe(204);
    expectArmError(await call(incidentUrl(incident, '/relations/rel-1')), 404);
  });

  it('lists relations with $top, nextLink and $skipToken', async () => {
    const store = runtime().store;
    const { incident } = relatable(store);
    const candidates = store
      .alerts()
      .filter(
        (a) =>
          a.incidentId !== incident.id &&
          a.workspace?.workspaceName === incident.workspace?.workspaceName,
      )
      .slice(0, 3);
    for (const [n, a] of candidates.entries())
      expect((await put(incident, `r${n}`, a)).status).toBe(201);
    const first = await call<{ value: { name: string }[]; nextLink: string }>(
      incidentUrl(incident, '/relations?$top=2'),
    );
    expect(first.body.value).toHaveLength(2);
    const rest = await call<{ value: { name: string }[]; nextLink?: string }>(first.body.nextLink);
    expect(rest.body.value.length).toBeGreaterThanOrEqual(1);
    expect(rest.body.value.map((r) => r.name)).not.toContain(first.body.value[0]!.name);
  });
  it('refuses a $skipToken it did not give out, and a $top out of range, with 400 naming them', async () => {
    const { incident } = relatable(runtime().store);
    for (const token of ['!!!', 'bm90IGEgbnVtYmVy', '%E2%98%83']) {
      const message = expectArmError(
        await call(incidentUrl(incident, `/relations?$skipToken=${token}`)),
        400,
      );
      expect(message).toContain('$skipToken');
    }
    for (const top of ['0', 'abc', '100000', '1.0', '%201', '1&$top=2']) {
      const message = expectArmError(
        await call(`${wsPath(incident.workspace!)}/incidents?$top=${top}&api-version=${VERSION}`),
        400,
      );
      expect(message).toContain('$top');
    }
  });

  it('refuses an api-version given twice, naming both', async () => {
    const { incident } = relatable(runtime().store);
    const message = expectArmError(
      await call(incidentUrl(incident, `?api-version=1999-01-01`)),
      400,
    );
    expect(message).toBe(
      `The api-version query parameter was given 2 times ('1999-01-01', '${VERSION}'); give it once.`,
    );
  });

  it('refuses a relation name that cannot be one segment of an ARM id, and relates nothing', async () => {
    const { incident, alert } = relatable(runtime().store);
    await expectUnchanged(runtime(), async () => {
      for (const name of ['%20', 'a%2Fb', 'a%3Fb', 'x'.repeat(257), 'tab%09name']) {
        const message = expectArmError(await put(incident, name, alert), 400);
        expect(message).toMatch(/^The relation name '.*' is not valid: use 1 to 256 characters/);
      }
    });
    expect((await put(incident, 'x'.repeat(256), alert)).status).toBe(201);
  });

  it('refuses a $filter or $orderby it would not apply, naming it, rather than ignoring it', async () => {
    const { incident } = relatable(runtime().store);
    for (const option of [
      "$filter=properties/relatedResourceKind eq 'SecurityAlert'",
      '$orderby=name',
    ]) {
      const message = expectArmError(
        await call(incidentUrl(incident, `/relations?${option}`)),
        400,
      );
      expect(message).toContain(option.split('=')[0]);
    }
    const message = expectArmError(
      await call(
        `${wsPath(incident.workspace!)}/incidents?$orderby=properties/severity&api-version=${VERSION}`,
      ),
      400,
    );
    expect(message).toBe(
      '$orderby is not supported on this list: incidents are listed newest first.',
    );
  });
});

describe("relations: the seed's error table, word for word", () => {
  it('the same alert, homed in the incident: 400', async () => {
    const store = runtime().store;
    const { incident } = relatable(store);
    const home = store.alertsOf(incident.id)[0]!;
    await expectUnchanged(runtime(), async () =>
      expectArmError(
        await put(incident, 'x', home),
        400,
        `Failed to create relation. Alert ${home.systemAlertId} already exists in incident ${incident.armName}.`,
      ),
    );
  });

  it('the same alert, already related under another name: 400', async () => {
    const { incident, alert } = relatable(runtime().store);
    expect((await put(incident, 'first', alert)).status).toBe(201);
    await expectUnchanged(runtime(), async () =>
      expectArmError(
        await put(incident, 'second', alert),
        400,
        `Failed to create relation. Alert ${alert.systemAlertId} already exists in incident ${incident.armName}.`,
      ),
    );
  });

  it('the relation name reused for a different alert: 409', async () => {
    const store = runtime().store;
    const { incident, alert } = relatable(store);
    const { alert: other } = relatable(store, (a, i) => i.id === incident.id && a.id !== alert.id);
    expect((await put(incident, 'taken', alert)).status).toBe(201);
    await expectUnchanged(runtime(), async () =>
      expectArmError(
        await put(incident, 'taken', other),
        409,
        `Failed to create relation. Relation with name taken already exists in incident ${incident.armName} to different alert ${alert.systemAlertId}.`,
      ),
    );
  });

  it('a different relation type under the same name: 400', async () => {
    const { incident, alert } = relatable(runtime().store);
    expect((await put(incident, 'named', alert)).status).toBe(201);
    const bookmark = entityId(alert).replace(
      /entities\/.*$/,
      'bookmarks/0f1e2d3c-4b5a-4968-8776-655443322110',
    );
    await expectUnchanged(runtime(), async () =>
      expectArmError(
        await put(incident, 'named', bookmark),
        400,
        `Failed to create relation. Different relation type with name named already exists in incident ${incident.armName}.`,
      ),
    );
  });

  it('an alert from another workspace: 400', async () => {
    const store = runtime().store;
    const { incident } = relatable(store);
    const far = store
      .alerts()
      .find((a) => a.workspace?.workspaceName !== incident.workspace?.workspaceName)!;
    await expectUnchanged(runtime(), async () =>
      expectArmError(
        await put(incident, 'far', far),
        400,
        'Failed to create relation. Related resource and incident should belong to the same workspace.',
      ),
    );
  });

  it('a Defender XDR alert added to, or removed from, a Defender XDR incident: 400', async () => {
    const store = runtime().store;
    const defenderIncident = store
      .incidents()
      .find((i) => isOpen(i) && i.provider === 'defender' && store.membersOf(i.id).length < 140)!;
    const defenderAlert = store
      .alerts()
      .find(
        (a) =>
          isDefenderAlert(a) &&
          a.incidentId !== defenderIncident.id &&
          a.workspace?.workspaceName === defenderIncident.workspace?.workspaceName,
      )!;
    await expectUnchanged(runtime(), async () =>
      expectArmError(
        await put(defenderIncident, 'dx', defenderAlert),
        400,
        'Failed to create relation. Microsoft Defender XDR alerts cannot be added to Microsoft Defender XDR incidents.',
      ),
    );
    // The seed holds relations Defender's own portal made: Sentinel cannot remove them.
    const seeded = store.relations().find((r) => {
      const i = store.incident(r.incidentId)!;
      return i.provider === 'defender' && isDefenderAlert(store.alert(r.alertId)!);
    })!;
    const incident = store.incident(seeded.incidentId)!;
    await expectUnchanged(runtime(), async () =>
      expectArmError(
        await call(incidentUrl(incident, `/relations/${seeded.relationName}`), {
          method: 'DELETE',
        }),
        400,
        'Failed to delete relation. Microsoft Defender XDR alerts cannot be removed from Microsoft Defender XDR incidents.',
      ),
    );
  });

  it('an unknown alert: 404 naming it; an unknown incident: 404', async () => {
    const { incident, alert } = relatable(runtime().store);
    const unknown = entityId(alert).replace(
      alert.systemAlertId,
      '00000000-0000-4000-8000-000000000000',
    );
    await expectUnchanged(runtime(), async () => {
      expectArmError(
        await put(incident, 'x', unknown),
        404,
        "Resource '00000000-0000-4000-8000-000000000000' does not exist.",
      );
      const missing = { ...incident, armName: '00000000-0000-4000-8000-00000000beef' };
      expectArmError(await put(missing, 'x', alert), 404, "Incident doesn't exist.");
      // The alert's id under another subscription or workspace names no resource.
      for (const elsewhere of [
        entityId(alert).replace(
          alert.workspace!.subscriptionId,
          '00000000-0000-0000-0000-000000000000',
        ),
        entityId(alert).replace(
          `/workspaces/${alert.workspace!.workspaceName}/`,
          '/workspaces/nope/',
        ),
      ]) {
        expectArmError(
          await put(incident, 'x', elsewhere),
          404,
          `Resource '${alert.systemAlertId}' does not exist.`,
        );
      }
      // An id without its workspace's path is not an ARM id.
      const bare = `/providers/Microsoft.SecurityInsights/entities/${alert.systemAlertId}`;
      expect(expectArmError(await put(incident, 'x', bare), 400)).toContain('is not the ARM id');
    });
  });
});

describe('relations: more rules', () => {
  it('refuses the 151st alert, naming the limit, and changes nothing', async () => {
    const store = runtime().store;
    const { incident } = relatable(store);
    const others = store
      .alerts()
      .filter(
        (a) =>
          a.incidentId !== incident.id &&
          a.workspace?.workspaceName === incident.workspace?.workspaceName &&
          !store.relationsOf(incident.id).some((r) => r.alertId === a.id),
      );
    const room = 150 - store.membersOf(incident.id).length;
    for (let n = 0; n < room; n++)
      expect((await put(incident, `fill-${n}`, others[n]!)).status).toBe(201);
    expect(store.membersOf(incident.id)).toHaveLength(150);
    await expectUnchanged(runtime(), async () => {
      const message = expectArmError(await put(incident, 'one-too-many', others[room]!), 400);
      expect(message).toMatch(/at most 150/);
    });
  });

  it('needs the right to change the incident and to read the alert: 403 naming what is missing', async () => {
    const { incident, alert } = relatable(runtime().store);
    await expectUnchanged(runtime(), async () => {
      expect(expectArmError(await put(incident, 'x', alert, READER), 403)).toMatch(
        /read-only access/,
      );
    });
  });

  it('refuses a delete by a persona that may not change the incident, whether or not the relation exists', async () => {
    const { incident, alert } = relatable(runtime().store);
    expect((await put(incident, 'kept', alert)).status).toBe(201);
    await expectUnchanged(runtime(), async () => {
      for (const name of ['kept', 'never-made']) {
        const res = await call(incidentUrl(incident, `/relations/${name}`), {
          method: 'DELETE',
          as: READER,
        });
        expect(expectArmError(res, 403)).toMatch(/read-only access/);
      }
    });
    expect((await call(incidentUrl(incident, '/relations/kept'))).status).toBe(200);
  });

  it('hides what a scoped persona may not see: the incident reads as missing', async () => {
    const store = runtime().store;
    const { incident, alert } = relatable(
      store,
      (_a, i) => !store.sourcesOf(i.id).includes('microsoftDefenderForEndpoint'),
    );
    await expectUnchanged(runtime(), async () =>
      expectArmError(await put(incident, 'x', alert, ENDPOINT), 404, "Incident doesn't exist."),
    );
  });

  it('a merged-away incident takes no relations', async () => {
    const store = runtime().store;
    const redirected = store.incidents().find((i) => i.status === 'redirected')!;
    const alert = store
      .alerts()
      .find(
        (a) =>
          a.workspace?.workspaceName === redirected.workspace?.workspaceName && !isDefenderAlert(a),
      )!;
    await expectUnchanged(runtime(), async () => {
      expect(expectArmError(await put(redirected, 'x', alert), 400)).toMatch(
        /was merged into incident/,
      );
    });
  });
});

describe('a relation and a merge', () => {
  it("merging the alert's home into the incident it was related to leaves it at home there, not related", async () => {
    const store = runtime().store;
    const { incident, alert } = relatable(
      store,
      // Merging picks the incident with the most alerts (related ones count): the one it joins.
      (a, i) => {
        const home = store.incident(a.incidentId);
        return (
          home !== undefined &&
          isOpen(home) &&
          home.provider === 'sentinel' &&
          store.membersOf(i.id).length >= store.membersOf(home.id).length
        );
      },
    );
    const home = alert.incidentId;
    expect((await put(incident, 'to-merge', alert)).status).toBe(201);
    const merged = await call(`${GRAPH}/security/incidents/mergeIncidents`, {
      method: 'POST',
      body: { incidentIds: [incident.id, home] },
    });
    expect(merged.body).toMatchObject({ targetIncidentId: incident.id });
    expect(store.alert(alert.id)?.incidentId).toBe(incident.id);
    expect(store.relationsOf(incident.id).some((r) => r.alertId === alert.id)).toBe(false);
    expect(checkLaws(store.peek())).toEqual([]);
    const listed = await call<{ value: unknown[] }>(incidentUrl(incident, '/relations'));
    expect(JSON.stringify(listed.body)).not.toContain(alert.systemAlertId);
  });
  it('keeps both relations when the incidents merged used the same relation name', async () => {
    const store = runtime().store;
    const open = store
      .incidents()
      .filter((i) => isOpen(i) && i.provider === 'sentinel' && store.membersOf(i.id).length < 100);
    const [first, second] = open.filter(
      (i) => i.workspace?.workspaceName === open[0]!.workspace?.workspaceName,
    );
    const others = store
      .alerts()
      .filter(
        (a) =>
          a.incidentId !== first!.id &&
          a.incidentId !== second!.id &&
          a.workspace?.workspaceName === first!.workspace?.workspaceName &&
          !store.relations().some((r) => r.alertId === a.id),
      );
    const [a, b] = others;
    expect((await put(first!, 'shared', a!)).status).toBe(201);
    expect((await put(second!, 'shared', b!)).status).toBe(201);
    const merged = await call<{ targetIncidentId: string }>(
      `${GRAPH}/security/incidents/mergeIncidents`,
      { method: 'POST', body: { incidentIds: [first!.id, second!.id] } },
    );
    expect(merged.status).toBe(200);
    const target = merged.body.targetIncidentId;
    const source = target === first!.id ? second! : first!;
    const relations = store.relationsOf(target);
    expect(relations.map((r) => r.alertId)).toEqual(expect.arrayContaining([a!.id, b!.id]));
    expect(relations.find((r) => r.alertId === (source === first ? a : b)!.id)?.relationName).toBe(
      `shared-${source.id}`,
    );
    expect(checkLaws(store.peek())).toEqual([]);
  });
});

describe('what a relation does', () => {
  it('joins the alert to the incident: counts, severity, entities, log and etag follow; its home is unchanged', async () => {
    const store = runtime().store;
    const { incident, alert } = relatable(
      store,
      (a, i) => !i.severitySetByHand && a.severity === 'high' && i.severity !== 'high',
    );
    const before = await call<Incident>(`${GRAPH}/security/incidents/${incident.id}`);
    const homeBefore = await call<Incident>(`${GRAPH}/security/incidents/${alert.incidentId}`);
    const entitiesBefore = await call<{ value: { key: string }[] }>(
      `${MOCK}/incidents/${incident.id}/entities`,
    );

    expect((await put(incident, 'joined', alert)).status).toBe(201);

    const after = await call<Incident>(`${GRAPH}/security/incidents/${incident.id}`);
    expect(after.body['@mock.relatedAlertIds']).toContain(alert.id);
    expect(after.body.alerts ?? []).not.toContainEqual(expect.objectContaining({ id: alert.id }));
    expect(after.body['@odata.etag']).not.toBe(before.body['@odata.etag']);
    expect(after.body.severity).toBe('high');
    const homeAfter = await call<Incident>(`${GRAPH}/security/incidents/${alert.incidentId}`);
    expect(homeAfter.body['@odata.etag']).toBe(homeBefore.body['@odata.etag']);

    const log = store.activities(incident.id).filter((e) => e.action === 'alertRelated');
    expect(log.at(-1)).toMatchObject({ performedBy: ANALYST, targetId: alert.id });
    const arm = await call<{ properties: { additionalData: { alertsCount: number } } }>(
      incidentUrl(incident),
    );
    expect(arm.body.properties.additionalData.alertsCount).toBe(
      store.membersOf(incident.id).length,
    );

    // Removing it takes away the entities only it brought.
    const entitiesJoined = await call<{ value: { key: string; alertIds: string[] }[] }>(
      `${MOCK}/incidents/${incident.id}/entities`,
    );
    expect(entitiesJoined.body.value.length).toBeGreaterThanOrEqual(
      entitiesBefore.body.value.length,
    );
    // The alert brought its entities: each lists it among the alerts it appears in.
    const brought = store
      .summary(incident.id)
      .entities.filter((e) => e.alertIds.includes(alert.id));
    expect(brought.length).toBeGreaterThan(0);
    for (const entity of brought) {
      const joined = entitiesJoined.body.value.find((e) => e.key === entity.key);
      expect(joined?.alertIds, entity.key).toContain(alert.id);
    }
    expect(
      (await call(incidentUrl(incident, '/relations/joined'), { method: 'DELETE' })).status,
    ).toBe(200);
    const entitiesAfter = await call<{ value: { key: string }[] }>(
      `${MOCK}/incidents/${incident.id}/entities`,
    );
    expect(entitiesAfter.body.value.map((e) => e.key).sort()).toEqual(
      entitiesBefore.body.value.map((e) => e.key).sort(),
    );
    const removal = store.activities(incident.id).filter((e) => e.action === 'alertUnrelated');
    expect(removal.at(-1)).toMatchObject({ performedBy: ANALYST, targetId: alert.id });
    // Its severity follows the alerts it holds again.
    expect((await call<Incident>(`${GRAPH}/security/incidents/${incident.id}`)).body.severity).toBe(
      before.body.severity,
    );
  });

  it('lists every incident an alert belongs to on the Graph alert', async () => {
    const store = runtime().store;
    const r = store.relations()[0]!;
    const alert = await call<{ '@mock.incidentIds': string[] }>(
      `${GRAPH}/security/alerts_v2/${r.alertId}`,
    );
    expect(alert.body['@mock.incidentIds']).toEqual([
      store.alert(r.alertId)!.incidentId,
      r.incidentId,
    ]);
  });
});

describe('closing the other incident (seed 004, "Close other incident")', () => {
  it('closes the incident the alert came from, Undetermined with the comment, and leaves the alert open', async () => {
    const store = runtime().store;
    const { incident, alert } = relatable(
      store,
      (a) =>
        store.alertIdsOf(a.incidentId).length === 1 &&
        store.relationsOf(a.incidentId).length === 0 &&
        a.status !== 'resolved' &&
        isOpen(store.incident(a.incidentId)!),
    );
    expect((await put(incident, 'only-alert', alert)).status).toBe(201);
    const comment = closedByRelationComment(incident.id);
    const closed = await call<Incident>(`${GRAPH}/security/incidents/${alert.incidentId}`, {
      method: 'PATCH',
      body: {
        status: 'resolved',
        classification: 'unknown',
        determination: 'unknown',
        resolvingComment: comment,
      },
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'resolved',
      classification: null,
      resolvingComment: comment,
    });
    // Still worked in the incident it joined.
    expect(store.alert(alert.id)!.status).toBe(alert.status);
    const arm = await call<{ properties: Record<string, unknown> }>(
      incidentUrl(store.incident(alert.incidentId)!),
    );
    expect(arm.body.properties).toMatchObject({
      status: 'Closed',
      classification: 'Undetermined',
      classificationComment: comment,
    });
  });
});
