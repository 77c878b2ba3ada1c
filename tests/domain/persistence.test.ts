import 'fake-indexeddb/auto';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActivityEntry } from '@/domain/activity';
import { alertEntities } from '@/domain/entities';
import { createHandlers } from '@mocks/handlers';
import { IncidentStore, ok } from '@mocks/store/incident-store';
import {
  openFileStore,
  readStateFile,
  type FileStore,
  type FileStoreOptions,
} from '@mocks/store/file-persistence';
import { listSegments, segmentPath, writeStateFile } from '@mocks/store/file-snapshot';
import { readRaw, readStoredRecords } from '@mocks/store/idb-records';
import {
  openBrowserStore,
  SET_ASIDE_STORE,
  setAsideDatabaseName,
  type BrowserStore,
  type SetAsideCopy,
  type BrowserStoreOptions,
  type SeedGenerator,
} from '@mocks/store/persistence';
import { generateSeed, SEED_GENERATOR_VERSION } from '@mocks/store/seed/generate';
import {
  SCHEMA_VERSION,
  type AlertRecord,
  type IncidentRecord,
  type StoreState,
} from '@mocks/store/types';

const NOW = new Date('2026-11-01T12:00:00Z');
const clock = () => new Date('2026-11-02T09:30:00Z');

function incident(id: string, displayName: string, version: number): IncidentRecord {
  return {
    id,
    tenantId: 'tenant',
    displayName,
    status: 'active',
    severity: 'medium',
    assignedTo: null,
    classification: null,
    determination: null,
    customTags: [],
    systemTags: [],
    comments: [],
    createdDateTime: NOW.toISOString(),
    lastUpdateDateTime: NOW.toISOString(),
    lastModifiedBy: null,
    redirectIncidentId: null,
    resolvingComment: null,
    summary: null,
    description: null,
    priorityScore: null,
    nameIsAutomatic: true,
    severitySetByHand: false,
    workspace: null,
    armName: `00000000-0000-4000-8000-${id.padStart(12, '0')}`,
    provider: 'defender',
    version,
  };
}

function alert(id: string, incidentId: string): AlertRecord {
  const t = NOW.toISOString();
  return {
    id,
    incidentId,
    title: `Alert ${id}`,
    status: 'new',
    severity: 'medium',
    serviceSource: 'microsoftDefenderForEndpoint',
    createdDateTime: t,
    lastUpdateDateTime: t,
    firstActivityDateTime: t,
    lastActivityDateTime: t,
    evidence: [],
    categories: ['Execution'],
    category: 'Execution',
    workspace: null,
    systemAlertId: `20000000-0000-4000-8000-${id.padStart(12, '0')}`,
  };
}

/** An alert as IndexedDB keeps it: its evidence apart, the entities it names beside it. */
function storedAlert(record: AlertRecord): Record<string, unknown> {
  const { evidence, ...rest } = record;
  return { ...rest, entities: alertEntities(evidence) };
}

function entry(id: string, incidentId: string): ActivityEntry {
  return {
    id,
    incidentId,
    kind: 'audit',
    createdDateTime: NOW.toISOString(),
    performedBy: 'System',
    category: 'incident',
    action: 'incidentCreated',
    description: 'Incident created.',
  };
}

/** A small hand-made seed: these tests are about storage, not about the generator. */
const tinySeed: SeedGenerator = ({ seed, size, now }) => ({
  schemaVersion: SCHEMA_VERSION,
  seed: { seed, size, now: now.toISOString() },
  // Lawful (ARCHITECTURE.md §4), as both stores check on load: each incident its own version.
  incidents: {
    '1': incident('1', 'Execution on one endpoint', 1),
    '2': incident('2', 'Phishing', 2),
  },
  alerts: { a1: alert('a1', '1'), a2: alert('a2', '1'), a3: alert('a3', '2') },
  activities: { '1': [entry('act-1', '1')], '2': [entry('act-2', '2')] },
  relations: [],
  counters: { incident: 3, alert: 4, activity: 3, revision: 2 },
});

const rename = (store: IncidentStore, id: string, name: string) =>
  store.transact('analyst@contoso.com', (tx) => {
    tx.editIncident(id).displayName = name;
    tx.record(id, {
      kind: 'audit',
      category: 'incident',
      action: 'displayNameChanged',
      description: `Renamed to ${name}.`,
    });
    return ok(null);
  });

// ---------------------------------------------------------------- IndexedDB

let dbCount = 0;
const openedStores: BrowserStore[] = [];
const channels: BroadcastChannel[] = [];

afterEach(async () => {
  await Promise.all(openedStores.splice(0).map((s) => s.close()));
  for (const c of channels.splice(0)) c.close();
});

function newDbName() {
  dbCount += 1;
  return `persistence-test-${dbCount}-${Date.now()}`;
}

/** Opens the store as a tab would: it may still be reading its evidence and activity logs. */
async function openIncomplete(dbName: string, extra: Partial<BrowserStoreOptions> = {}) {
  const opened = await openBrowserStore({
    seed: 7,
    size: 'default',
    seedNow: () => NOW,
    clock,
    generate: tinySeed,
    dbName,
    dataChannelName: `${dbName}-data`,
    ...extra,
  });
  openedStores.push(opened);
  return opened;
}

/**
 * The store opens on its light records and reads the evidence and activity logs after; most
 * tests are about what is stored, so they look once it holds everything.
 */
async function open(dbName: string, extra: Partial<BrowserStoreOptions> = {}) {
  const opened = await openIncomplete(dbName, extra);
  await opened.complete();
  return opened;
}

/** Runs `edit` on the raw database, as a hand edit or an old app version would. */
async function tamper(dbName: string, edit: (tx: IDBTransaction) => void) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new Error(String(req.error)));
  });
  const tx = db.transaction(
    ['meta', 'incidents', 'alerts', 'evidence', 'activities', 'relations'],
    'readwrite',
  );
  edit(tx);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(new Error(String(tx.error)));
  });
  db.close();
}

/** A `tamper` edit that replaces the meta record with what `edit` makes of it. */
const editMeta =
  (edit: (meta: { seed: object }) => object) =>
  (tx: IDBTransaction): void => {
    const meta = tx.objectStore('meta');
    const req = meta.get('meta');
    req.onsuccess = () => meta.put(edit(req.result as { seed: object }), 'meta');
  };

/** Puts records into `storeName` and counts them in meta, as a write of the store would. */
function putCounted(tx: IDBTransaction, storeName: 'incidents' | 'alerts', records: object[]) {
  const meta = tx.objectStore('meta');
  const req = meta.get('meta');
  req.onsuccess = () => {
    const m = req.result as { counts: Record<string, number> };
    for (const record of records) tx.objectStore(storeName).put(record);
    const counts = { ...m.counts, [storeName]: (m.counts[storeName] ?? 0) + records.length };
    meta.put({ ...m, counts }, 'meta');
  };
}

/** Resolves with the next `{ type: 'changed' }` the app would receive. */
function nextDataChanged(dbName: string): Promise<unknown> {
  const channel = new BroadcastChannel(`${dbName}-data`);
  channels.push(channel);
  return new Promise((resolve) => {
    channel.onmessage = (event: MessageEvent) => resolve(event.data);
  });
}

const seeded = () => tinySeed({ seed: 7, size: 'default', now: NOW });

describe('browser persistence (IndexedDB)', () => {
  it('seeds an empty database without a notice, and a reload shows the same data', async () => {
    const dbName = newDbName();
    const first = await open(dbName);
    expect(first.notice).toBeUndefined();
    expect(first.store.snapshot()).toEqual(seeded());
    await first.close();

    const reloaded = await open(dbName);
    expect(reloaded.notice).toBeUndefined();
    expect(reloaded.store.snapshot()).toEqual(seeded());
  });

  it('persists a committed operation: a reload shows exactly what was there', async () => {
    const dbName = newDbName();
    const tab = await open(dbName);
    expect(rename(tab.store, '1', 'Renamed').ok).toBe(true);
    await tab.flush();
    const before = tab.store.snapshot();
    await tab.close();

    const reloaded = await open(dbName);
    expect(reloaded.notice).toBeUndefined();
    expect(reloaded.store.snapshot()).toEqual(before);
    expect(reloaded.store.incident('1')?.displayName).toBe('Renamed');
    expect(reloaded.store.activities('1').map((a) => a.action)).toEqual([
      'incidentCreated',
      'displayNameChanged',
    ]);
  });

  it('writes only what the operation changed, in one transaction', async () => {
    const tab = await open(newDbName());
    await tab.flush(); // the new seed is stored
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    rename(tab.store, '1', 'Renamed');
    await tab.flush();

    const written = put.mock.contexts.map((store) => (store as IDBObjectStore).name).sort();
    expect(written).toEqual(['activities', 'incidents', 'meta']);
    expect(transaction.mock.calls.filter(([, mode]) => mode === 'readwrite')).toHaveLength(1);
  });

  it('keeps alert moves and id counters across a reload', async () => {
    const dbName = newDbName();
    const tab = await open(dbName);
    tab.store.transact('analyst@contoso.com', (tx) => {
      tx.editAlert('a1').incidentId = '2';
      tx.record('2', {
        kind: 'audit',
        category: 'alert',
        action: 'alertMoved',
        description: 'Moved.',
      });
      return ok(null);
    });
    await tab.flush();
    const before = tab.store.snapshot();
    await tab.close();

    const reloaded = await open(dbName);
    expect(reloaded.store.snapshot()).toEqual(before);
    expect([...reloaded.store.alertIdsOf('2')].sort()).toEqual(['a1', 'a3']);
    expect(reloaded.store.nextActivityId()).toBe(`act-${before.counters.activity}`);
  });

  /** The set-aside copies kept for a database, oldest name first. */
  async function setAsideCopies(dbName: string): Promise<SetAsideCopy[]> {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(setAsideDatabaseName(dbName));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error(String(req.error)));
    });
    try {
      const req = db.transaction(SET_ASIDE_STORE).objectStore(SET_ASIDE_STORE).getAll();
      return await new Promise<SetAsideCopy[]>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result as SetAsideCopy[]);
        req.onerror = () => reject(new Error(String(req.error)));
      });
    } finally {
      db.close();
    }
  }

  /** The set-aside copies are named by the store's clock. */
  const SET_ASIDE_AT = clock().toISOString();

  const setAsideNotice = (dbName: string, reason: string, name: string) =>
    `Stored demo data was unreadable (${reason}); the demo data was restored from the seed. ` +
    `The unusable data was kept in IndexedDB database "${dbName}-set-aside" as "${name}".`;

  const corruptions: [string, (tx: IDBTransaction) => void, string][] = [
    [
      'an old schema version',
      (tx) => {
        const meta = tx.objectStore('meta');
        const req = meta.get('meta');
        req.onsuccess = () => meta.put({ ...req.result, schemaVersion: 0 }, 'meta');
      },
      `schema version 0, expected ${SCHEMA_VERSION}`,
    ],
    ['a missing meta record', (tx) => tx.objectStore('meta').delete('meta'), 'no metadata record'],
    [
      'a garbage record',
      (tx) => tx.objectStore('incidents').put({ id: '1', junk: true }),
      'incident 1 has no displayName',
    ],
    [
      'an alert whose incident is gone',
      (tx) => putCounted(tx, 'alerts', [storedAlert(alert('a3', '99'))]),
      'alert a3 belongs to incident 99, which does not exist',
    ],
    [
      'a lost record (counts differ)',
      // The rename stored incident 1 (over the seed's); nothing else is stored.
      (tx) => tx.objectStore('incidents').delete('1'),
      'record counts do not match: expected 1 incidents and 0 alerts, found 0 and 0',
    ],
    [
      'demo data of another seed generator',
      editMeta((m) => ({ ...m, generator: 0 })),
      `it was stored over the demo data of seed generator version 0, and this console's generator is version ${SEED_GENERATOR_VERSION}`,
    ],
    [
      'demo data of another size',
      editMeta((m) => ({ ...m, seed: { ...m.seed, size: 'large' } })),
      'it was stored over the demo data of seed 7 of size large, not seed 7 of size default',
    ],
    [
      'a seed date that is not a date',
      editMeta((m) => ({ ...m, seed: { ...m.seed, now: 'yesterday' } })),
      "the seed's date yesterday is not an ISO 8601 UTC time",
    ],
  ];

  it.each(corruptions)('sets it aside and restores the seed after %s', async (_, edit, reason) => {
    const dbName = newDbName();
    const tab = await open(dbName);
    rename(tab.store, '1', 'Renamed');
    await tab.close();
    await tamper(dbName, edit);

    const reloaded = await open(dbName);
    expect(reloaded.notice).toBe(setAsideNotice(dbName, reason, `${SET_ASIDE_AT} #1`));
    expect(reloaded.store.snapshot()).toEqual(seeded());
    await reloaded.close();
    const [copy] = await setAsideCopies(dbName);
    expect(copy).toMatchObject({ name: `${SET_ASIDE_AT} #1`, reason, from: dbName });

    // The restored seed was written back: the next load is clean.
    const again = await open(dbName);
    expect(again.notice).toBeUndefined();
    expect(again.store.snapshot()).toEqual(seeded());
  });

  /** Gives incident 1 alerts up to `total` (it holds the seed's a1 and a2), counted in meta. */
  const overfill = (total: number) => (tx: IDBTransaction) =>
    putCounted(
      tx,
      'alerts',
      Array.from({ length: total - 2 }, (_, i) => storedAlert(alert(`x${i}`, '1'))),
    );

  it('sets a lawless store aside (an incident of 151 alerts), under a new name each time', async () => {
    const dbName = newDbName();
    const tab = await open(dbName);
    rename(tab.store, '1', 'Renamed');
    await tab.close();
    await tamper(dbName, overfill(151));
    const reason = "it breaks the store's laws: incident 1 holds 151 alerts, over the limit of 150";

    const first = await open(dbName);
    expect(first.notice).toBe(setAsideNotice(dbName, reason, `${SET_ASIDE_AT} #1`));
    expect(first.store.snapshot()).toEqual(seeded());
    await first.close();

    // A second corruption, set aside at the very same moment, gets a name of its own.
    await tamper(dbName, overfill(160));
    const second = await open(dbName);
    expect(second.notice).toBe(
      setAsideNotice(
        dbName,
        "it breaks the store's laws: incident 1 holds 160 alerts, over the limit of 150",
        `${SET_ASIDE_AT} #2`,
      ),
    );
    await second.close();

    const copies = await setAsideCopies(dbName);
    // Only the added alerts are stored: the seed's are generated again.
    expect(copies.map((c) => [c.name, c.records.alerts.length])).toEqual([
      [`${SET_ASIDE_AT} #1`, 149],
      [`${SET_ASIDE_AT} #2`, 158],
    ]);
    // The copy holds the records as they were stored, the analyst's rename included.
    expect(copies[0]?.records.incidents).toContainEqual(
      expect.objectContaining({ id: '1', displayName: 'Renamed' }),
    );
    expect(copies[0]?.records.meta).toMatchObject({ counts: { alerts: 149 } });
  });

  it('leaves stored data in place, and keeps the seed in memory, when it cannot be set aside', async () => {
    const dbName = newDbName();
    const tab = await open(dbName);
    rename(tab.store, '1', 'Kept');
    await tab.close();
    await tamper(dbName, overfill(151));
    const open_ = IDBFactory.prototype.open;
    vi.spyOn(IDBFactory.prototype, 'open').mockImplementation(function (
      this: IDBFactory,
      name: string,
      version?: number,
    ) {
      if (name.endsWith('-set-aside')) throw new Error('no room for a copy');
      return open_.call(this, name, version);
    });

    const reloaded = await open(dbName);
    expect(reloaded.notice).toMatch(
      /^Stored demo data was unreadable \(it breaks the store's laws: .*\); the demo data was restored from the seed\. It could not be set aside \(no room for a copy\), so it was left in place and changes last until the page is reloaded\.$/,
    );
    expect(reloaded.store.snapshot()).toEqual(seeded());
    await reloaded.close();
    vi.restoreAllMocks();

    // Untouched: the next load finds the same data and sets it aside then.
    const again = await open(dbName);
    expect(again.notice).toMatch(/kept in IndexedDB database .* as ".* #1"\.$/);
    const [copy] = await setAsideCopies(dbName);
    expect(copy?.records.incidents).toContainEqual(
      expect.objectContaining({ id: '1', displayName: 'Kept' }),
    );
  });

  /**
   * Writes `state` as the console wrote every store before the records were laid over the seed
   * (FULL_LAYOUT, 2): every record, each alert's evidence apart from it.
   */
  async function writeFullLayout(dbName: string, state: StoreState) {
    const db = await readStoredRecords(indexedDB, dbName).db;
    const tx = db.transaction(
      ['meta', 'incidents', 'alerts', 'evidence', 'activities', 'relations'],
      'readwrite',
    );
    for (const i of Object.values(state.incidents)) tx.objectStore('incidents').put(i);
    for (const a of Object.values(state.alerts)) {
      tx.objectStore('alerts').put(storedAlert(a));
      tx.objectStore('evidence').put(a.evidence, a.id);
    }
    for (const [id, log] of Object.entries(state.activities)) {
      tx.objectStore('activities').put(log, id);
    }
    tx.objectStore('relations').put(state.relations, 'all');
    const counts = {
      incidents: Object.keys(state.incidents).length,
      alerts: Object.keys(state.alerts).length,
      relations: state.relations.length,
    };
    const { seed, counters, schemaVersion } = state;
    const meta = { schemaVersion, layout: 2, seed, counters, counts, savedAt: NOW.toISOString() };
    tx.objectStore('meta').put(meta, 'meta');
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
    db.close();
  }

  describe('opening on the light records (the evidence and activity logs read after)', () => {
    const device = (name: string) =>
      ({
        '@odata.type': '#microsoft.graph.security.deviceEvidence',
        deviceDnsName: name,
      }) as unknown as AlertRecord['evidence'][number];
    const user = (upn: string) =>
      ({
        '@odata.type': '#microsoft.graph.security.userEvidence',
        userAccount: { userPrincipalName: upn },
      }) as unknown as AlertRecord['evidence'][number];
    /** The tiny seed, its alerts naming devices and a user. */
    const withEvidence: SeedGenerator = (options) => {
      const state = tinySeed(options);
      state.alerts.a1!.evidence = [device('pc-1.contoso.com'), user('ana@contoso.com')];
      state.alerts.a2!.evidence = [device('pc-1.contoso.com')];
      state.alerts.a3!.evidence = [device('pc-2.contoso.com')];
      return state;
    };
    const as = 'Bearer mock.analyst@contoso.com';
    const get = (handlers: ReturnType<typeof createHandlers>, path: string) =>
      getResponse(
        handlers,
        new Request(`https://graph.microsoft.com/v1.0/${path}`, {
          headers: { Authorization: as },
        }),
      );
    const handlersOf = (tab: BrowserStore) =>
      createHandlers({
        store: tab.store,
        seed: { seed: 7, size: 'default' },
        reset: () => tab.reset(),
        durable: () => tab.flush(),
        complete: tab.complete,
      });
    const QUEUE_READ = 'security/incidents?$expand=alerts($select=id,title,serviceSource)';
    const ALERTS_QUEUE_READ = 'security/alerts_v2?$select=id,title,severity,incidentId';

    /**
     * A database holding every record (FULL_LAYOUT, as stored before the records were laid
     * over the seed): the seed with evidence, an analyst's rename and a log entry on top.
     */
    async function storedDatabase() {
      const dbName = newDbName();
      const store = new IncidentStore(withEvidence({ seed: 7, size: 'default', now: NOW }), {
        clock,
      });
      rename(store, '1', 'Renamed');
      const expected = store.snapshot();
      await writeFullLayout(dbName, expected);
      return { dbName, expected };
    }

    /** Opens without waiting for the heavy records, or asking for them. */
    async function openLight(dbName: string) {
      const tab = await openIncomplete(dbName, { generate: withEvidence });
      // Whether the evidence is in (the seed gives a1 some).
      return { tab, isComplete: () => (tab.store.alert('a1')?.evidence.length ?? 0) > 0 };
    }

    it('answers the queues before the evidence is read, as they answer once it is, and the rest waits', async () => {
      const { dbName, expected } = await storedDatabase();
      const { tab, isComplete } = await openLight(dbName);
      const handlers = handlersOf(tab);

      // Opened on incidents, alerts and relations: no evidence, no logs yet.
      expect(tab.store.alert('a1')?.evidence).toEqual([]);
      expect(tab.store.activities('1')).toEqual([]);
      // What the queue shows is derived from the entities kept beside each alert.
      expect(tab.store.summary('1').entities.map((e) => [e.key, e.alertIds])).toEqual([
        ['pc-1.contoso.com', ['a1', 'a2']],
        ['ana@contoso.com', ['a1']],
      ]);
      const early = await get(handlers, QUEUE_READ);
      const earlyBody: unknown = await early?.json();
      const earlyAlerts: unknown = await (await get(handlers, ALERTS_QUEUE_READ))?.json();
      expect(isComplete()).toBe(false);

      // A read that needs the evidence waits for it, and then has it.
      const alertRead = get(handlers, 'security/alerts_v2/a1');
      const incidentRead = get(handlers, 'security/incidents/1?$expand=alerts');
      const everything = get(handlers, 'security/alerts_v2?$select=*');
      const log = getResponse(
        handlers,
        new Request('https://graph.microsoft.com/mock/v1/incidents/1/activities', {
          headers: { Authorization: as },
        }),
      );
      const alertBody = (await (await alertRead)?.json()) as { evidence: unknown[] };
      expect(isComplete()).toBe(true);
      expect(alertBody.evidence).toEqual(expected.alerts.a1?.evidence);
      const incidentBody = (await (await incidentRead)?.json()) as {
        alerts: { id: string; evidence: unknown[] }[];
      };
      expect(incidentBody.alerts.find((a) => a.id === 'a1')?.evidence).toEqual(
        expected.alerts.a1?.evidence,
      );
      const all = (await (await everything)?.json()) as {
        value: { id: string; evidence: unknown[] }[];
      };
      expect(all.value.find((a) => a.id === 'a1')?.evidence).toEqual(expected.alerts.a1?.evidence);
      expect(JSON.stringify(await (await log)?.json())).toContain('Renamed to Renamed.');

      // The store is whole, and the queue's answer from before is the answer now.
      expect(tab.store.snapshot()).toEqual(expected);
      const late = await get(handlers, QUEUE_READ);
      expect(await late?.json()).toEqual(earlyBody);
      expect(await (await get(handlers, ALERTS_QUEUE_READ))?.json()).toEqual(earlyAlerts);
    });

    it('reads the evidence and logs once requests pause, or at once for a read that needs them', async () => {
      const { dbName, expected } = await storedDatabase();
      // The heavy records' read begins with a transaction over the activity logs alone.
      const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
      const heavyReadStarted = () =>
        transactions.mock.calls.some(([stores]) => stores === 'activities');
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        const { tab, isComplete } = await openLight(dbName);
        const handlers = handlersOf(tab);
        // The queue's reads every 0.25 s for 2.5 s: the heavy records wait all along.
        for (let i = 0; i < 10; i++) {
          await vi.advanceTimersByTimeAsync(250);
          tab.requested();
          await get(handlers, QUEUE_READ);
        }
        expect(heavyReadStarted()).toBe(false);
        await vi.advanceTimersByTimeAsync(300);
        expect(heavyReadStarted()).toBe(true);
        await vi.waitFor(() => expect(isComplete()).toBe(true), { timeout: 5000 });
        expect(tab.store.snapshot()).toEqual(expected);

        // Another visit: a read that needs the evidence does not wait for a pause.
        const other = await openLight(dbName);
        const alert = (await (
          await get(handlersOf(other.tab), 'security/alerts_v2/a1')
        )?.json()) as {
          evidence: unknown[];
        };
        expect(alert.evidence).toEqual(expected.alerts.a1?.evidence);
        expect(other.tab.store.snapshot()).toEqual(expected);
      } finally {
        vi.useRealTimers();
      }
    });

    it('stores a changed alert with the entities it names beside it, and its evidence apart, once', async () => {
      const dbName = newDbName();
      const tab = await open(dbName, { generate: withEvidence });
      tab.store.transact('analyst@contoso.com', (tx) => {
        tx.editAlert('a1').status = 'inProgress';
        return ok(null);
      });
      const expected = tab.store.snapshot();
      await tab.close();
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(dbName);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(new Error(String(req.error)));
      });
      const read = (store: string, key: string) =>
        new Promise<unknown>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).get(key);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(new Error(String(req.error)));
        });
      const storedA1 = (await read('alerts', 'a1')) as Record<string, unknown>;
      expect(storedA1).not.toHaveProperty('evidence');
      expect(storedA1.entities).toEqual([
        { kind: 'device', key: 'pc-1.contoso.com', name: 'pc-1.contoso.com' },
        { kind: 'user', key: 'ana@contoso.com', name: 'ana@contoso.com' },
      ]);
      expect(storedA1.status).toBe('inProgress');
      expect(await read('evidence', 'a1')).toEqual(expected.alerts.a1?.evidence);
      // What did not change is generated again, not stored.
      expect(await read('alerts', 'a2')).toBeUndefined();
      expect(await read('evidence', 'a2')).toBeUndefined();
      expect(await read('meta', 'meta')).toMatchObject({ layout: 3, generator: 1 });
      db.close();

      const reloaded = await open(dbName, { generate: withEvidence });
      expect(reloaded.store.snapshot()).toEqual(expected);
      expect(reloaded.store.alert('a1')?.evidence).toHaveLength(2);
    });

    it('keeps writing every record to a database that holds every record, until a reset', async () => {
      const { dbName, expected } = await storedDatabase();
      const tab = await open(dbName, { generate: withEvidence });
      expect(tab.store.snapshot()).toEqual(expected);
      rename(tab.store, '2', 'Renamed too');
      await tab.flush();
      const renamed = tab.store.snapshot();
      await tab.close();

      const reloaded = await open(dbName, { generate: withEvidence });
      expect(reloaded.notice).toBeUndefined();
      expect(reloaded.store.snapshot()).toEqual(renamed);
      const before = await readStoredRecords(indexedDB, dbName).db;
      const full = await readRaw(before);
      before.close();
      expect(full.meta).toMatchObject({ layout: 2, counts: { incidents: 2, alerts: 3 } });
      expect(full.evidenceKeys).toHaveLength(3);

      await reloaded.reset();
      await reloaded.close();
      const after = await readStoredRecords(indexedDB, dbName).db;
      const reset = await readRaw(after);
      after.close();
      expect(reset).toMatchObject({ incidents: [], evidence: [], meta: { layout: 3 } });
      const again = await open(dbName, { generate: withEvidence });
      expect(again.store.snapshot()).toEqual(withEvidence({ seed: 7, size: 'default', now: NOW }));
    });

    it("another tab's change of an alert arrives with the alert's evidence", async () => {
      const dbName = newDbName();
      const writer = await open(dbName, { generate: withEvidence });
      const reader = await open(dbName, { generate: withEvidence });
      const changed = nextDataChanged(dbName);
      writer.store.transact('analyst@contoso.com', (tx) => {
        tx.editAlert('a1').status = 'resolved';
        return ok(null);
      });
      await writer.flush();
      await changed;
      expect(reader.store.alert('a1')?.status).toBe('resolved');
      expect(reader.store.alert('a1')?.evidence).toHaveLength(2);
      expect(reader.store.snapshot()).toEqual(writer.store.snapshot());
    });

    const heavyCorruptions: [string, (tx: IDBTransaction) => void, string][] = [
      [
        'evidence that does not name the entities kept beside its alert',
        (tx) => tx.objectStore('evidence').put([device('pc-9.contoso.com')], 'a1'),
        "alert a1's evidence does not name the entities stored with it",
      ],
      [
        'an alert without its evidence',
        (tx) => tx.objectStore('evidence').delete('a2'),
        'evidence is stored for 2 alerts, not the 3 there are',
      ],
      [
        'a malformed activity log',
        (tx) => tx.objectStore('activities').put('not a list', '1'),
        'activity log of incident 1 is not a list',
      ],
    ];

    it.each(heavyCorruptions)(
      'after %s, sets it aside, restores the seed and tells the tabs why',
      async (_, edit, reason) => {
        const { dbName } = await storedDatabase();
        await tamper(dbName, edit);
        const told = nextDataChanged(dbName);

        const { tab } = await openLight(dbName);
        expect(tab.notice).toBeUndefined();
        expect(await told).toEqual({
          type: 'changed',
          store: 'default',
          notice: setAsideNotice(dbName, reason, `${SET_ASIDE_AT} #1`),
        });
        await tab.complete();
        expect(tab.store.snapshot()).toEqual(withEvidence({ seed: 7, size: 'default', now: NOW }));
        await tab.flush();
        await tab.close();
        const [copy] = await setAsideCopies(dbName);
        expect(copy).toMatchObject({ reason, from: dbName });
        expect(copy?.records.incidents).toContainEqual(
          expect.objectContaining({ id: '1', displayName: 'Renamed' }),
        );

        // The seed was written back whole: the next load is clean.
        const again = await open(dbName, { generate: withEvidence });
        expect(again.notice).toBeUndefined();
        expect(again.store.incident('1')?.displayName).toBe('Execution on one endpoint');
      },
    );

    it('runs on the seed in memory, and says so, when the evidence cannot be read', async () => {
      const { dbName } = await storedDatabase();
      const transaction = IDBDatabase.prototype.transaction;
      vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
        this: IDBDatabase,
        ...args: Parameters<IDBDatabase['transaction']>
      ) {
        if (args[0] === 'evidence') throw new Error('the disk is unreadable');
        return transaction.apply(this, args);
      });
      const told = nextDataChanged(dbName);
      const { tab } = await openLight(dbName);
      expect(await told).toMatchObject({
        notice:
          'Demo data cannot be saved in this browser (its stored data could not be read: the disk is unreadable); the demo data was restored from the seed, and changes last until the page is reloaded.',
      });
      await tab.complete();
      vi.restoreAllMocks();
      // Said to tabs that connect from now on as well, for as long as it runs.
      expect(tab.saved).toBe(false);
      expect(tab.notice).toMatch(/^Demo data cannot be saved in this browser/);
      expect(tab.store.incident('1')?.displayName).toBe('Execution on one endpoint');
      rename(tab.store, '1', 'Only in memory');
      await tab.flush();
      await tab.close();

      // Nothing was overwritten: the stored data, the analyst's rename included, opens again.
      const again = await open(dbName, { generate: withEvidence });
      expect(again.notice).toBeUndefined();
      expect(again.store.incident('1')?.displayName).toBe('Renamed');
    });

    it('moves the evidence of a database from before it had a store of its own, keeping every record', async () => {
      const { dbName, expected } = await storedDatabase();
      // The same records as the console wrote them before: version 1 of the database, without
      // the evidence store, the evidence on each alert, no layout in meta.
      const current = await readStoredRecords(indexedDB, dbName).db;
      const raw = await readRaw(current);
      current.close();
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase(dbName);
        req.onsuccess = () => resolve();
        req.onerror = () => reject(new Error(String(req.error)));
      });
      const v1 = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(dbName, 1);
        req.onupgradeneeded = () => {
          for (const name of ['meta', 'incidents', 'alerts', 'activities', 'relations']) {
            if (name === 'incidents' || name === 'alerts') {
              req.result.createObjectStore(name, { keyPath: 'id' });
            } else req.result.createObjectStore(name);
          }
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(new Error(String(req.error)));
      });
      const tx = v1.transaction(
        ['meta', 'incidents', 'alerts', 'activities', 'relations'],
        'readwrite',
      );
      const { layout: _layout, ...oldMeta } = raw.meta as Record<string, unknown>;
      tx.objectStore('meta').put(oldMeta, 'meta');
      for (const i of Object.values(expected.incidents)) tx.objectStore('incidents').put(i);
      for (const a of Object.values(expected.alerts)) tx.objectStore('alerts').put(a);
      for (const [id, log] of Object.entries(expected.activities)) {
        tx.objectStore('activities').put(log, id);
      }
      tx.objectStore('relations').put(expected.relations, 'all');
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(new Error(String(tx.error)));
      });
      v1.close();

      const tab = await open(dbName, { generate: withEvidence });
      expect(tab.notice).toBeUndefined();
      expect(tab.store.snapshot()).toEqual(expected);
      await tab.close();

      const db = await readStoredRecords(indexedDB, dbName).db;
      expect(db.version).toBe(2);
      const moved = await readRaw(db);
      db.close();
      expect(moved.meta).toMatchObject({ layout: 2 });
      expect(moved.alerts.every((a) => !Object.hasOwn(a as object, 'evidence'))).toBe(true);
      expect(moved.evidenceKeys).toHaveLength(3);
    });

    it('reads again, in one transaction, records another tab changed between its two reads', async () => {
      const dbName = newDbName();
      const other = await open(dbName, { generate: withEvidence });
      await other.flush();
      // This tab has read its light records; the other tab then splits an alert off into a
      // new incident, whose activity log this tab's heavy read will find.
      const stored = readStoredRecords(indexedDB, dbName);
      await stored.light;
      const split = other.store.transact('analyst@contoso.com', (tx) => {
        const id = tx.nextIncidentId();
        tx.createIncident(incident(id, 'Split off', 3));
        tx.editAlert('a3').incidentId = id;
        tx.record(id, {
          kind: 'audit',
          category: 'alert',
          action: 'alertMoved',
          description: 'Moved here.',
        });
        return ok(id);
      });
      expect(split.ok).toBe(true);
      await other.flush();

      const tab = await openIncomplete(dbName, { generate: withEvidence, stored });
      await tab.complete();
      expect(tab.notice).toBeUndefined();
      expect(tab.store.snapshot()).toEqual(other.store.snapshot());
      expect(await setAsideCopies(dbName).catch(() => [])).toEqual([]);
    });
  });

  /** Makes the next write transaction abort before it commits, as a full disk would. */
  function failNextWrite() {
    const transaction = IDBDatabase.prototype.transaction;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementationOnce(function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      const tx = transaction.apply(this, args);
      queueMicrotask(() => tx.abort());
      return tx;
    });
  }

  it('flush rejects after a failed write, and keeps rejecting until everything is stored again', async () => {
    const dbName = newDbName();
    const onError = vi.fn();
    const tab = await open(dbName, { onError });
    failNextWrite();
    rename(tab.store, '1', 'Not stored at first');
    await expect(tab.flush()).rejects.toThrow(/^IndexedDB did not store it: /);
    expect(onError).toHaveBeenCalledTimes(1);
    // Nothing was written since: the change is still in memory only.
    await expect(tab.flush()).rejects.toThrow(/^IndexedDB did not store it: /);

    // The next change writes every record written since the store opened, the earlier
    // change's included.
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    rename(tab.store, '2', 'Stored');
    await tab.flush();
    const incidentsPut = put.mock.calls
      .filter((_, i) => (put.mock.contexts[i] as IDBObjectStore).name === 'incidents')
      .map(([record]) => (record as IncidentRecord).id);
    expect(incidentsPut.sort()).toEqual(['1', '2']);
    const before = tab.store.snapshot();
    await tab.close();

    const reloaded = await open(dbName);
    expect(reloaded.notice).toBeUndefined();
    expect(reloaded.store.snapshot()).toEqual(before);
    expect(reloaded.store.incident('1')?.displayName).toBe('Not stored at first');
  });

  it("answers a write whose transaction did not commit with 503, in Graph's envelope", async () => {
    const tab = await open(newDbName(), { onError: () => {}, generate: generateSeed });
    const handlers = createHandlers({
      store: tab.store,
      seed: { seed: 7, size: 'default' },
      reset: () => tab.reset(),
      durable: () => tab.flush(),
    });
    const id = tab.store.incidents()[0]?.id ?? '';
    const patch = (displayName: string) =>
      getResponse(
        handlers,
        new Request(`https://graph.microsoft.com/v1.0/security/incidents/${id}`, {
          method: 'PATCH',
          headers: {
            Authorization: 'Bearer mock.analyst@contoso.com',
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({ displayName }),
        }),
      );
    failNextWrite();
    const refused = await patch('Renamed');
    expect(refused?.status).toBe(503);
    const body = (await refused?.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('ServiceUnavailable');
    expect(body.error.message).toMatch(
      /^The change could not be saved \(IndexedDB did not store it/,
    );

    // The next change stores everything again and is acknowledged.
    expect((await patch('Renamed again'))?.status).toBe(200);
  });

  it('opens on a read of the database started before it, without opening the database again', async () => {
    const dbName = newDbName();
    const first = await open(dbName);
    rename(first.store, '2', 'Stored');
    await first.close();

    const stored = readStoredRecords(indexedDB, dbName);
    const opens = vi.spyOn(indexedDB, 'open');
    const tab = await open(dbName, { stored });
    expect(opens).not.toHaveBeenCalled();
    expect(tab.notice).toBeUndefined();
    expect(tab.store.snapshot()).toEqual(first.store.snapshot());
  });

  /** Calls `act` with each read-write transaction from now on, as it is created. */
  function onReadWrite(act: (tx: IDBTransaction) => void) {
    const transaction = IDBDatabase.prototype.transaction;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      const tx = transaction.apply(this, args);
      if (args[1] === 'readwrite') act(tx);
      return tx;
    });
  }

  /** Calls `act` with the first read-write transaction from now on (a new database's seed). */
  function onFirstReadWrite(act: (tx: IDBTransaction) => void) {
    let first = true;
    onReadWrite((tx) => {
      if (!first) return;
      first = false;
      act(tx);
    });
  }

  /** Whether the seed's write has committed. */
  function watchSeedWrite() {
    const seen = { committed: false };
    onFirstReadWrite((tx) => tx.addEventListener('complete', () => (seen.committed = true)));
    return seen;
  }

  it('stores new demo data as its meta record alone: the records are generated again on opening', async () => {
    const dbName = newDbName();
    const tab = await open(dbName);
    expect(tab.store.snapshot()).toEqual(seeded());
    await tab.flush();
    const db = await readStoredRecords(indexedDB, dbName).db;
    const raw = await readRaw(db);
    db.close();
    expect(raw).toMatchObject({
      incidents: [],
      alerts: [],
      evidence: [],
      activities: [],
      relations: undefined,
      meta: {
        layout: 3,
        generator: SEED_GENERATOR_VERSION,
        seed: { seed: 7, size: 'default', now: NOW.toISOString() },
        counts: { incidents: 0, alerts: 0, relations: -1 },
      },
    });

    const other = await open(dbName);
    expect(other.notice).toBeUndefined();
    expect(other.store.snapshot()).toEqual(seeded());
  });

  it('acknowledges a write right after opening only with the new seed under it stored', async () => {
    const dbName = newDbName();
    const seed = watchSeedWrite();
    const tab = await open(dbName);
    rename(tab.store, '2', 'Renamed at once');
    await tab.flush();
    expect(seed.committed).toBe(true);
    await tab.close();
    vi.restoreAllMocks();

    const reloaded = await open(dbName);
    expect(reloaded.notice).toBeUndefined();
    expect(reloaded.store.snapshot()).toEqual(tab.store.snapshot());
  });

  it('refuses writes while a new seed could not be stored, until a write stores everything', async () => {
    const dbName = newDbName();
    const onError = vi.fn();
    onFirstReadWrite((tx) => queueMicrotask(() => tx.abort()));
    const tab = await open(dbName, { onError });
    expect(tab.store.snapshot()).toEqual(seeded());
    await expect(tab.flush()).rejects.toThrow(/^IndexedDB did not store it: /);
    expect(onError).toHaveBeenCalledTimes(1);

    rename(tab.store, '2', 'Stored with the seed');
    await tab.flush();
    await tab.close();
    vi.restoreAllMocks();
    const reloaded = await open(dbName);
    expect(reloaded.notice).toBeUndefined();
    expect(reloaded.store.incident('2')?.displayName).toBe('Stored with the seed');
    expect(reloaded.store.snapshot()).toEqual(tab.store.snapshot());
  });

  it('reset restores the seed in memory and in storage', async () => {
    const dbName = newDbName();
    const tab = await open(dbName);
    rename(tab.store, '2', 'Renamed');
    await tab.reset();
    expect(tab.store.snapshot()).toEqual(seeded());
    await tab.close();

    const reloaded = await open(dbName);
    expect(reloaded.store.snapshot()).toEqual(seeded());
  });

  it('another tab sees a change after the broadcast, and the app is told to refetch', async () => {
    const dbName = newDbName();
    const a = await open(dbName);
    const b = await open(dbName);
    const changed = nextDataChanged(dbName);

    rename(a.store, '1', 'Renamed in A');
    a.store.transact('analyst@contoso.com', (tx) => {
      tx.editAlert('a1').incidentId = '2';
      return ok(null);
    });
    expect(await changed).toEqual({ type: 'changed' });
    await vi.waitFor(() => expect(b.store.snapshot()).toEqual(a.store.snapshot()));
    expect(b.store.incident('1')?.displayName).toBe('Renamed in A');
    expect([...b.store.alertIdsOf('2')].sort()).toEqual(['a1', 'a3']);
    expect(b.store.summary('1').alertCount).toBe(1);

    // And back the other way; B's write must not be echoed into B's own store.
    const listener = vi.fn();
    b.store.subscribe(listener);
    rename(b.store, '2', 'Renamed in B');
    await vi.waitFor(() => expect(a.store.incident('2')?.displayName).toBe('Renamed in B'));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(a.store.snapshot()).toEqual(b.store.snapshot());
  });

  it('another tab follows a reset', async () => {
    const dbName = newDbName();
    const a = await open(dbName);
    const b = await open(dbName);
    rename(a.store, '1', 'Renamed');
    await vi.waitFor(() => expect(b.store.incident('1')?.displayName).toBe('Renamed'));

    const changed = nextDataChanged(dbName);
    await a.reset();
    await changed;
    expect(b.store.snapshot()).toEqual(seeded());
  });

  it('falls back to the seed in memory when IndexedDB cannot be opened', async () => {
    const broken = {
      open: () => {
        throw new Error('IndexedDB is disabled');
      },
    } as unknown as IDBFactory;
    const tab = await open(newDbName(), { indexedDB: broken });
    expect(tab.notice).toBe(
      'Demo data cannot be saved in this browser (IndexedDB is disabled); changes last until the page is reloaded.',
    );
    expect(tab.store.snapshot()).toEqual(seeded());
    rename(tab.store, '1', 'Renamed');
    await tab.reset();
    expect(tab.store.snapshot()).toEqual(seeded());
  });

  it('round-trips the generated default seed, storing only what changed', async () => {
    const dbName = newDbName();
    const tab = await open(dbName, { generate: generateSeed });
    const id = tab.store.incidents()[0]?.id ?? '';
    rename(tab.store, id, 'Renamed');
    await tab.flush();
    const db = await readStoredRecords(indexedDB, dbName).db;
    const raw = await readRaw(db);
    db.close();
    expect(raw.incidentKeys).toEqual([id]);
    expect(raw.activityKeys).toEqual([id]);
    expect([raw.alerts, raw.evidence, raw.relations]).toEqual([[], [], undefined]);
    const before = tab.store.snapshot();
    expect(before.seed).toEqual({ seed: 7, size: 'default', now: NOW.toISOString() });
    await tab.close();

    const reloaded = await open(dbName, { generate: generateSeed });
    expect(reloaded.notice).toBeUndefined();
    expect(reloaded.store.snapshot()).toEqual(before);
  });
});

// ---------------------------------------------------------------- JSON file and journal

describe('file persistence (Node)', () => {
  const dirs: string[] = [];
  const fileStores: FileStore[] = [];

  afterEach(async () => {
    await Promise.all(fileStores.splice(0).map((s) => s.close().catch(() => undefined)));
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  async function openFile(file: string, extra: Partial<FileStoreOptions> = {}) {
    const opened = await openFileStore({
      file,
      seed: 7,
      size: 'default',
      seedNow: () => NOW,
      clock,
      generate: tinySeed,
      ...extra,
    });
    fileStores.push(opened);
    return opened;
  }

  const newFile = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mock-data-'));
    dirs.push(dir);
    return join(dir, 'data.json');
  };

  /**
   * The files as a crash would leave them, copied elsewhere: the store that wrote them stays
   * open on the originals, so a restart can be opened on the copy without two stores sharing one
   * journal.
   */
  const crashImage = async (file: string) => {
    const copy = await newFile();
    await cp(dirname(file), dirname(copy), { recursive: true });
    return copy;
  };

  /** What a restart would load, read without opening a store. */
  const stored = async (file: string) => {
    const content = await readStateFile(file);
    if (content.kind !== 'state') throw new Error(`not loadable: ${JSON.stringify(content)}`);
    return content.state;
  };

  it('creates the file from the seed, journals each change before flush() resolves, and a restart replays them', async () => {
    const file = await newFile();
    const first = await openFile(file);
    expect(first.notice).toBeUndefined();
    expect(first.loadedFromFile).toBe(false);
    expect(await stored(file)).toEqual(seeded());

    rename(first.store, '1', 'Renamed');
    rename(first.store, '2', 'Also renamed');
    await first.flush();
    // No close(): what is on disk right after flush() is what a crash would leave.
    expect(await listSegments(file)).toEqual([1]);
    const lines = (await readFile(segmentPath(file, 1), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(await stored(file)).toEqual(first.store.snapshot());

    const restarted = await openFile(await crashImage(file));
    expect(restarted.loadedFromFile).toBe(true);
    expect(restarted.notice).toBeUndefined();
    expect(restarted.store.snapshot()).toEqual(first.store.snapshot());
  });

  it('close() folds the journal into the file, which then holds everything alone', async () => {
    const file = await newFile();
    const opened = await openFile(file);
    rename(opened.store, '1', 'One');
    rename(opened.store, '2', 'Two');
    const before = opened.store.snapshot();
    await opened.close();
    expect(await listSegments(file)).toEqual([]);
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('{"journalFoldedThrough":1,')).toBe(true);
    expect(await stored(file)).toEqual(before);
  });

  it('folds closed segments into the file in the background and loads snapshot plus journal', async () => {
    const file = await newFile();
    const opened = await openFile(file, { compactAfterBytes: 1 });
    for (let i = 0; i < 6; i++) {
      rename(opened.store, '1', `Name ${i}`);
      await opened.flush();
    }
    // Each line fills a segment; the worker folds the closed ones and deletes them while the
    // store goes on.
    // The folded segments are deleted just after the new snapshot is renamed in: wait for both.
    await vi.waitFor(
      async () => {
        expect((await readFile(file, 'utf8')).startsWith('{"journalFoldedThrough":0,')).toBe(false);
        expect((await listSegments(file)).length).toBeLessThan(6);
      },
      { timeout: 10_000 },
    );
    const expected = opened.store.snapshot();
    await opened.close();
    expect(await stored(file)).toEqual(expected);
  });

  it.each([
    ['not JSON', '{"schemaVersion": 1, "incid', 'the file is not valid JSON'],
    [
      'an old schema version',
      JSON.stringify({ ...seeded(), schemaVersion: 0 }),
      `schema version 0, expected ${SCHEMA_VERSION}`,
    ],
    [
      'a garbage alert',
      JSON.stringify({ ...seeded(), alerts: { ...seeded().alerts, a9: { id: 'a9' } } }),
      'alert a9 has no title',
    ],
  ])(
    'restores the seed with a warning when the file is %s, keeping the bad file under a unique name',
    async (_, text, reason) => {
      const file = await newFile();
      await writeFile(file, text);
      const opened = await openFile(file);
      const copy = `${file}.corrupt-20261102T093000Z`;
      expect(opened.notice).toBe(
        `${file}: Stored demo data was unreadable (${reason}); the demo data was restored from the seed. The unreadable data was kept as ${copy}.`,
      );
      expect(opened.store.snapshot()).toEqual(seeded());
      expect(await readFile(copy, 'utf8')).toBe(text);
      expect(await stored(file)).toEqual(seeded());

      // The same corruption in the same second: the first copy is never overwritten.
      await opened.close();
      await writeFile(file, `${text} again`);
      const again = await openFile(file);
      expect(again.notice).toContain(`kept as ${copy}-2.`);
      expect(await readFile(copy, 'utf8')).toBe(text);
      expect(await readFile(`${copy}-2`, 'utf8')).toBe(`${text} again`);
    },
  );

  it('sets the journal aside with its file', async () => {
    const file = await newFile();
    const first = await openFile(file);
    rename(first.store, '1', 'Renamed');
    await first.flush();
    const image = await crashImage(file);
    await writeFile(image, 'not json'); // as if the disk had garbled the snapshot
    const second = await openFile(image);
    const copy = `${image}.corrupt-20261102T093000Z`;
    expect(second.notice).toContain(`kept as ${copy} and ${copy}.journal.*.`);
    expect(await listSegments(image)).toEqual([]);
    expect(await listSegments(copy)).toEqual([1]);
  });

  it('refuses a journal line that is not the torn last one', async () => {
    const file = await newFile();
    const first = await openFile(file);
    rename(first.store, '1', 'Renamed');
    rename(first.store, '2', 'Renamed too');
    await first.flush();
    const image = await crashImage(file);
    const segment = segmentPath(image, 1);
    const [line1, line2] = (await readFile(segment, 'utf8')).trimEnd().split('\n');
    await writeFile(segment, `${line1?.slice(0, 20)}\n${line2}\n`);
    const second = await openFile(image);
    expect(second.notice).toContain(
      'Stored demo data was unreadable (line 1 of journal segment 1 cannot be replayed: it is not valid JSON)',
    );
    expect(second.store.snapshot()).toEqual(seeded());
  });

  it('drops a torn last line, and cuts it off before appending', async () => {
    const file = await newFile();
    const first = await openFile(file);
    rename(first.store, '1', 'Renamed');
    await first.flush();
    const acknowledged = first.store.snapshot();
    const image = await crashImage(file);
    await appendFile(segmentPath(image, 1), '{"incidents":[{"id":"2","displayNa');

    const second = await openFile(image);
    expect(second.notice).toBeUndefined();
    expect(second.store.snapshot()).toEqual(acknowledged);
    rename(second.store, '2', 'After the crash');
    const expected = second.store.snapshot();
    await second.close();
    // Had the torn bytes stayed, segment 1 would end in half a line before segment 2.
    expect(await stored(image)).toEqual(expected);
  });

  it('reset restores the seed and makes it durable: a new file, the journal emptied', async () => {
    const file = await newFile();
    const opened = await openFile(file);
    rename(opened.store, '1', 'Renamed');
    await opened.flush();
    await opened.reset();
    expect(opened.store.snapshot()).toEqual(seeded());
    expect(await listSegments(file)).toEqual([]);
    expect(await stored(file)).toEqual(seeded());

    rename(opened.store, '2', 'After the reset');
    await opened.flush();
    expect(await listSegments(file)).toEqual([2]);
    expect(await stored(file)).toEqual(opened.store.snapshot());
  });

  it('rejects flush() once a journal write failed, and for every write after it', async () => {
    const file = await newFile();
    const errors: unknown[] = [];
    const opened = await openFile(file, { onError: (e) => errors.push(e) });
    // A directory where the segment should be: the append fails as a full disk would.
    await mkdir(segmentPath(file, 1));
    rename(opened.store, '1', 'Lost');
    await expect(opened.flush()).rejects.toThrow(/journal of .* could not be written: EISDIR/);
    rename(opened.store, '2', 'Not saved either');
    await expect(opened.flush()).rejects.toThrow(/could not be written/);
    expect(errors).toHaveLength(1);
    await expect(opened.close()).rejects.toThrow(/could not be written/);
  });

  it('writes atomically: a temporary file, then a rename; a failed write leaves the file as it was', async () => {
    const file = await newFile();
    await writeStateFile(file, seeded());
    const original = await readFile(file, 'utf8');
    await expect(stat(`${file}.tmp`)).rejects.toThrow(); // renamed away, not left behind

    // Make the temporary file impossible to create: the write fails before touching FILE.
    await mkdir(`${file}.tmp`);
    const changed = seeded();
    changed.incidents['1'] = incident('1', 'Changed', 1);
    await expect(writeStateFile(file, changed)).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe(original);
  });
});
