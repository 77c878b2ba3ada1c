/**
 * The IndexedDB side of the browser store's persistence (mocks/store/persistence.ts): the
 * database's layout, IndexedDB's requests as promises, and reading every record. Small and free
 * of the store, so the SharedWorker's first script can start reading what is stored while the
 * store's own code is still loading (`readStoredRecords`).
 */
import { alertEntities, type AlertEntity } from '@/domain/entities';
import type { AlertEvidence } from '@/domain/graph';

/** IndexedDB database, and the channel tabs of the mock talk on. */
export const MOCK_DB_NAME = 'soc-console-mock';

/**
 * Layout of the object stores; the data's own format is SCHEMA_VERSION, kept in meta. 2 added
 * `evidence`: each alert's evidence, apart from the alert, so that opening the store reads the
 * queue's records first and the evidence and activity logs (about 60% of the bytes) after. The
 * upgrade from 1 moves the evidence apart (`moveEvidenceApart`).
 */
const DB_VERSION = 2;
export const STORES = [
  'meta',
  'incidents',
  'alerts',
  'evidence',
  'activities',
  'relations',
] as const;
export const META_KEY = 'meta';
export const RELATIONS_KEY = 'all';

/**
 * How the records are laid out, kept in meta as `layout`. In both, each alert's evidence is in the
 * `evidence` store (keyed by alert id) and, on the alert, the entities that evidence names
 * (`entities`).
 *
 * - `OVERLAY_LAYOUT` (3), what is written now: the records hold only what differs from the demo
 *   data that meta's `seed` generates (the generator is deterministic, and meta names its
 *   version). A store nobody changed is its meta record alone, and opening it generates the
 *   demo data again, which costs less than reading it back: writing ~11 MB of records took ~1.4 s
 *   of CPU time on a first visit, and reading them back ~0.4 s on a return visit.
 * - `FULL_LAYOUT` (2), written before: every record is stored. It is still read, and written
 *   that way for as long as it is used, until a reset starts over on the overlay.
 */
export const OVERLAY_LAYOUT = 3;
export const FULL_LAYOUT = 2;
export type RecordLayout = typeof OVERLAY_LAYOUT | typeof FULL_LAYOUT;

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Write transactions ask for `strict` durability: `oncomplete` then means the data reached the
 * disk, not only the browser's buffers, which is what answering a write promises.
 */
export const WRITE_OPTIONS: IDBTransactionOptions = { durability: 'strict' };

export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    // A failed request reaches the transaction before it aborts, while `tx.error` is still null.
    tx.onerror = (event) =>
      reject(
        (event.target as IDBRequest | null)?.error ??
          tx.error ??
          new Error('IndexedDB transaction failed'),
      );
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/**
 * An alert as the alerts store keeps it: without its evidence, with the entities that evidence
 * names beside it (both layouts).
 */
export function toStoredAlert(
  alert: { evidence: readonly AlertEvidence[] },
  entities: readonly AlertEntity[],
): Record<string, unknown> {
  const { evidence: _evidence, ...rest } = alert;
  return { ...rest, entities };
}

/**
 * An alert as read from the alerts store, with `evidence` put back in, and the entity list that
 * was kept beside it (checked by whoever uses it).
 */
export function fromStoredAlert(
  stored: object,
  evidence: unknown,
): { alert: Record<string, unknown>; entities: unknown } {
  const { entities, ...alert } = stored as Record<string, unknown>;
  return { alert: { ...alert, evidence }, entities };
}

/**
 * Layout 1 → 2, inside the upgrade's own transaction (so once, and all or nothing, whichever tab
 * opens the database first): each alert's evidence goes to the evidence store, and the alert
 * keeps the entities it names. A record that is not an alert with an evidence list is left as it
 * is, for the load's checks to find and set aside.
 */
function moveEvidenceApart(tx: IDBTransaction): void {
  const alerts = tx.objectStore('alerts');
  const evidence = tx.objectStore('evidence');
  alerts.openCursor().onsuccess = function () {
    const cursor = this.result;
    if (!cursor) return;
    const value: unknown = cursor.value;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const list = (value as { evidence?: unknown }).evidence;
      if (Array.isArray(list)) {
        const alert = value as { evidence: AlertEvidence[] };
        evidence.put(list, cursor.primaryKey);
        cursor.update(toStoredAlert(alert, alertEntities(alert.evidence)));
      }
    }
    cursor.continue();
  };
  const meta = tx.objectStore('meta');
  meta.get(META_KEY).onsuccess = function () {
    const value: unknown = this.result;
    if (typeof value === 'object' && value !== null) {
      meta.put({ ...value, layout: FULL_LAYOUT }, META_KEY);
    }
  };
}

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name, DB_VERSION);
    req.onupgradeneeded = (event) => {
      const db = req.result;
      for (const store of STORES) {
        if (db.objectStoreNames.contains(store)) continue;
        if (store === 'incidents' || store === 'alerts')
          db.createObjectStore(store, { keyPath: 'id' });
        else db.createObjectStore(store);
      }
      if (event.oldVersion === 1 && req.transaction) moveEvidenceApart(req.transaction);
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

/** The records a store opens on: everything but the alerts' evidence and the activity logs. */
export type LightRecords = {
  meta: unknown;
  incidentKeys: IDBValidKey[];
  incidents: unknown[];
  alertKeys: IDBValidKey[];
  alerts: unknown[];
  relations: unknown;
};

/** The records read after the store has opened: the alerts' evidence and the activity logs. */
export type HeavyRecords = {
  evidenceKeys: IDBValidKey[];
  evidence: unknown[];
  activityKeys: IDBValidKey[];
  activities: unknown[];
};

/** Every record IndexedDB holds, exactly as read: what is set aside when it cannot be used. */
export type RawRecords = LightRecords & HeavyRecords;

/** Asks for every light record in `tx`; what it returns collects them once `tx` is done. */
function askForLight(tx: IDBTransaction): () => Promise<LightRecords> {
  const meta = request(tx.objectStore('meta').get(META_KEY));
  const incidentKeys = request(tx.objectStore('incidents').getAllKeys());
  const incidents = request(tx.objectStore('incidents').getAll());
  const alertKeys = request(tx.objectStore('alerts').getAllKeys());
  const alerts = request(tx.objectStore('alerts').getAll());
  const relations = request(tx.objectStore('relations').get(RELATIONS_KEY));
  return async () => ({
    meta: await meta,
    incidentKeys: await incidentKeys,
    incidents: await incidents,
    alertKeys: await alertKeys,
    alerts: await alerts,
    relations: await relations,
  });
}

async function readLight(db: IDBDatabase): Promise<LightRecords> {
  const tx = db.transaction(['meta', 'incidents', 'alerts', 'relations'], 'readonly');
  const light = askForLight(tx);
  await done(tx);
  return light();
}

/**
 * Evidence is read this many alerts at a time, each batch its own task, so a request that
 * arrives meanwhile waits for one batch rather than for all of it. (Evidence never changes, so
 * batches in separate transactions still read one consistent set.)
 */
const EVIDENCE_BATCH = 400;

export async function readHeavy(db: IDBDatabase): Promise<HeavyRecords> {
  const tx = db.transaction('activities', 'readonly');
  const activityKeys = request(tx.objectStore('activities').getAllKeys());
  const activities = request(tx.objectStore('activities').getAll());
  await done(tx);
  const evidenceKeys: IDBValidKey[] = [];
  const evidence: unknown[] = [];
  let range: IDBKeyRange | undefined;
  for (;;) {
    const batch = db.transaction('evidence', 'readonly');
    const keys = request(batch.objectStore('evidence').getAllKeys(range, EVIDENCE_BATCH));
    const values = request(batch.objectStore('evidence').getAll(range, EVIDENCE_BATCH));
    await done(batch);
    const k = await keys;
    evidenceKeys.push(...k);
    const v: unknown[] = await values;
    evidence.push(...v);
    if (k.length < EVIDENCE_BATCH) break;
    range = IDBKeyRange.lowerBound(k[k.length - 1], true);
  }
  return {
    evidenceKeys,
    evidence,
    activityKeys: await activityKeys,
    activities: await activities,
  };
}

/** Every record, read in one transaction: a consistent copy, whatever other tabs write. */
export async function readRaw(db: IDBDatabase): Promise<RawRecords> {
  const tx = db.transaction([...STORES], 'readonly');
  const light = askForLight(tx);
  const evidenceKeys = request(tx.objectStore('evidence').getAllKeys());
  const evidence = request(tx.objectStore('evidence').getAll());
  const activityKeys = request(tx.objectStore('activities').getAllKeys());
  const activities = request(tx.objectStore('activities').getAll());
  await done(tx);
  return {
    ...(await light()),
    evidenceKeys: await evidenceKeys,
    evidence: await evidence,
    activityKeys: await activityKeys,
    activities: await activities,
  };
}

/** The database being opened and its light records being read, started before the store needs them. */
export type StoredRecords = { db: Promise<IDBDatabase>; light: Promise<LightRecords> };

/**
 * Starts opening the database and reading the records a store opens on. Whoever awaits `db` and
 * `light` handles their failures; nothing is reported here.
 */
export function readStoredRecords(factory: IDBFactory, name = MOCK_DB_NAME): StoredRecords {
  const db = openDatabase(factory, name);
  const light = db.then(readLight);
  db.catch(() => {});
  light.catch(() => {});
  return { db, light };
}
