/**
 * Browser persistence of the incident store (ARCHITECTURE.md §6): the store lives in memory, and
 * after every committed operation exactly what it changed is written to IndexedDB in one
 * transaction. What is stored is laid over the demo data its meta record names, generated again
 * on opening (OVERLAY_LAYOUT), so new demo data is written as that one record. Other tabs hear of
 * a write on a BroadcastChannel, read those records back and lay them over their own memory, then
 * tell their app to refetch.
 */
import { alertEntities, ENTITY_KINDS, type AlertEntity } from '@/domain/entities';
import {
  done,
  fromStoredAlert,
  FULL_LAYOUT,
  META_KEY,
  OVERLAY_LAYOUT,
  MOCK_DB_NAME,
  readHeavy,
  readRaw,
  readStoredRecords,
  RELATIONS_KEY,
  request,
  STORES,
  toStoredAlert,
  WRITE_OPTIONS,
  type HeavyRecords,
  type LightRecords,
  type RawRecords,
  type RecordLayout,
  type StoredRecords,
} from './idb-records';
import { IncidentStore, type Clock, type ExternalPatch } from './incident-store';
import { generateSeed, SEED_GENERATOR_VERSION } from './seed/generate';
import { restoredNotice, schemaVersionProblem, storedStateProblem } from './state-validation';
import {
  SCHEMA_VERSION,
  type AlertRecord,
  type IncidentRecord,
  type RelationRecord,
  type SeedSize,
  type StoreChange,
  type StoreState,
} from './types';

/** The app listens here for `{ type: 'changed' }` and refetches. */
export const DATA_CHANNEL_NAME = 'soc-console-data';

/**
 * How long a stored store's heavy records wait, after it opens or its last request, before they
 * are read (`completeStore`): about as long as the queue's first rows take to be drawn once
 * answered, so the read does not compete with them, and short enough that an incident opened
 * at once seldom waits for it. Measured on a return visit (6 runs each): read at once, first
 * rows 996 ms and an incident opened at once 447 ms; after 100 ms, 880 and 423; after 300 ms,
 * 761 and 512; after a second, 759 and 791.
 */
const COMPLETE_AFTER_MS = 300;

type Meta = {
  schemaVersion: number;
  /** How the records are laid out (idb-records; the upgrade from the first layout sets FULL). */
  layout: RecordLayout;
  /** OVERLAY_LAYOUT: the version of the generator whose demo data the records lie over. */
  generator?: number;
  /** The demo data: in OVERLAY_LAYOUT, what the records lie over. */
  seed: StoreState['seed'];
  counters: StoreState['counters'];
  /**
   * Record counts at the last write (relations: the list's length, -1 when none is stored): a
   * torn or hand-edited database shows up as a mismatch.
   */
  counts: { incidents: number; alerts: number; relations: number };
  savedAt: string;
};

type SyncMessage = { type: 'store-changed'; from: string; change: StoreChange };

/**
 * The data-changed message posted to the app after another tab's write was applied, or after
 * the store's data was replaced under the tabs (with the notice that says why).
 */
type DataChangedMessage = { type: 'changed'; store?: SeedSize; notice?: string };

/** Builds the demo data (the real seed generator unless a test passes a smaller one). */
export type SeedGenerator = (options: { seed: number; size: SeedSize; now: Date }) => StoreState;

/** The demo data a store is asked for, and how to generate it. */
type Seeding = { seed: number; size: SeedSize; generate: SeedGenerator };

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
  /**
   * The database already being opened and read (`readStoredRecords` of mocks/store/idb-records),
   * by the SharedWorker's first script; otherwise it is opened and read here.
   */
  stored?: StoredRecords;
  /**
   * Where failed writes are reported besides `flush()` rejecting (they never break the
   * in-memory store).
   */
  onError?: (error: unknown) => void;
};

export type BrowserStore = {
  store: IncidentStore;
  /**
   * Set when stored data could not be used or cannot be saved; show it to the analyst. It can
   * change after opening, when the heavy records turn out unusable or unreadable.
   */
  readonly notice?: string | undefined;
  /** False when IndexedDB cannot be used and the store lives in memory only (can become false). */
  readonly saved: boolean;
  /**
   * Resolves once the store holds every record: it opens on the light ones (everything the
   * queue needs) and reads the stored evidence and activity logs once requests pause for
   * COMPLETE_AFTER_MS, or at once when this is called first. Never rejects.
   */
  complete(): Promise<void>;
  /** Restores the seed (a fresh "now"), stores it as its meta record alone and tells the other tabs. */
  reset(): Promise<void>;
  /**
   * Resolves once every change so far has committed to IndexedDB; rejects while a failed write
   * has left a change in memory only (until a later write has stored everything again).
   */
  flush(): Promise<void>;
  /** Stops listening, waits for pending writes and closes the database. */
  close(): Promise<void>;
  /**
   * A request came: heavy records not yet read wait until requests have paused
   * (COMPLETE_AFTER_MS), so that they do not hold up the analyst's next clicks or the first rows.
   */
  requested(): void;
};

// ---------------------------------------------------------------- writing

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * Starts a write. A database that refuses even to start the transaction (closed, or gone) gives a
 * rejected promise, like a write that fails later.
 */
function begin(write: () => Promise<void>): Promise<void> {
  try {
    return write();
  } catch (error) {
    return Promise.reject(asError(error));
  }
}

// ---------------------------------------------------------------- reading

/**
 * What the light records hold: a store to open on (in FULL_LAYOUT its alerts' evidence empty and
 * its activity logs absent, in OVERLAY_LAYOUT the seed's, until `complete` lays the stored ones
 * over them), no data at all, or why they cannot be used.
 */
type Loaded =
  | {
      state: StoreState;
      layout: RecordLayout;
      /** The entities each stored alert names, as stored beside it. */
      entities: Map<string, AlertEntity[]>;
    }
  | { absent: true }
  | { problem: string };

const byKey = (keys: IDBValidKey[], values: unknown[]) =>
  Object.fromEntries(
    // A non-string key cannot match its record's id, so validation reports it.
    keys.map((k, i) => [typeof k === 'string' ? k : JSON.stringify(k), values[i]]),
  );

const ENTITY_KIND_SET: ReadonlySet<string> = new Set(ENTITY_KINDS);
const isAlertEntity = (v: unknown): v is AlertEntity =>
  typeof v === 'object' &&
  v !== null &&
  ENTITY_KIND_SET.has((v as AlertEntity).kind) &&
  typeof (v as AlertEntity).key === 'string' &&
  typeof (v as AlertEntity).name === 'string';

const shownValue = (value: unknown) =>
  value === undefined ? 'missing' : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * The demo data an OVERLAY_LAYOUT meta record names, generated again; or why it cannot be: made
 * by another version of the generator, another seed or size than the one asked for, or a "now"
 * that is not a date as the generator writes it.
 */
function baseOf(m: Partial<Meta>, seeding: Seeding): { base: StoreState } | { problem: string } {
  if (m.generator !== SEED_GENERATOR_VERSION) {
    return {
      problem: `it was stored over the demo data of seed generator version ${shownValue(m.generator)}, and this console's generator is version ${SEED_GENERATOR_VERSION}`,
    };
  }
  const recipe = m.seed as Partial<StoreState['seed']> | undefined;
  if (typeof recipe !== 'object' || recipe === null) return { problem: 'no seed in meta' };
  if (recipe.seed !== seeding.seed || recipe.size !== seeding.size) {
    return {
      problem: `it was stored over the demo data of seed ${shownValue(recipe.seed)} of size ${shownValue(recipe.size)}, not seed ${seeding.seed} of size ${seeding.size}`,
    };
  }
  const now = typeof recipe.now === 'string' ? new Date(recipe.now) : undefined;
  if (!now || Number.isNaN(now.getTime()) || now.toISOString() !== recipe.now) {
    return { problem: `the seed's date ${shownValue(recipe.now)} is not an ISO 8601 UTC time` };
  }
  return { base: seeding.generate({ seed: recipe.seed, size: recipe.size, now }) };
}

/**
 * Checks the light records as a store: their shape, their counts, then the store's laws, with the
 * stored records laid over the seed (OVERLAY_LAYOUT) or alone (FULL_LAYOUT, every alert's
 * evidence empty and no activity logs until `complete`).
 */
function interpretLight(raw: LightRecords, activitiesToo: boolean, seeding: Seeding): Loaded {
  const m = raw.meta as Partial<Meta> | undefined;
  if (m === undefined) {
    const empty = raw.incidents.length === 0 && raw.alerts.length === 0 && !activitiesToo;
    return empty ? { absent: true } : { problem: 'no metadata record' };
  }
  if (typeof m !== 'object' || m === null) return { problem: 'the metadata record is malformed' };
  const version = schemaVersionProblem(m.schemaVersion);
  if (version) return { problem: version };
  const layout = m.layout;
  if (layout !== OVERLAY_LAYOUT && layout !== FULL_LAYOUT) {
    return {
      problem: `record layout ${shownValue(layout)}, expected ${OVERLAY_LAYOUT} or ${FULL_LAYOUT}`,
    };
  }

  const counts = m.counts;
  if (typeof counts !== 'object' || counts === null) return { problem: 'no record counts in meta' };
  const found = {
    incidents: raw.incidents.length,
    alerts: raw.alerts.length,
    relations: Array.isArray(raw.relations) ? raw.relations.length : -1,
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

  let base: StoreState | undefined;
  if (layout === OVERLAY_LAYOUT) {
    const made = baseOf(m, seeding);
    if ('problem' in made) return made;
    base = made.base;
    // Nothing stored over the seed, which keeps the store's laws as generated
    // (tests/domain/seed.test.ts): no checks to run on a return visit to untouched data.
    const untouched =
      found.incidents === 0 &&
      found.alerts === 0 &&
      found.relations === -1 &&
      JSON.stringify(m.counters) === JSON.stringify(base.counters);
    if (untouched) return { state: base, layout, entities: new Map() };
  }

  const entities = new Map<string, AlertEntity[]>();
  const alerts: unknown[] = [];
  for (const [i, stored] of raw.alerts.entries()) {
    if (typeof stored !== 'object' || stored === null) {
      alerts.push(stored);
      continue;
    }
    const key = raw.alertKeys[i];
    // The seed's evidence, if the alert is the seed's: stored evidence is laid over it after.
    const seeded = typeof key === 'string' ? base?.alerts[key]?.evidence : undefined;
    const { alert, entities: list } = fromStoredAlert(stored, seeded ?? []);
    if (!Array.isArray(list) || !list.every(isAlertEntity)) {
      return { problem: `alert ${shownValue(key)} has no list of the entities it names` };
    }
    if (typeof key === 'string') entities.set(key, list);
    alerts.push(alert);
  }
  const stored = {
    incidents: byKey(raw.incidentKeys, raw.incidents),
    alerts: byKey(raw.alertKeys, alerts),
  };
  const candidate = {
    schemaVersion: m.schemaVersion,
    seed: m.seed,
    counters: m.counters,
    incidents: base ? { ...base.incidents, ...stored.incidents } : stored.incidents,
    alerts: base ? { ...base.alerts, ...stored.alerts } : stored.alerts,
    activities: base?.activities ?? {},
    relations: base && raw.relations === undefined ? base.relations : raw.relations,
  };
  const problem = storedStateProblem(candidate);
  return problem ? { problem } : { state: candidate as StoreState, layout, entities };
}

/**
 * Lays the heavy records over the light ones the store opened on, and checks them: each alert's
 * evidence (stored, or the seed's in OVERLAY_LAYOUT) names the entities stored beside the alert,
 * and the whole state, activity logs included, keeps the store's laws.
 */
function complete(
  loaded: Extract<Loaded, { state: StoreState }>,
  heavy: HeavyRecords,
): { state: StoreState } | { problem: string } {
  const { state, layout } = loaded;
  const overlay = layout === OVERLAY_LAYOUT;
  // Nothing stored beyond what the store opened on, which was checked then.
  if (overlay && heavy.evidenceKeys.length === 0 && heavy.activityKeys.length === 0) {
    return { state };
  }
  const stored = new Map(Object.entries(byKey(heavy.evidenceKeys, heavy.evidence)));
  const alertIds = Object.keys(state.alerts);
  if (!overlay && heavy.evidenceKeys.length !== alertIds.length) {
    return {
      problem: `evidence is stored for ${heavy.evidenceKeys.length} alerts, not the ${alertIds.length} there are`,
    };
  }
  for (const id of stored.keys()) {
    if (!Object.hasOwn(state.alerts, id)) {
      return { problem: `evidence is stored for alert ${id}, which the store does not hold` };
    }
  }
  const alerts: Record<string, AlertRecord> = {};
  for (const alert of Object.values(state.alerts)) {
    const { id } = alert;
    const own = stored.get(id);
    const list: unknown = own ?? (overlay ? alert.evidence : undefined);
    if (!Array.isArray(list)) return { problem: `alert ${id} has no evidence list` };
    const evidence = list as AlertRecord['evidence'];
    // The entities stored beside the alert; for the seed's alert, those of the seed's evidence.
    const storedNames = loaded.entities.get(id);
    const names = storedNames ?? (own ? alertEntities(alert.evidence) : undefined);
    if (names && JSON.stringify(alertEntities(evidence)) !== JSON.stringify(names)) {
      return {
        problem: storedNames
          ? `alert ${id}'s evidence does not name the entities stored with it`
          : `alert ${id}'s stored evidence does not name the entities of the seed's`,
      };
    }
    alerts[id] = own ? { ...alert, evidence } : alert;
  }
  const logs = byKey(heavy.activityKeys, heavy.activities);
  const full = {
    ...state,
    alerts,
    activities: overlay ? { ...state.activities, ...logs } : logs,
  };
  const problem = storedStateProblem(full);
  return problem ? { problem } : { state: full as StoreState };
}

/** `complete`, with records odd enough to trip the checks themselves counted as unusable. */
function completeChecked(
  loaded: Extract<Loaded, { state: StoreState }>,
  heavy: HeavyRecords,
): { state: StoreState } | { problem: string } {
  try {
    return complete(loaded, heavy);
  } catch (error) {
    return { problem: `checking it failed: ${messageOf(error)}` };
  }
}

/** Checks every record (read in one transaction) as one store. */
function judge(raw: RawRecords, seeding: Seeding): { state: StoreState } | { problem: string } {
  let loaded: Loaded;
  try {
    loaded = interpretLight(raw, raw.activities.length > 0 || raw.evidence.length > 0, seeding);
  } catch (error) {
    return { problem: `checking it failed: ${messageOf(error)}` };
  }
  if ('absent' in loaded) return { problem: 'no data' };
  if ('problem' in loaded) return loaded;
  return completeChecked(loaded, raw);
}

/** Reads and checks every record: the whole state, as another tab's reset left it. */
async function readEverything(
  db: IDBDatabase,
  seeding: Seeding,
): Promise<{ state: StoreState } | { problem: string }> {
  return judge(await readRaw(db), seeding);
}

// ---------------------------------------------------------------- setting aside

/** The object store, in the database `<dbName>-set-aside`, that keeps unusable stored data. */
export const SET_ASIDE_STORE = 'copies';

/** One set-aside copy: the records as they were read, and why they could not be used. */
export type SetAsideCopy = {
  /** Unique: the time it was set aside, and a counter for copies made in the same millisecond. */
  name: string;
  setAsideAt: string;
  reason: string;
  /** The database the records came from. */
  from: string;
  records: RawRecords;
};

export const setAsideDatabaseName = (dbName: string) => `${dbName}-set-aside`;

function openSetAsideDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(SET_ASIDE_STORE)) {
        req.result.createObjectStore(SET_ASIDE_STORE, { keyPath: 'name' });
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    req.onblocked = () => reject(new Error('IndexedDB open is blocked by another tab'));
  });
}

const isConstraintError = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as Error).name === 'ConstraintError';

/**
 * Copies the records into the set-aside database under a new name and resolves with that name.
 * `add` refuses an existing key, so a copy never replaces an earlier one, even when two tabs set
 * aside in the same millisecond: the loser takes the next counter.
 */
async function setAside(
  factory: IDBFactory,
  dbName: string,
  records: RawRecords,
  reason: string,
  at: Date,
): Promise<string> {
  const db = await openSetAsideDatabase(factory, setAsideDatabaseName(dbName));
  try {
    const stamp = at.toISOString();
    for (let counter = 1; ; counter++) {
      const copy: SetAsideCopy = {
        name: `${stamp} #${counter}`,
        setAsideAt: stamp,
        reason,
        from: dbName,
        records,
      };
      const tx = db.transaction(SET_ASIDE_STORE, 'readwrite', WRITE_OPTIONS);
      tx.objectStore(SET_ASIDE_STORE).add(copy);
      try {
        await done(tx);
        return copy.name;
      } catch (error) {
        if (!isConstraintError(error) || counter >= 10_000) throw error;
      }
    }
  } finally {
    db.close();
  }
}

/**
 * Reads back the records one change touched, for another tab's write. An alert's evidence never
 * changes, and the seed's is not stored: an alert without stored evidence keeps what
 * `evidenceOf` (this tab's store) has.
 */
async function readChange(
  db: IDBDatabase,
  change: StoreChange,
  evidenceOf: (alertId: string) => AlertRecord['evidence'] | undefined,
): Promise<ExternalPatch> {
  const tx = db.transaction([...STORES], 'readonly');
  const incidents = change.incidentIds.map((id) => request(tx.objectStore('incidents').get(id)));
  const alerts = change.alertIds.map((id) => request(tx.objectStore('alerts').get(id)));
  const evidence = change.alertIds.map((id) => request(tx.objectStore('evidence').get(id)));
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
  const evidenceValues: unknown[] = await Promise.all(evidence);
  const alertValues = (await Promise.all(alerts)).map((stored: unknown, i) =>
    typeof stored === 'object' && stored !== null
      ? fromStoredAlert(stored, evidenceValues[i] ?? evidenceOf(change.alertIds[i] ?? '') ?? [])
          .alert
      : undefined,
  );
  return {
    incidents: present<IncidentRecord>(await Promise.all(incidents)),
    alerts: present<AlertRecord>(alertValues),
    activities,
    ...(Array.isArray(relationValue) ? { relations: relationValue as RelationRecord[] } : {}),
    ...(m?.counters ? { counters: m.counters } : {}),
  };
}

type ActivityLog = StoreState['activities'][string];

// ---------------------------------------------------------------- writing

/** The records IndexedDB holds beyond the meta record, for the record counts in meta. */
type Kept = { incidents: Set<string>; alerts: Set<string>; relations: boolean };

/** The records an operation changed, or several operations did. */
type Changed = Pick<StoreChange, 'incidentIds' | 'alertIds' | 'activityIncidentIds' | 'relations'>;

function metaOf(
  state: Pick<StoreState, 'seed' | 'counters'>,
  layout: RecordLayout,
  counts: Meta['counts'],
): Meta {
  return {
    schemaVersion: SCHEMA_VERSION,
    layout,
    ...(layout === OVERLAY_LAYOUT ? { generator: SEED_GENERATOR_VERSION } : {}),
    seed: state.seed,
    counters: state.counters,
    counts,
    savedAt: new Date().toISOString(),
  };
}

/**
 * Stores demo data just generated (or restored from the seed): every object store emptied, and
 * the meta record that names the seed, in one transaction.
 */
function writeSeed(db: IDBDatabase, state: Pick<StoreState, 'seed' | 'counters'>): Promise<void> {
  const tx = db.transaction([...STORES], 'readwrite', WRITE_OPTIONS);
  for (const name of STORES) tx.objectStore(name).clear();
  const counts = { incidents: 0, alerts: 0, relations: -1 };
  tx.objectStore('meta').put(metaOf(state, OVERLAY_LAYOUT, counts), META_KEY);
  return done(tx);
}

/**
 * Writes the records one operation changed (or, after a failed write, every record written since
 * the store opened), and meta. Runs synchronously inside the store's listener, so IndexedDB
 * clones the records before any later operation can touch them. An alert's evidence never
 * changes: it is written with the alert the first time the alert is stored, and not again.
 */
function writeRecords(
  db: IDBDatabase,
  store: IncidentStore,
  change: Changed,
  layout: RecordLayout,
  kept: Kept,
): Promise<void> {
  const incidents = change.incidentIds.map((id) => [id, store.incident(id)] as const);
  const alerts = change.alertIds.map((id) => [id, store.alert(id)] as const);
  // The store never removes a record, and one gone could not be stored as gone (the seed's would
  // come back on reopening): the write fails rather than store less than memory holds.
  const gone = incidents.find(([, i]) => !i)?.[0] ?? alerts.find(([, a]) => !a)?.[0];
  if (gone !== undefined) throw new Error(`record ${gone} is no longer in the store`);

  const tx = db.transaction([...STORES], 'readwrite', WRITE_OPTIONS);
  for (const [, incident] of incidents) tx.objectStore('incidents').put(incident);
  for (const [id, alert] of alerts) {
    if (!alert) continue;
    tx.objectStore('alerts').put(toStoredAlert(alert, store.entitiesOfAlert(alert)));
    if (!kept.alerts.has(id)) tx.objectStore('evidence').put(alert.evidence, id);
  }
  for (const id of change.activityIncidentIds) {
    tx.objectStore('activities').put(store.activities(id), id);
  }
  if (change.relations) tx.objectStore('relations').put(store.relations(), RELATIONS_KEY);
  for (const id of change.incidentIds) kept.incidents.add(id);
  for (const id of change.alertIds) kept.alerts.add(id);
  kept.relations ||= change.relations;
  const counts = {
    incidents: kept.incidents.size,
    alerts: kept.alerts.size,
    relations: kept.relations ? store.relations().length : -1,
  };
  tx.objectStore('meta').put(metaOf(store.stateMeta(), layout, counts), META_KEY);
  return done(tx);
}

// ---------------------------------------------------------------- the store

/**
 * Work that waits until `ms` pass without a call to `arm` (a request), as long as `pending()`
 * says it is still to do. `cancel` forgets the wait (the work was done, or is no longer needed).
 */
function afterQuiet(ms: number, pending: () => boolean, work: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => clearTimeout(timer);
  return {
    arm() {
      cancel();
      if (pending()) timer = setTimeout(work, ms);
    },
    cancel,
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

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
    saved: false,
    complete: () => Promise.resolve(),
    reset: () => Promise.resolve(store.replaceState(fresh())),
    flush: () => Promise.resolve(),
    close: () => Promise.resolve(),
    requested: () => undefined,
  };
}

/**
 * Opens the persisted store: loads what IndexedDB holds when its shape and the store's laws
 * check out, or seeds it. Stored data that fails is first copied to the set-aside database under
 * a name of its own, and the notice names it. Never resolves to an empty or broken store.
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
  const seeding: Seeding = { seed, size, generate };
  const storeOptions = clock ? { clock } : {};

  const factory = options.indexedDB ?? globalThis.indexedDB;
  const cannotSave = (reason: string) =>
    inMemory(
      new IncidentStore(fresh(), storeOptions),
      fresh,
      `Demo data cannot be saved in this browser (${reason}); changes last until the page is reloaded.`,
    );
  /** Sets unusable records aside; says so, or why they were left in place. */
  const setAsideOrSay = async (
    raw: RawRecords,
    problem: string,
  ): Promise<{ notice: string } | { failed: string }> => {
    try {
      const name = await setAside(factory, dbName, raw, problem, clock?.() ?? new Date());
      return {
        notice: `${restoredNotice(problem)} The unusable data was kept in IndexedDB database "${setAsideDatabaseName(dbName)}" as "${name}".`,
      };
    } catch (error) {
      return {
        failed: `${restoredNotice(problem)} It could not be set aside (${messageOf(error)}), so it was left in place and changes last until the page is reloaded.`,
      };
    }
  };
  let db: IDBDatabase;
  let light: LightRecords;
  let stored: StoredRecords;
  try {
    if (options.stored) stored = options.stored;
    else if (!factory) throw new Error('IndexedDB is not available');
    else stored = readStoredRecords(factory, dbName);
    db = await stored.db;
  } catch (error) {
    return cannotSave(messageOf(error));
  }
  const unreadable = (error: unknown) => `its stored data could not be read: ${messageOf(error)}`;
  try {
    light = await stored.light;
  } catch (error) {
    // What cannot be read cannot be set aside either: leave it where it is rather than
    // overwrite it, and run on the seed until the browser can read it again.
    db.close();
    return cannotSave(unreadable(error));
  }
  let loaded: Loaded;
  try {
    loaded = interpretLight(light, false, seeding);
  } catch (error) {
    // Records odd enough to trip the checks themselves are unusable too: set them aside.
    loaded = { problem: `checking it failed: ${messageOf(error)}` };
  }

  let notice: string | undefined;
  let state: StoreState;
  /** How the records are laid out, and what they are: see idb-records OVERLAY_LAYOUT. */
  let layout: RecordLayout = OVERLAY_LAYOUT;
  let kept: Kept = { incidents: new Set(), alerts: new Set(), relations: false };
  /** Demo data just generated (or restored from the seed), to be stored as its meta record. */
  let newSeed: StoreState | undefined;
  if ('state' in loaded) {
    state = loaded.state;
    layout = loaded.layout;
    kept = {
      incidents: new Set(light.incidentKeys.map(String)),
      alerts: new Set(light.alertKeys.map(String)),
      relations: Array.isArray(light.relations),
    };
  } else {
    // No store to open on: the rest is read now, to be set aside with the rest, or to find
    // activity logs without the records they belong to.
    let raw: RawRecords;
    try {
      raw = { ...light, ...(await readHeavy(db)) };
    } catch (error) {
      db.close();
      return cannotSave(unreadable(error));
    }
    if ('absent' in loaded && (raw.activities.length > 0 || raw.evidence.length > 0)) {
      loaded = { problem: 'no metadata record' };
    }
    state = fresh();
    if ('problem' in loaded) {
      const set = await setAsideOrSay(raw, loaded.problem);
      if ('failed' in set) {
        db.close();
        return inMemory(new IncidentStore(state, storeOptions), fresh, set.failed);
      }
      notice = set.notice;
    }
    newSeed = state;
  }
  const store = new IncidentStore(state, {
    ...storeOptions,
    ...('state' in loaded ? { entities: loaded.entities } : {}),
  });

  const tabId = newTabId();
  const hasChannels = typeof BroadcastChannel !== 'undefined';
  const sync = hasChannels ? new BroadcastChannel(dbName) : undefined;
  const data = hasChannels ? new BroadcastChannel(dataChannelName) : undefined;

  // Writes are chained so flush() can wait for all of them; IndexedDB itself already commits
  // transactions over the same stores in the order they were created.
  let writes: Promise<void> = Promise.resolve();
  /**
   * Why memory holds changes IndexedDB does not: set when a write fails. Every flush rejects
   * while it is set, since "everything committed so far is stored" is then false, whichever
   * later writes succeed. The next change is written as a rewrite (of new demo data, or of every
   * record written since the store opened); once one commits, memory and storage agree again.
   */
  let failure: Error | undefined;
  let rewriteNeeded = false;
  const failed = (error: unknown) => {
    failure = asError(error);
    rewriteNeeded = true;
    onError(error);
  };
  /** Every record written since the store opened or was reset: what a rewrite puts again. */
  const nothingWritten = () => ({
    incidentIds: new Set<string>(),
    alertIds: new Set<string>(),
    logs: new Set<string>(),
    relations: false,
  });
  let written = nothingWritten();
  /** Demo data stored so far as its meta record (false until newSeed's write commits). */
  let seedStored = newSeed === undefined;

  /**
   * Stores new demo data as its meta record alone, in one small transaction, as soon as it is
   * generated: a write is acknowledged only once the seed under it is stored, since IndexedDB
   * commits transactions in the order they were started. If it cannot be stored, writes are
   * refused as any failed write is ("The change could not be saved…") until one stores
   * everything.
   */
  const storeSeed = (seedState: Pick<StoreState, 'seed' | 'counters'>) => {
    layout = OVERLAY_LAYOUT;
    kept = { incidents: new Set(), alerts: new Set(), relations: false };
    seedStored = false;
    return begin(() => writeSeed(db, seedState)).then(() => {
      seedStored = true;
    });
  };
  if (newSeed) {
    const handled = storeSeed(newSeed).then(undefined, failed);
    writes = writes.then(() => handled);
  }

  /** Bumped by every local commit, so a read of another tab's write can tell it went stale. */
  let localSeq = 0;
  let closed = false;

  /** False once the store runs on the seed in memory (its heavy records could not be read). */
  let saving = true;

  const unsubscribe = store.subscribe((change) => {
    localSeq += 1;
    if (!saving) return;
    let write: Promise<void>;
    // A reset stores the new seed (as a new visit does); any other change, what it changed.
    const rewrite = change.reset || rewriteNeeded;
    rewriteNeeded = false;
    if (change.reset) {
      written = nothingWritten();
      write = storeSeed(store.stateMeta());
    } else {
      for (const id of change.incidentIds) written.incidentIds.add(id);
      for (const id of change.alertIds) written.alertIds.add(id);
      for (const id of change.activityIncidentIds) written.logs.add(id);
      written.relations ||= change.relations;
      const records: Changed = rewrite
        ? {
            incidentIds: [...written.incidentIds],
            alertIds: [...written.alertIds],
            activityIncidentIds: [...written.logs],
            relations: written.relations,
          }
        : change;
      // After a failed write of new demo data, the seed first, then everything written over it.
      const seedFirst = rewrite && !seedStored ? storeSeed(store.stateMeta()) : undefined;
      const put = begin(() => writeRecords(db, store, records, layout, kept));
      write = seedFirst ? Promise.all([seedFirst, put]).then(() => undefined) : put;
    }
    const message: SyncMessage = { type: 'store-changed', from: tabId, change };
    // Handle the outcome at once (no unhandled rejection while earlier writes are pending);
    // transactions complete in creation order, so the announcements go out in order too.
    const announced = write.then(() => {
      if (rewrite) failure = undefined;
      sync?.postMessage(message);
    }, failed);
    writes = writes.then(() => announced);
  });

  const applyRemote = async (change: StoreChange) => {
    // Re-read if this tab committed meanwhile: its newer records must not be overwritten by
    // what IndexedDB held before they were written.
    for (let attempt = 0; attempt < 10 && !closed; attempt++) {
      const seqAtRead = localSeq;
      if (change.reset) {
        const loaded = await readEverything(db, seeding);
        if (seqAtRead !== localSeq) continue;
        if (!('state' in loaded)) return;
        store.replaceState(loaded.state, { silent: true });
      } else {
        const patch = await readChange(db, change, (id) => store.alert(id)?.evidence);
        if (seqAtRead !== localSeq) continue;
        store.applyExternal(patch);
      }
      data?.postMessage({ type: 'changed' } satisfies DataChangedMessage);
      return;
    }
  };

  /**
   * Tells every tab of this store to refetch, and what the analyst must now be told: the store
   * changed under them after it had answered (its heavy records turned out unusable).
   */
  const tellTabs = (message: string) =>
    data?.postMessage({
      type: 'changed',
      store: size,
      notice: message,
    } satisfies DataChangedMessage);

  /** What the analyst must be told of this store since it opened, if anything. */
  let lateNotice: string | undefined;

  /**
   * From now on the store runs on the seed in memory: nothing is written, other tabs' records are
   * no longer laid over it, and every tab (those that connect later too) is told why.
   */
  const runInMemory = (reason: string) => {
    saving = false;
    if (sync) sync.onmessage = null;
    store.replaceState(fresh(), { silent: true });
    lateNotice = reason;
    tellTabs(reason);
  };
  const cannotSaveNotice = (reason: string) =>
    `Demo data cannot be saved in this browser (${reason}); the demo data was restored from the seed, and changes last until the page is reloaded.`;

  /**
   * Reads the heavy records (the alerts' evidence, the activity logs) after the store has opened
   * on the light ones, checks them with the light ones as one state, and fills them in. Without a
   * SharedWorker every tab writes, so another tab's write can fall between the two reads: records
   * that fail are read again, all in one transaction, and only what fails then is set aside and
   * the seed restored, as at opening. What cannot be read is left in place, and the seed runs in
   * memory. Either way the tabs are told, and the routes that waited answer from the store as it
   * then is.
   */
  const completeStore = async (opened: Extract<Loaded, { state: StoreState }>) => {
    let raw: RawRecords;
    let judged: { state: StoreState } | { problem: string };
    try {
      const heavy = await readHeavy(db);
      raw = { ...light, ...heavy };
      judged = completeChecked(opened, heavy);
      if ('problem' in judged && !closed) {
        raw = await readRaw(db);
        judged = judge(raw, seeding);
      }
    } catch (error) {
      if (!closed) runInMemory(cannotSaveNotice(unreadable(error)));
      return;
    }
    if (closed) return;
    if ('state' in judged) {
      store.replaceState(judged.state, { silent: true });
      return;
    }
    const set = await setAsideOrSay(raw, judged.problem);
    if (closed) return;
    if ('failed' in set) {
      runInMemory(set.failed);
      return;
    }
    // Restored from the seed and written whole, like a reset (the other tabs follow it).
    store.replaceState(fresh());
    tellTabs(set.notice);
  };
  /**
   * The heavy records' read, once started. Not while requests keep coming: on a return visit it
   * took the worker's thread while the queue's first rows were asked for (deserialising ~5 MB of
   * evidence), and delayed them (`npm run bench`). It starts once COMPLETE_AFTER_MS pass without
   * a request, or at once for a request that needs what it reads (RouteOptions `early`), another
   * tab's change, a reset.
   */
  let completed: Promise<void> | undefined = 'state' in loaded ? undefined : Promise.resolve();
  const opened = loaded;
  const complete = (): Promise<void> => {
    completeWait.cancel();
    if (completed) return completed;
    if (closed || !('state' in opened)) return (completed = Promise.resolve());
    completed = completeStore(opened).catch((error: unknown) => {
      onError(error);
      // Never answer from a store that is still missing its evidence and logs.
      if (!closed) runInMemory(cannotSaveNotice(`opening it failed: ${messageOf(error)}`));
    });
    return completed;
  };
  const completeWait = afterQuiet(
    COMPLETE_AFTER_MS,
    () => completed === undefined,
    () => void complete(),
  );
  completeWait.arm();

  let remote: Promise<void> = Promise.resolve();
  if (sync) {
    sync.onmessage = (event: MessageEvent) => {
      const message: unknown = event.data;
      if (!isSyncMessage(message) || message.from === tabId || closed) return;
      // Another tab's records are laid over a complete store only.
      remote = remote
        .then(complete)
        .then(() => applyRemote(message.change))
        .catch(onError);
    };
  }

  const flush = async () => {
    if (!saving) return;
    await writes;
    if (failure) {
      const reason = failure.name && failure.name !== 'Error' ? `${failure.name}: ` : '';
      throw new Error(`IndexedDB did not store it: ${reason}${failure.message}`, {
        cause: failure,
      });
    }
  };

  return {
    store,
    get notice() {
      return lateNotice ?? notice;
    },
    get saved() {
      return saving;
    },
    complete,
    async reset() {
      await complete();
      store.replaceState(fresh());
      await flush();
    },
    flush,
    requested() {
      completeWait.arm();
    },
    async close() {
      if (closed) return;
      closed = true;
      completeWait.cancel();
      unsubscribe();
      // Pending writes still announce themselves to the other tabs before the channel closes.
      await Promise.all([completed, writes, remote.catch(() => {})]);
      sync?.close();
      data?.close();
      db.close();
    },
  };
}
