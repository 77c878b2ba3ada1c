/**
 * Browser persistence of the incident store (ARCHITECTURE.md §6): the store lives in memory, and
 * after every committed operation exactly what it changed is written to IndexedDB in one
 * transaction. Other tabs hear of the write on a BroadcastChannel, read those records back and
 * lay them over their own memory, then tell their app to refetch.
 */
import { IncidentStore, type Clock, type ExternalPatch } from './incident-store';
import { generateSeed } from './seed';
import { restoredNotice, schemaVersionProblem, stateProblem } from './state-validation';
import {
  SCHEMA_VERSION,
  type AlertRecord,
  type IncidentRecord,
  type RelationRecord,
  type SeedSize,
  type StoreChange,
  type StoreState,
} from './types';

/** IndexedDB database, and the channel tabs of the mock talk on. */
export const MOCK_DB_NAME = 'soc-console-mock';
/** The app listens here for `{ type: 'changed' }` and refetches. */
export const DATA_CHANNEL_NAME = 'soc-console-data';

/** Layout of the object stores; the data's own format is SCHEMA_VERSION, kept in meta. */
const DB_VERSION = 1;
const STORES = ['meta', 'incidents', 'alerts', 'activities', 'relations'] as const;
const META_KEY = 'meta';
const RELATIONS_KEY = 'all';

type Meta = {
  schemaVersion: number;
  seed: StoreState['seed'];
  counters: StoreState['counters'];
  /** Record counts at the last write: a torn or hand-edited database shows up as a mismatch. */
  counts: { incidents: number; alerts: number; relations: number };
  savedAt: string;
};

type SyncMessage = { type: 'store-changed'; from: string; change: StoreChange };

/** The data-changed message posted to the app after another tab's write was applied. */
export type DataChangedMessage = { type: 'changed' };

/** Builds the demo data (the real seed generator unless a test passes a smaller one). */
export type SeedGenerator = (options: { seed: number; size: SeedSize; now: Date }) => StoreState;

export type BrowserStoreOptions = {
  seed: number;
  size: SeedSize;
  /** The seed's "now" when the demo data is (re)generated; it is then kept in meta. */
  seedNow?: () => Date;
  /** Time source of the store's operations. */
  clock?: Clock;
  generate?: SeedGenerator;
  /** IndexedDB database name, also the tab-to-tab channel name. */
  dbName?: string;
  dataChannelName?: string;
  /** Defaults to the global `indexedDB`. */
  indexedDB?: IDBFactory;
  /** Where failed background writes are reported (they never break the in-memory store). */
  onError?: (error: unknown) => void;
};

export type BrowserStore = {
  store: IncidentStore;
  /** Set when stored data could not be used or cannot be saved; show it to the analyst. */
  notice?: string;
  /** Restores the seed (a fresh "now"), rewrites every object store and tells the other tabs. */
  reset(): Promise<void>;
  /** Resolves once every write so far has committed. */
  flush(): Promise<void>;
  /** Stops listening, waits for pending writes and closes the database. */
  close(): Promise<void>;
};

// ---------------------------------------------------------------- IndexedDB as promises

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const store of STORES) {
        if (db.objectStoreNames.contains(store)) continue;
        if (store === 'incidents' || store === 'alerts')
          db.createObjectStore(store, { keyPath: 'id' });
        else db.createObjectStore(store);
      }
    };
    req.onsuccess = () => {
      const db = req.result;
      // A newer layout opened elsewhere: step aside rather than block it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    req.onblocked = () => reject(new Error('IndexedDB open is blocked by another tab'));
  });
}

// ---------------------------------------------------------------- reading

type Loaded = { state: StoreState } | { absent: true } | { problem: string };

async function readEverything(db: IDBDatabase): Promise<Loaded> {
  const tx = db.transaction([...STORES], 'readonly');
  const meta = request(tx.objectStore('meta').get(META_KEY));
  const incidentKeys = request(tx.objectStore('incidents').getAllKeys());
  const incidents = request(tx.objectStore('incidents').getAll());
  const alertKeys = request(tx.objectStore('alerts').getAllKeys());
  const alerts = request(tx.objectStore('alerts').getAll());
  const logKeys = request(tx.objectStore('activities').getAllKeys());
  const logs = request(tx.objectStore('activities').getAll());
  const relations = request(tx.objectStore('relations').get(RELATIONS_KEY));
  await done(tx);

  const m = (await meta) as Partial<Meta> | undefined;
  const incidentValues = await incidents;
  const alertValues = await alerts;
  if (m === undefined) {
    const empty =
      incidentValues.length === 0 && alertValues.length === 0 && (await logs).length === 0;
    return empty ? { absent: true } : { problem: 'no metadata record' };
  }
  if (typeof m !== 'object' || m === null) return { problem: 'the metadata record is malformed' };
  const version = schemaVersionProblem(m.schemaVersion);
  if (version) return { problem: version };

  const relationValues = (await relations) as unknown;
  const counts = m.counts;
  if (typeof counts !== 'object' || counts === null) return { problem: 'no record counts in meta' };
  const found = {
    incidents: incidentValues.length,
    alerts: alertValues.length,
    relations: Array.isArray(relationValues) ? relationValues.length : -1,
  };
  if (
    counts.incidents !== found.incidents ||
    counts.alerts !== found.alerts ||
    counts.relations !== found.relations
  ) {
    return {
      problem:
        `record counts do not match: expected ${counts.incidents} incidents and ` +
        `${counts.alerts} alerts, found ${found.incidents} and ${found.alerts}`,
    };
  }

  const byKey = (keys: IDBValidKey[], values: unknown[]) =>
    Object.fromEntries(
      // A non-string key cannot match its record's id, so validation reports it.
      keys.map((k, i) => [typeof k === 'string' ? k : JSON.stringify(k), values[i]]),
    );
  const candidate = {
    schemaVersion: m.schemaVersion,
    seed: m.seed,
    counters: m.counters,
    incidents: byKey(await incidentKeys, incidentValues),
    alerts: byKey(await alertKeys, alertValues),
    activities: byKey(await logKeys, await logs),
    relations: relationValues,
  };
  const problem = stateProblem(candidate);
  return problem ? { problem } : { state: candidate as StoreState };
}

/** Reads back the records one change touched, for another tab's write. */
async function readChange(db: IDBDatabase, change: StoreChange): Promise<ExternalPatch> {
  const tx = db.transaction([...STORES], 'readonly');
  const incidents = change.incidentIds.map((id) => request(tx.objectStore('incidents').get(id)));
  const alerts = change.alertIds.map((id) => request(tx.objectStore('alerts').get(id)));
  const logs = change.activityIncidentIds.map((id) =>
    request(tx.objectStore('activities').get(id)),
  );
  const relations = change.relations
    ? request(tx.objectStore('relations').get(RELATIONS_KEY))
    : undefined;
  const meta = request(tx.objectStore('meta').get(META_KEY));
  await done(tx);

  const present = <T>(values: unknown[]) => values.filter((v): v is T => v !== undefined);
  const activities: Record<string, ActivityLog> = {};
  const logValues: unknown[] = await Promise.all(logs);
  change.activityIncidentIds.forEach((id, i) => {
    const log = logValues[i];
    if (Array.isArray(log)) activities[id] = log as ActivityLog;
  });
  const relationValue = relations ? ((await relations) as unknown) : undefined;
  const m = (await meta) as Meta | undefined;
  return {
    incidents: present<IncidentRecord>(await Promise.all(incidents)),
    alerts: present<AlertRecord>(await Promise.all(alerts)),
    activities,
    ...(Array.isArray(relationValue) ? { relations: relationValue as RelationRecord[] } : {}),
    ...(m?.counters ? { counters: m.counters } : {}),
  };
}

type ActivityLog = StoreState['activities'][string];

// ---------------------------------------------------------------- writing

function metaOf(store: IncidentStore, state: Pick<StoreState, 'seed' | 'counters'>): Meta {
  return {
    schemaVersion: SCHEMA_VERSION,
    seed: state.seed,
    counters: state.counters,
    counts: {
      incidents: store.incidents().length,
      alerts: store.alerts().length,
      relations: store.relations().length,
    },
    savedAt: new Date().toISOString(),
  };
}

/** Clears every object store and writes the whole state, in one transaction. */
function writeEverything(db: IDBDatabase, state: StoreState): Promise<void> {
  const tx = db.transaction([...STORES], 'readwrite');
  const incidents = Object.values(state.incidents);
  const alerts = Object.values(state.alerts);
  for (const name of STORES) tx.objectStore(name).clear();
  for (const incident of incidents) tx.objectStore('incidents').put(incident);
  for (const alert of alerts) tx.objectStore('alerts').put(alert);
  for (const [id, log] of Object.entries(state.activities))
    tx.objectStore('activities').put(log, id);
  tx.objectStore('relations').put(state.relations, RELATIONS_KEY);
  const meta: Meta = {
    schemaVersion: SCHEMA_VERSION,
    seed: state.seed,
    counters: state.counters,
    counts: {
      incidents: incidents.length,
      alerts: alerts.length,
      relations: state.relations.length,
    },
    savedAt: new Date().toISOString(),
  };
  tx.objectStore('meta').put(meta, META_KEY);
  return done(tx);
}

/**
 * Writes only what one operation changed. Runs synchronously inside the store's listener, so
 * IndexedDB clones the records before any later operation can touch them.
 */
function writeChange(db: IDBDatabase, store: IncidentStore, change: StoreChange): Promise<void> {
  const tx = db.transaction([...STORES], 'readwrite');
  for (const id of change.incidentIds) {
    const incident = store.incident(id);
    if (incident) tx.objectStore('incidents').put(incident);
    else tx.objectStore('incidents').delete(id);
  }
  for (const id of change.alertIds) {
    const alert = store.alert(id);
    if (alert) tx.objectStore('alerts').put(alert);
    else tx.objectStore('alerts').delete(id);
  }
  for (const id of change.activityIncidentIds) {
    tx.objectStore('activities').put(store.activities(id), id);
  }
  if (change.relations) tx.objectStore('relations').put(store.relations(), RELATIONS_KEY);
  const { seed, counters } = store.stateMeta();
  tx.objectStore('meta').put(metaOf(store, { seed, counters }), META_KEY);
  return done(tx);
}

// ---------------------------------------------------------------- the store

const newTabId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

function isSyncMessage(data: unknown): data is SyncMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as SyncMessage).type === 'store-changed' &&
    typeof (data as SyncMessage).from === 'string'
  );
}

function inMemory(store: IncidentStore, fresh: () => StoreState, notice: string): BrowserStore {
  return {
    store,
    notice,
    reset: () => Promise.resolve(store.replaceState(fresh())),
    flush: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

/**
 * Opens the persisted store: loads and validates what IndexedDB holds, or seeds it (with a
 * notice when stored data had to be replaced). Never resolves to an empty or broken store.
 */
export async function openBrowserStore(options: BrowserStoreOptions): Promise<BrowserStore> {
  const {
    seed,
    size,
    seedNow = () => new Date(),
    clock,
    generate = generateSeed,
    dbName = MOCK_DB_NAME,
    dataChannelName = DATA_CHANNEL_NAME,
    onError = (error: unknown) => console.warn('[mock] could not save demo data', error),
  } = options;
  const fresh = () => generate({ seed, size, now: seedNow() });
  const storeOptions = clock ? { clock } : {};

  const factory = options.indexedDB ?? globalThis.indexedDB;
  let db: IDBDatabase;
  let loaded: Loaded;
  try {
    if (!factory) throw new Error('IndexedDB is not available');
    db = await openDatabase(factory, dbName);
    loaded = await readEverything(db).catch((error: unknown) => ({
      problem: error instanceof Error ? error.message : String(error),
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return inMemory(
      new IncidentStore(fresh(), storeOptions),
      fresh,
      `Demo data cannot be saved in this browser (${reason}); changes last until the page is reloaded.`,
    );
  }

  let notice: string | undefined;
  let state: StoreState;
  if ('state' in loaded) {
    state = loaded.state;
  } else {
    state = fresh();
    if ('problem' in loaded) notice = restoredNotice(loaded.problem);
    try {
      await writeEverything(db, state);
    } catch (error) {
      db.close();
      return inMemory(
        new IncidentStore(state, storeOptions),
        fresh,
        `Demo data cannot be saved in this browser (${String(error)}); changes last until the page is reloaded.`,
      );
    }
  }
  const store = new IncidentStore(state, storeOptions);

  const tabId = newTabId();
  const hasChannels = typeof BroadcastChannel !== 'undefined';
  const sync = hasChannels ? new BroadcastChannel(dbName) : undefined;
  const data = hasChannels ? new BroadcastChannel(dataChannelName) : undefined;

  // Writes are chained so flush() can wait for all of them; IndexedDB itself already commits
  // transactions over the same stores in the order they were created.
  let writes: Promise<void> = Promise.resolve();
  /** Bumped by every local commit, so a read of another tab's write can tell it went stale. */
  let localSeq = 0;
  let closed = false;

  const unsubscribe = store.subscribe((change) => {
    localSeq += 1;
    let written: Promise<void>;
    try {
      written = change.reset
        ? writeEverything(db, store.snapshot())
        : writeChange(db, store, change);
    } catch (error) {
      onError(error);
      return;
    }
    const message: SyncMessage = { type: 'store-changed', from: tabId, change };
    // Handle the outcome at once (no unhandled rejection while earlier writes are pending);
    // transactions complete in creation order, so the announcements go out in order too.
    const announced = written.then(
      () => sync?.postMessage(message),
      (error: unknown) => onError(error),
    );
    writes = writes.then(() => announced);
  });

  const applyRemote = async (change: StoreChange) => {
    // Re-read if this tab committed meanwhile: its newer records must not be overwritten by
    // what IndexedDB held before they were written.
    for (let attempt = 0; attempt < 10 && !closed; attempt++) {
      const seqAtRead = localSeq;
      if (change.reset) {
        const loaded = await readEverything(db);
        if (seqAtRead !== localSeq) continue;
        if (!('state' in loaded)) return;
        store.replaceState(loaded.state, { silent: true });
      } else {
        const patch = await readChange(db, change);
        if (seqAtRead !== localSeq) continue;
        store.applyExternal(patch);
      }
      data?.postMessage({ type: 'changed' } satisfies DataChangedMessage);
      return;
    }
  };

  let remote: Promise<void> = Promise.resolve();
  if (sync) {
    sync.onmessage = (event: MessageEvent) => {
      const message: unknown = event.data;
      if (!isSyncMessage(message) || message.from === tabId || closed) return;
      remote = remote.then(() => applyRemote(message.change)).catch(onError);
    };
  }

  const flush = () => writes;

  return {
    store,
    ...(notice ? { notice } : {}),
    async reset() {
      store.replaceState(fresh());
      await flush();
    },
    flush,
    async close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      // Pending writes still announce themselves to the other tabs before the channel closes.
      await Promise.all([writes, remote.catch(() => {})]);
      sync?.close();
      data?.close();
      db.close();
    },
  };
}
