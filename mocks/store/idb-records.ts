/**
 * The IndexedDB side of the browser store's persistence (mocks/store/persistence.ts): the
 * database's layout, IndexedDB's requests as promises, and reading every record. Small and free
 * of the store, so the SharedWorker's first script can start reading what is stored while the
 * store's own code is still loading (`readStoredRecords`).
 */

/** IndexedDB database, and the channel tabs of the mock talk on. */
export const MOCK_DB_NAME = 'soc-console-mock';

/** Layout of the object stores; the data's own format is SCHEMA_VERSION, kept in meta. */
const DB_VERSION = 1;
export const STORES = ['meta', 'incidents', 'alerts', 'activities', 'relations'] as const;
export const META_KEY = 'meta';
export const RELATIONS_KEY = 'all';

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

/** Every record IndexedDB holds, exactly as read: what is set aside when it cannot be used. */
export type RawRecords = {
  meta: unknown;
  incidentKeys: IDBValidKey[];
  incidents: unknown[];
  alertKeys: IDBValidKey[];
  alerts: unknown[];
  activityKeys: IDBValidKey[];
  activities: unknown[];
  relations: unknown;
};

export async function readRaw(db: IDBDatabase): Promise<RawRecords> {
  const tx = db.transaction([...STORES], 'readonly');
  const meta = request(tx.objectStore('meta').get(META_KEY));
  const incidentKeys = request(tx.objectStore('incidents').getAllKeys());
  const incidents = request(tx.objectStore('incidents').getAll());
  const alertKeys = request(tx.objectStore('alerts').getAllKeys());
  const alerts = request(tx.objectStore('alerts').getAll());
  const activityKeys = request(tx.objectStore('activities').getAllKeys());
  const activities = request(tx.objectStore('activities').getAll());
  const relations = request(tx.objectStore('relations').get(RELATIONS_KEY));
  await done(tx);
  return {
    meta: await meta,
    incidentKeys: await incidentKeys,
    incidents: await incidents,
    alertKeys: await alertKeys,
    alerts: await alerts,
    activityKeys: await activityKeys,
    activities: await activities,
    relations: await relations,
  };
}

/** The database being opened and its records being read, started before the store needs them. */
export type StoredRecords = { db: Promise<IDBDatabase>; raw: Promise<RawRecords> };

/**
 * Starts opening the database and reading every record. Whoever awaits `db` and `raw` handles
 * their failures; nothing is reported here.
 */
export function readStoredRecords(factory: IDBFactory, name = MOCK_DB_NAME): StoredRecords {
  const db = openDatabase(factory, name);
  const raw = db.then(readRaw);
  db.catch(() => {});
  raw.catch(() => {});
  return { db, raw };
}
