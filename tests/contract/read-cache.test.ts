/**
 * The mock remembers the answers of repeated reads (mocks/handlers/read-cache). A client must not
 * be able to tell: a write is visible to the very next read, however the store changed, and no
 * persona is ever answered with another persona's view.
 */
import { describe, expect, it } from 'vitest';
import type { Alert, Incident, ODataCollection } from '@/domain/graph';
import { ANALYST, call, ENDPOINT, GRAPH, READER, useMockGraph } from './helpers';

const { runtime } = useMockGraph();
const MDE = 'microsoftDefenderForEndpoint';
const QUEUE = `${GRAPH}/security/incidents?$filter=status eq 'active'&$orderby=lastUpdateDateTime desc&$top=50&$count=true&$expand=alerts`;

describe('remembered reads', () => {
  it('answers the next read with a change made through the API', async () => {
    const first = await call<ODataCollection<Incident>>(QUEUE);
    await call<ODataCollection<Incident>>(QUEUE); // now answered from memory
    const target = first.body.value[0]!;
    const patched = await call(`${GRAPH}/security/incidents/${target.id}`, {
      method: 'PATCH',
      body: { status: 'resolved' },
    });
    expect(patched.status).toBe(200);
    const after = await call<ODataCollection<Incident>>(QUEUE);
    expect(after.body.value.map((i) => i.id)).not.toContain(target.id);
    expect(after.body['@odata.count']).toBe(first.body['@odata.count']! - 1);
    const item = await call<Incident>(`${GRAPH}/security/incidents/${target.id}`);
    expect(item.body.status).toBe('resolved');
  });

  it('answers the next read with a change applied silently (another tab, a load)', async () => {
    const store = runtime().store;
    const url = `${GRAPH}/security/incidents/1`;
    expect((await call<Incident>(url)).body.displayName).not.toBe('Renamed elsewhere');
    await call<Incident>(url);
    const renamed = { ...structuredClone(store.incident('1')!), displayName: 'Renamed elsewhere' };
    store.applyExternal({ incidents: [renamed] });
    expect((await call<Incident>(url)).body.displayName).toBe('Renamed elsewhere');

    const snapshot = store.snapshot();
    snapshot.incidents['1']!.displayName = 'Loaded from storage';
    store.replaceState(snapshot, { silent: true });
    expect((await call<Incident>(url)).body.displayName).toBe('Loaded from storage');
  });

  it('never answers one persona with the view remembered for another', async () => {
    const store = runtime().store;
    const hidden = store
      .incidents()
      .find((i) => !store.sourcesOf(i.id).includes(MDE) && store.sourcesOf(i.id).length > 0)!;
    const url = `${GRAPH}/security/incidents?$filter=id eq '${hidden.id}'&$expand=alerts`;
    const alertsUrl = `${GRAPH}/security/alerts_v2?$top=999`;
    for (let round = 0; round < 2; round++) {
      // The analyst reads everything; the endpoint analyst reads only Defender for Endpoint.
      const seen = await call<ODataCollection<Incident>>(url, { as: ANALYST });
      expect(seen.body.value.map((i) => i.id)).toEqual([hidden.id]);
      const scoped = await call<ODataCollection<Incident>>(url, { as: ENDPOINT });
      expect(scoped.body.value).toEqual([]);
      const item = await call(`${GRAPH}/security/incidents/${hidden.id}`, { as: ENDPOINT });
      expect(item.status).toBe(404);
      const alerts = await call<ODataCollection<Alert>>(alertsUrl, { as: ENDPOINT });
      expect(alerts.body.value.length).toBeGreaterThan(0);
      expect(alerts.body.value.every((a) => a.serviceSource === MDE)).toBe(true);
      const all = await call<ODataCollection<Alert>>(alertsUrl, { as: READER });
      expect(all.body.value.some((a) => a.serviceSource !== MDE)).toBe(true);
    }
  });
});

describe('requests seen by the runtime', () => {
  it('tells the runtime of every request, a remembered read and a refused one included', async () => {
    const seen: string[] = [];
    runtime().requested = () => seen.push('request');
    try {
      await call(QUEUE);
      await call(QUEUE); // answered from memory
      expect((await call(QUEUE, { as: null })).status).toBe(401);
      expect(seen).toHaveLength(3);
    } finally {
      delete runtime().requested;
    }
  });
});
