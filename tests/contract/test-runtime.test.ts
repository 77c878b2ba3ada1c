/**
 * The runtime the contract and UI tests run on (mocks/node.ts). A reset hands the store the
 * seed's own records in new containers rather than a deep copy of them, which holds only while
 * no write changes a record in place: the records are frozen, so such a write throws instead of
 * leaking into the next test, and a reset after writes of every kind gives back the seed byte for
 * byte.
 */
import { describe, expect, it } from 'vitest';
import type { StoreState } from '@mocks/store/types';
import { stateDifference, stateRefs } from '@mocks/test-runtime';
import { call, GRAPH, liveIncidents, useMockGraph } from './helpers';

const { runtime } = useMockGraph();

/** Live incidents with two alerts or more and nothing set that would block a merge. */
const open = (n: number) => {
  const { store } = runtime();
  return liveIncidents(
    store,
    n,
    'unassigned, unclassified incidents with two alerts or more',
    (i) => i.assignedTo === null && i.classification === null && store.alertIdsOf(i.id).length >= 2,
  );
};

describe('the test runtime', () => {
  it('gives back the seed byte for byte after a PATCH, a comment, a move and a merge', async () => {
    const { store } = runtime();
    const seed = store.serialize();
    const [a, b, c, d] = open(4);
    const incidents = `${GRAPH}/security/incidents`;

    const writes = [
      await call(`${incidents}/${a!.id}`, {
        method: 'PATCH',
        body: { displayName: 'Renamed by the test', customTags: ['Reset test'] },
      }),
      await call(`${incidents}/${a!.id}/comments`, {
        method: 'POST',
        body: { comment: 'A comment the reset takes away' },
      }),
      await call(`${GRAPH}/security/alerts_v2/moveAlerts`, {
        method: 'POST',
        body: { alertIds: [store.alertIdsOf(b!.id)[0]], incidentId: a!.id },
      }),
      await call(`${incidents}/mergeIncidents`, {
        method: 'POST',
        body: { incidentIds: [c!.id, d!.id] },
      }),
    ];
    expect(writes.map((w) => w.status)).toEqual([200, 200, 200, 200]);
    expect(store.serialize()).not.toBe(seed);

    await runtime().reset();
    expect(store.serialize() === seed, 'the reset store differs from the seed').toBe(true);
  });

  it("freezes the seed's records, so a write that changed one in place would throw", () => {
    const { store } = runtime();
    const incident = store.incidents()[0]!;
    const alert = store.alertsOf(incident.id)[0]!;
    expect(() => {
      (incident as { displayName: string }).displayName = 'changed in place';
    }).toThrow(TypeError);
    expect(() => {
      (alert.evidence as unknown[]).push({});
    }).toThrow(TypeError);
    expect(Object.isFrozen(store.activities(incident.id)[0])).toBe(true);
  });

  it('tells a store that changed from one that did not, and names what changed', async () => {
    const { store } = runtime();
    const [a, b] = open(2);
    const state = store.peek() as StoreState;
    /** What `change` did to the store, as `expectUnchanged` reports it. */
    const differenceAfter = async (change: () => unknown) => {
      const before = stateRefs(store);
      await change();
      return stateDifference(before, stateRefs(store));
    };
    const patch = (body: object) =>
      call(`${GRAPH}/security/incidents/${a!.id}`, { method: 'PATCH', body });

    expect(await differenceAfter(() => patch({ severity: 'bogus' }))).toBeUndefined();
    expect(await differenceAfter(() => patch({ displayName: 'Renamed' }))).toMatch(
      /^the counters or seed changed: /,
    );
    // What a write that forgot its counters would leave: each kind of change is named.
    expect(
      await differenceAfter(() => {
        state.incidents[b!.id] = { ...state.incidents[b!.id]!, displayName: 'Replaced' };
      }),
    ).toBe(`incident ${b!.id} changed`);
    const entry = state.activities[a!.id]!.at(-1)!;
    expect(await differenceAfter(() => state.activities[b!.id]!.push(entry))).toBe(
      `activity log of incident ${b!.id} changed`,
    );
    const alertId = store.alertIdsOf(b!.id)[0]!;
    expect(
      await differenceAfter(() => {
        delete state.alerts[alertId];
      }),
    ).toBe(`alert ${alertId} was removed`);
    // Records the test wrote are frozen too: an edit in place throws rather than going unseen.
    expect(() => {
      (state.incidents[a!.id] as { severity: string }).severity = 'low';
    }).toThrow(TypeError);
  });
});
