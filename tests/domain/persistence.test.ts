import 'fake-indexeddb/auto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActivityEntry } from '@/domain/activity';
import { ok, type IncidentStore } from '@mocks/store/incident-store';
import {
  openFileStore,
  readStateFile,
  writeStateFile,
  type FileStore,
} from '@mocks/store/file-persistence';
import {
  openBrowserStore,
  type BrowserStore,
  type BrowserStoreOptions,
  type SeedGenerator,
} from '@mocks/store/persistence';
import { generateSeed } from '@mocks/store/seed';
import {
  SCHEMA_VERSION,
  type AlertRecord,
  type IncidentRecord,
  type StoreState,
} from '@mocks/store/types';

const NOW = new Date('2026-11-01T12:00:00Z');
const clock = () => new Date('2026-11-02T09:30:00Z');

function incident(id: string, displayName: string): IncidentRecord {
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
    version: 1,
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
  };
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
  incidents: { '1': incident('1', 'Execution on one endpoint'), '2': incident('2', 'Phishing') },
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

async function open(dbName: string, extra: Partial<BrowserStoreOptions> = {}) {
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

/** Runs `edit` on the raw database, as a hand edit or an old app version would. */
async function tamper(dbName: string, edit: (tx: IDBTransaction) => void) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new Error(String(req.error)));
  });
  const tx = db.transaction(
    ['meta', 'incidents', 'alerts', 'activities', 'relations'],
    'readwrite',
  );
  edit(tx);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(new Error(String(tx.error)));
  });
  db.close();
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

  const corruptions: [string, (tx: IDBTransaction) => void, string][] = [
    [
      'an old schema version',
      (tx) => {
        const meta = tx.objectStore('meta');
        const req = meta.get('meta');
        req.onsuccess = () => meta.put({ ...req.result, schemaVersion: 0 }, 'meta');
      },
      'Stored demo data was unreadable (schema version 0, expected 1); the demo data was restored from the seed.',
    ],
    [
      'a missing meta record',
      (tx) => tx.objectStore('meta').delete('meta'),
      'Stored demo data was unreadable (no metadata record); the demo data was restored from the seed.',
    ],
    [
      'a garbage record',
      (tx) => tx.objectStore('incidents').put({ id: '2', junk: true }),
      'Stored demo data was unreadable (incident 2 has no displayName); the demo data was restored from the seed.',
    ],
    [
      'an alert whose incident is gone',
      (tx) => {
        tx.objectStore('alerts').delete('a3');
        tx.objectStore('alerts').put(alert('a3', '99'));
      },
      'Stored demo data was unreadable (alert a3 belongs to incident 99, which does not exist); the demo data was restored from the seed.',
    ],
    [
      'a lost record (counts differ)',
      (tx) => tx.objectStore('alerts').delete('a2'),
      'Stored demo data was unreadable (record counts do not match: expected 2 incidents and 3 alerts, found 2 and 2); the demo data was restored from the seed.',
    ],
    [
      'a malformed activity log',
      (tx) => tx.objectStore('activities').put('not a list', '1'),
      'Stored demo data was unreadable (activity log of incident 1 is not a list); the demo data was restored from the seed.',
    ],
  ];

  it.each(corruptions)('restores the seed with a notice after %s', async (_, edit, notice) => {
    const dbName = newDbName();
    const tab = await open(dbName);
    rename(tab.store, '1', 'Renamed');
    await tab.close();
    await tamper(dbName, edit);

    const reloaded = await open(dbName);
    expect(reloaded.notice).toBe(notice);
    expect(reloaded.store.snapshot()).toEqual(seeded());
    await reloaded.close();

    // The restored seed was written back: the next load is clean.
    const again = await open(dbName);
    expect(again.notice).toBeUndefined();
    expect(again.store.snapshot()).toEqual(seeded());
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

  it('round-trips the generated default seed', async () => {
    const dbName = newDbName();
    const tab = await open(dbName, { generate: generateSeed });
    const id = tab.store.incidents()[0]?.id ?? '';
    rename(tab.store, id, 'Renamed');
    await tab.flush();
    const before = tab.store.snapshot();
    expect(before.seed).toEqual({ seed: 7, size: 'default', now: NOW.toISOString() });
    await tab.close();

    const reloaded = await open(dbName, { generate: generateSeed });
    expect(reloaded.notice).toBeUndefined();
    expect(reloaded.store.snapshot()).toEqual(before);
  });
});

// ---------------------------------------------------------------- JSON file

describe('file persistence (Node)', () => {
  let dir: string;
  const fileStores: FileStore[] = [];

  afterEach(async () => {
    await Promise.all(fileStores.splice(0).map((s) => s.close()));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function openFile(file: string) {
    const opened = await openFileStore({
      file,
      seed: 7,
      size: 'default',
      seedNow: () => NOW,
      clock,
      generate: tinySeed,
      debounceMs: 20,
    });
    fileStores.push(opened);
    return opened;
  }

  const newFile = async () => {
    dir = await mkdtemp(join(tmpdir(), 'mock-data-'));
    return join(dir, 'data.json');
  };

  it('creates the file from the seed, saves changes, and a restart shows them', async () => {
    const file = await newFile();
    const first = await openFile(file);
    expect(first.notice).toBeUndefined();
    expect(first.loadedFromFile).toBe(false);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(seeded());

    rename(first.store, '1', 'Renamed');
    await vi.waitFor(async () =>
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(first.store.snapshot()),
    );
    const before = first.store.snapshot();
    await first.close();

    const restarted = await openFile(file);
    expect(restarted.loadedFromFile).toBe(true);
    expect(restarted.notice).toBeUndefined();
    expect(restarted.store.snapshot()).toEqual(before);
  });

  it('gathers a burst of changes for one write, and close() flushes what is pending', async () => {
    const file = await newFile();
    const opened = await openFileStore({
      file,
      seed: 7,
      size: 'default',
      seedNow: () => NOW,
      generate: tinySeed,
      debounceMs: 60_000,
    });
    rename(opened.store, '1', 'One');
    rename(opened.store, '2', 'Two');
    expect((await readStateFile(file)) as { state: StoreState }).toEqual({ state: seeded() });
    await opened.close();
    const { state } = (await readStateFile(file)) as { state: StoreState };
    expect([state.incidents['1']?.displayName, state.incidents['2']?.displayName]).toEqual([
      'One',
      'Two',
    ]);
  });

  it.each([
    ['not JSON', '{"schemaVersion": 1, "incid', 'the file is not valid JSON'],
    [
      'an old schema version',
      JSON.stringify({ ...seeded(), schemaVersion: 0 }),
      'schema version 0, expected 1',
    ],
    [
      'a garbage alert',
      JSON.stringify({ ...seeded(), alerts: { ...seeded().alerts, a9: { id: 'a9' } } }),
      'alert a9 has no title',
    ],
  ])(
    'restores the seed with a warning when the file is %s, keeping the bad file',
    async (_, text, reason) => {
      const file = await newFile();
      await writeFile(file, text);
      const opened = await openFile(file);
      expect(opened.notice).toBe(
        `${file}: Stored demo data was unreadable (${reason}); the demo data was restored from the seed. The unreadable file was kept as ${file}.corrupt.`,
      );
      expect(opened.store.snapshot()).toEqual(seeded());
      expect(await readFile(`${file}.corrupt`, 'utf8')).toBe(text);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(seeded());
    },
  );

  it('reset restores the seed and writes it', async () => {
    const file = await newFile();
    const opened = await openFile(file);
    rename(opened.store, '1', 'Renamed');
    await opened.reset();
    expect(opened.store.snapshot()).toEqual(seeded());
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(seeded());
  });

  it('writes atomically: a temporary file, then a rename; a failed write leaves the file as it was', async () => {
    const file = await newFile();
    await writeStateFile(file, seeded());
    const original = await readFile(file, 'utf8');
    await expect(stat(`${file}.tmp`)).rejects.toThrow(); // renamed away, not left behind

    // Make the temporary file impossible to create: the write fails before touching FILE.
    await mkdir(`${file}.tmp`);
    const changed = seeded();
    changed.incidents['1'] = incident('1', 'Changed');
    await expect(writeStateFile(file, changed)).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe(original);
  });
});
