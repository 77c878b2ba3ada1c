/**
 * What a security reviewer checks from outside: no persona sees or changes more than its rights
 * (a table of personas × operations), a scoped persona learns nothing of what it may not read,
 * and a write that changes nothing commits nothing.
 */
import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '@/domain/activity';
import type { Incident, ODataCollection } from '@/domain/graph';
import type { IncidentStore } from '@mocks/store/incident-store';
import type { IncidentRecord } from '@mocks/store/types';
import {
  ADMIN,
  ANALYST,
  call,
  ENDPOINT,
  expectGraphError,
  expectUnchanged,
  GRAPH,
  MOCK,
  READER,
  useMockGraph,
} from './helpers';

const { runtime } = useMockGraph();
const MDE = 'microsoftDefenderForEndpoint';

/** An open incident whose alerts come from these sources exactly (by predicate on the set). */
function openIncident(
  store: IncidentStore,
  test: (sources: readonly string[], incident: IncidentRecord) => boolean,
): IncidentRecord {
  const found = store
    .incidents()
    .find(
      (i) =>
        (i.status === 'active' || i.status === 'inProgress') &&
        store.alertIdsOf(i.id).length >= 2 &&
        test(store.sourcesOf(i.id), i),
    );
  if (!found) throw new Error('no such incident in the seed');
  return found;
}

const endpointOnly = (s: readonly string[]) => s.length === 1 && s[0] === MDE;
const mixed = (s: readonly string[]) => s.includes(MDE) && s.length > 1;
const withoutEndpoint = (s: readonly string[]) => !s.includes(MDE);

type Expect = Record<string, number>;
type Operation = {
  name: string;
  /** Runs the operation as the persona; answers the HTTP status. */
  run: (as: string) => Promise<{ status: number; body: unknown }>;
  /** The status each persona gets. */
  expect: Expect;
};

function mdeAlertOf(store: IncidentStore, incidentId: string): string {
  const alert = store.alertsOf(incidentId).find((a) => a.serviceSource === MDE);
  if (!alert) throw new Error(`incident ${incidentId} has no Defender for Endpoint alert`);
  return alert.id;
}

const OPERATIONS: Operation[] = [
  {
    name: 'list incidents',
    run: (as) => call(`${GRAPH}/security/incidents?$top=5`, { as }),
    expect: { [ANALYST]: 200, [ADMIN]: 200, [READER]: 200, [ENDPOINT]: 200 },
  },
  {
    name: 'read an incident without Defender for Endpoint data',
    run: (as) => {
      const i = openIncident(runtime().store, withoutEndpoint);
      return call(`${GRAPH}/security/incidents/${i.id}`, { as });
    },
    expect: { [ANALYST]: 200, [ADMIN]: 200, [READER]: 200, [ENDPOINT]: 404 },
  },
  {
    name: 'PATCH an endpoint-only incident',
    run: (as) => {
      const i = openIncident(runtime().store, endpointOnly);
      return call(`${GRAPH}/security/incidents/${i.id}`, {
        as,
        method: 'PATCH',
        body: { customTags: [...i.customTags, 'Reviewed'] },
      });
    },
    expect: { [ANALYST]: 200, [ADMIN]: 200, [READER]: 403, [ENDPOINT]: 200 },
  },
  {
    name: 'PATCH a mixed incident',
    run: (as) => {
      const i = openIncident(runtime().store, mixed);
      return call(`${GRAPH}/security/incidents/${i.id}`, {
        as,
        method: 'PATCH',
        body: { customTags: [...i.customTags, 'Reviewed'] },
      });
    },
    expect: { [ANALYST]: 200, [ADMIN]: 200, [READER]: 403, [ENDPOINT]: 403 },
  },
  {
    name: 'comment on a mixed incident',
    run: (as) => {
      const i = openIncident(runtime().store, mixed);
      return call(`${GRAPH}/security/incidents/${i.id}/comments`, {
        as,
        method: 'POST',
        body: { comment: 'Looked at it.' },
      });
    },
    expect: { [ANALYST]: 200, [ADMIN]: 200, [READER]: 403, [ENDPOINT]: 403 },
  },
  {
    name: 'PATCH a Defender for Endpoint alert',
    run: (as) => {
      const store = runtime().store;
      const alertId = mdeAlertOf(store, openIncident(store, endpointOnly).id);
      return call(`${GRAPH}/security/alerts_v2/${alertId}`, {
        as,
        method: 'PATCH',
        body: { assignedTo: 'tier1@contoso.com' },
      });
    },
    expect: { [ANALYST]: 200, [ADMIN]: 200, [READER]: 403, [ENDPOINT]: 200 },
  },
  {
    name: 'move an alert out of an endpoint-only incident',
    run: (as) => {
      const store = runtime().store;
      const alertId = mdeAlertOf(store, openIncident(store, endpointOnly).id);
      return call(`${GRAPH}/security/alerts_v2/moveAlerts`, {
        as,
        method: 'POST',
        body: { alertIds: [alertId], incidentId: null },
      });
    },
    expect: { [ANALYST]: 200, [ADMIN]: 200, [READER]: 403, [ENDPOINT]: 200 },
  },
  {
    name: 'move an endpoint alert out of a mixed incident',
    run: (as) => {
      const store = runtime().store;
      const alertId = mdeAlertOf(store, openIncident(store, mixed).id);
      return call(`${GRAPH}/security/alerts_v2/moveAlerts`, {
        as,
        method: 'POST',
        body: { alertIds: [alertId], incidentId: null },
      });
    },
    expect: { [ANALYST]: 200, [ADMIN]: 200, [READER]: 403, [ENDPOINT]: 403 },
  },
  {
    name: 'merge a mixed incident with an endpoint-only one',
    run: (as) => {
      const store = runtime().store;
      const a = openIncident(store, (s, i) => mixed(s) && i.assignedTo === null);
      const b = openIncident(store, (s, i) => endpointOnly(s) && i.assignedTo === null);
      return call(`${GRAPH}/security/incidents/mergeIncidents`, {
        as,
        method: 'POST',
        body: { incidentIds: [a.id, b.id] },
      });
    },
    expect: { [ANALYST]: 200, [ADMIN]: 200, [READER]: 403, [ENDPOINT]: 403 },
  },
  {
    name: 'reset the demo data',
    run: (as) => call(`${MOCK}/reset`, { as, method: 'POST' }),
    expect: { [ANALYST]: 204, [ADMIN]: 204, [READER]: 403, [ENDPOINT]: 403 },
  },
];

describe('RBAC: every persona × every operation', () => {
  const cases = OPERATIONS.flatMap((op) =>
    Object.entries(op.expect).map(([persona, status]) => ({ op, persona, status })),
  );
  it.each(cases)('$op.name as $persona → $status', async ({ op, persona, status }) => {
    if (status >= 400) {
      await expectUnchanged(runtime(), async () => {
        const res = await op.run(persona);
        expectGraphError(res, status);
      });
    } else {
      const res = await op.run(persona);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
    }
  });

  it("names the scoped persona's own scope when it refuses, never the sources it cannot read", async () => {
    const store = runtime().store;
    const i = openIncident(store, mixed);
    const res = await call(`${GRAPH}/security/incidents/${i.id}`, {
      as: ENDPOINT,
      method: 'PATCH',
      body: { severity: 'high' },
    });
    const message = expectGraphError(res, 403, /covers only Microsoft Defender for Endpoint data/);
    for (const source of store.sourcesOf(i.id).filter((s) => s !== MDE)) {
      expect(message).not.toContain(source);
    }
    expect(message).not.toMatch(/Identity|Office 365|Cloud Apps|Sentinel/);
  });

  it('says on each incident whether the caller may change it (@mock.canManage)', async () => {
    const store = runtime().store;
    const m = openIncident(store, mixed);
    const e = openIncident(store, endpointOnly);
    const read = async (id: string, as: string) =>
      (await call<Incident>(`${GRAPH}/security/incidents/${id}`, { as })).body['@mock.canManage'];
    expect(await read(m.id, ANALYST)).toBe(true);
    expect(await read(m.id, READER)).toBe(false);
    expect(await read(m.id, ENDPOINT)).toBe(false);
    expect(await read(e.id, ENDPOINT)).toBe(true);
  });
});

describe('a scoped persona learns nothing of what it may not read', () => {
  const log = async (id: string, as: string) =>
    (
      await call<ODataCollection<ActivityEntry>>(`${MOCK}/incidents/${id}/activities?$top=200`, {
        as,
      })
    ).body.value;

  it('leaves hidden alerts out of the activity log, by id and by title', async () => {
    const store = runtime().store;
    const incident = openIncident(store, mixed);
    const hidden = store.alertsOf(incident.id).filter((a) => a.serviceSource !== MDE);
    const full = JSON.stringify(await log(incident.id, ANALYST));
    const scoped = JSON.stringify(await log(incident.id, ENDPOINT));
    for (const alert of hidden) {
      expect(full).toContain(alert.id);
      expect(scoped).not.toContain(alert.id);
      // A title shared with a visible alert may appear for that alert; a unique one may not.
      const sharedTitle = store
        .alertsOf(incident.id)
        .some((a) => a.serviceSource === MDE && a.title === alert.title);
      if (!sharedTitle) expect(scoped).not.toContain(alert.title);
    }
  });

  it('counts only visible alerts in a merge audit that also moved hidden ones', async () => {
    const store = runtime().store;
    const a = openIncident(store, (s, i) => mixed(s) && i.assignedTo === null);
    const b = openIncident(store, (s, i) => endpointOnly(s) && i.assignedTo === null);
    const merged = await call<{ targetIncidentId: string }>(
      `${GRAPH}/security/incidents/mergeIncidents`,
      { method: 'POST', body: { incidentIds: [a.id, b.id] } },
    );
    expect(merged.status).toBe(200);
    const target = merged.body.targetIncidentId;
    const entry = (await log(target, ENDPOINT)).find((e) => e.action === 'incidentsMerged');
    const visibleMoved = (entry?.alertIds ?? []).length;
    expect(visibleMoved).toBeGreaterThan(0);
    for (const id of entry?.alertIds ?? []) expect(store.alert(id)?.serviceSource).toBe(MDE);
    expect(entry?.description).toMatch(new RegExp(`; ${visibleMoved} alerts? moved here`));
  });

  it('reads a summary and an automatic name made of the visible alerts only', async () => {
    const store = runtime().store;
    const incident = openIncident(store, (s, i) => mixed(s) && i.nameIsAutomatic);
    const full = await call<Incident>(`${GRAPH}/security/incidents/${incident.id}`);
    const scoped = await call<Incident>(`${GRAPH}/security/incidents/${incident.id}`, {
      as: ENDPOINT,
    });
    expect(full.body.summary).toMatch(/Reported by .*, /);
    expect(scoped.body.summary).toMatch(/Reported by Microsoft Defender for Endpoint\.$/);
    const visible = store.alertsOf(incident.id).filter((a) => a.serviceSource === MDE).length;
    expect(scoped.body.summary).toMatch(new RegExp(`^${visible} alerts? `));
    expect(scoped.body.displayName).not.toMatch(/multiple sources/);
  });
});

describe('a write that changes nothing commits nothing', () => {
  it('answers 200 with the unchanged incident: no new etag, no entry, no persistence write', async () => {
    const store = runtime().store;
    const incident = openIncident(store, () => true);
    const changes: unknown[] = [];
    const unsubscribe = store.subscribe((c) => changes.push(c));
    try {
      await expectUnchanged(runtime(), async () => {
        const res = await call<Incident>(`${GRAPH}/security/incidents/${incident.id}`, {
          method: 'PATCH',
          body: {
            status: incident.status,
            assignedTo: incident.assignedTo,
            customTags: incident.customTags,
          },
        });
        expect(res.status).toBe(200);
        expect(res.body['@odata.etag']).toBe(`W/"${incident.version}"`);
        expect(res.body.lastUpdateDateTime).toBe(incident.lastUpdateDateTime);
      });
      // Persistence and other tabs hear of commits through this subscription: none happened.
      expect(changes).toEqual([]);
    } finally {
      unsubscribe();
    }
  });
});

describe('the Summary stays true', () => {
  it("after a merge, the target's derived summary counts every alert it now holds", async () => {
    const store = runtime().store;
    const a = openIncident(store, (_s, i) => i.assignedTo === null && i.summary === null);
    const b = openIncident(
      store,
      (_s, i) => i.id !== a.id && i.assignedTo === null && i.summary === null,
    );
    const res = await call<{ targetIncidentId: string }>(
      `${GRAPH}/security/incidents/mergeIncidents`,
      { method: 'POST', body: { incidentIds: [a.id, b.id] } },
    );
    expect(res.status).toBe(200);
    const read = await call<Incident>(`${GRAPH}/security/incidents/${res.body.targetIncidentId}`);
    // Every alert it now holds: both incidents' home alerts, and any related to either.
    const count = store.membersOf(res.body.targetIncidentId).length;
    expect(count).toBeGreaterThanOrEqual(store.alertIdsOf(res.body.targetIncidentId).length);
    expect(read.body.summary).toMatch(new RegExp(`^${count} alerts `));
  });

  it('keeps what an analyst wrote, and derives it again once it is cleared', async () => {
    const store = runtime().store;
    const incident = openIncident(store, () => true);
    const url = `${GRAPH}/security/incidents/${incident.id}`;
    const written = await call<Incident>(url, {
      method: 'PATCH',
      body: { summary: 'Phishing wave against finance; contained.' },
    });
    expect(written.body.summary).toBe('Phishing wave against finance; contained.');
    const cleared = await call<Incident>(url, { method: 'PATCH', body: { summary: null } });
    expect(cleared.body.summary).toMatch(/^\d+ alerts? .*Reported by /);
  });
});
