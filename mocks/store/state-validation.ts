/**
 * Checks that stored demo data (IndexedDB or a JSON file) can be loaded into the store: first its
 * shape (old schemas, torn or hand-edited data, garbage records, which would otherwise crash the
 * handlers much later and far away), then the store's laws (ARCHITECTURE.md §4), so that a file
 * with an incident of 151 alerts is refused as surely as one that is not JSON.
 */
import { checkLaws } from './laws';
import { SCHEMA_VERSION, type StoreState } from './types';

type Rec = Record<string, unknown>;

const isObject = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isNullableString = (v: unknown) => v === null || typeof v === 'string';

/** Why a stored schema version is not loadable, or null when it is the current one. */
export function schemaVersionProblem(version: unknown): string | null {
  if (version === SCHEMA_VERSION) return null;
  const shown = typeof version === 'number' ? String(version) : 'missing';
  return `schema version ${shown}, expected ${SCHEMA_VERSION}`;
}

function incidentProblem(key: string, v: unknown): string | null {
  if (!isObject(v)) return `incident ${key} is not a record`;
  if (v.id !== key) return `incident ${key} has id ${JSON.stringify(v.id)}`;
  const strings = ['displayName', 'status', 'severity', 'createdDateTime', 'lastUpdateDateTime'];
  for (const f of strings) if (!isString(v[f])) return `incident ${key} has no ${f}`;
  for (const f of ['customTags', 'systemTags', 'comments']) {
    if (!Array.isArray(v[f])) return `incident ${key} has no ${f} list`;
  }
  for (const f of ['assignedTo', 'classification', 'determination', 'redirectIncidentId']) {
    if (!isNullableString(v[f])) return `incident ${key} has a malformed ${f}`;
  }
  if (typeof v.version !== 'number') return `incident ${key} has no version`;
  if (!isNonEmptyString(v.armName)) return `incident ${key} has no Sentinel name`;
  if (v.provider !== 'defender' && v.provider !== 'sentinel') {
    return `incident ${key} has no provider`;
  }
  return null;
}

function alertProblem(key: string, v: unknown, incidents: Rec): string | null {
  if (!isObject(v)) return `alert ${key} is not a record`;
  if (v.id !== key) return `alert ${key} has id ${JSON.stringify(v.id)}`;
  for (const f of ['title', 'status', 'severity', 'serviceSource', 'createdDateTime']) {
    if (!isString(v[f])) return `alert ${key} has no ${f}`;
  }
  if (!Array.isArray(v.evidence)) return `alert ${key} has no evidence list`;
  if (!isNonEmptyString(v.systemAlertId)) return `alert ${key} has no Sentinel id`;
  if (!isNonEmptyString(v.incidentId)) return `alert ${key} has no incidentId`;
  if (!Object.hasOwn(incidents, v.incidentId)) {
    return `alert ${key} belongs to incident ${v.incidentId}, which does not exist`;
  }
  return null;
}

/**
 * Why a candidate state cannot be loaded, or null when it can. Callers turn the reason into the
 * notice an analyst sees ("Stored demo data was unreadable (<reason>); …").
 */
export function stateProblem(candidate: unknown): string | null {
  if (!isObject(candidate)) return 'not a demo data object';
  const version = schemaVersionProblem(candidate.schemaVersion);
  if (version) return version;

  const { seed, counters, incidents, alerts, activities, relations } = candidate;
  if (
    !isObject(seed) ||
    typeof seed.seed !== 'number' ||
    (seed.size !== 'default' && seed.size !== 'large') ||
    !isString(seed.now) ||
    Number.isNaN(Date.parse(seed.now))
  ) {
    return 'seed information is missing or malformed';
  }
  if (
    !isObject(counters) ||
    !(['incident', 'alert', 'activity', 'revision'] as const).every((k) => isCount(counters[k]))
  ) {
    return 'id counters are missing or malformed';
  }
  if (!isObject(incidents)) return 'incidents are missing';
  if (!isObject(alerts)) return 'alerts are missing';
  if (!isObject(activities)) return 'activity logs are missing';
  if (!Array.isArray(relations)) return 'relations are missing';

  for (const [key, incident] of Object.entries(incidents)) {
    const problem = incidentProblem(key, incident);
    if (problem) return problem;
  }
  for (const [key, incident] of Object.entries(incidents)) {
    const target = (incident as Rec).redirectIncidentId;
    if (isString(target) && !Object.hasOwn(incidents, target)) {
      return `incident ${key} redirects to incident ${target}, which does not exist`;
    }
  }
  for (const [key, alert] of Object.entries(alerts)) {
    const problem = alertProblem(key, alert, incidents);
    if (problem) return problem;
  }
  for (const [key, log] of Object.entries(activities)) {
    if (!Object.hasOwn(incidents, key)) return `activity log of missing incident ${key}`;
    if (!Array.isArray(log)) return `activity log of incident ${key} is not a list`;
    for (const entry of log) {
      if (!isObject(entry) || !isNonEmptyString(entry.id) || !isString(entry.createdDateTime)) {
        return `activity log of incident ${key} holds a malformed entry`;
      }
    }
  }
  for (const r of relations) {
    if (!isObject(r) || !isString(r.relationName)) return 'a relation is malformed';
    if (!isString(r.incidentId) || !Object.hasOwn(incidents, r.incidentId)) {
      return `a relation names incident ${String(r.incidentId)}, which does not exist`;
    }
    if (!isString(r.alertId) || !Object.hasOwn(alerts, r.alertId)) {
      return `a relation names alert ${String(r.alertId)}, which does not exist`;
    }
  }
  return null;
}

/**
 * Why stored data cannot be loaded — its shape, or the first of the store's laws it breaks — or
 * null when it can. Both persistence layers (file and IndexedDB) load through this.
 */
export function storedStateProblem(candidate: unknown): string | null {
  const shape = stateProblem(candidate);
  if (shape) return shape;
  const broken = checkLaws(candidate as StoreState);
  if (broken.length === 0) return null;
  const more = broken.length > 1 ? ` (and ${broken.length - 1} more)` : '';
  return `it breaks the store's laws: ${broken[0]}${more}`;
}

/** The notice shown when stored data was replaced by the seed. */
export function restoredNotice(problem: string): string {
  return `Stored demo data was unreadable (${problem}); the demo data was restored from the seed.`;
}
