/**
 * The on-disk format of `mock:serve --data FILE` (ARCHITECTURE.md §6), without any I/O: FILE is a
 * snapshot of the whole state plus the number of the last journal segment folded into it, and
 * each journal line is one committed change, holding the records as they are after the commit.
 * Replaying a line is idempotent for records and counters but not for activity entries, which
 * is why a snapshot says exactly which segments it already includes.
 */
import type { ActivityEntry } from '@/domain/activity';
import type { IncidentStore } from './incident-store';
import type { AlertRecord, IncidentRecord, RelationRecord, StoreChange, StoreState } from './types';

/** One committed change. Whole records rather than diffs, so replaying a line needs no logic. */
export type JournalLine = {
  incidents: IncidentRecord[];
  alerts: AlertRecord[];
  /** The activity entries the commit appended, in order. */
  entries: ActivityEntry[];
  /** The whole relations list, present only when the commit changed it. */
  relations?: RelationRecord[];
  counters: StoreState['counters'];
};

/** The snapshot's own field: journal segments up to this number are already in it. */
const FOLDED_THROUGH_KEY = 'journalFoldedThrough';

type Rec = Record<string, unknown>;
const isObject = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The journal line (with its newline) of a change the store has just committed. */
export function journalLine(store: IncidentStore, change: StoreChange): string {
  const line: JournalLine = {
    incidents: change.incidentIds
      .map((id) => store.incident(id))
      .filter((i): i is IncidentRecord => i !== undefined),
    alerts: change.alertIds
      .map((id) => store.alert(id))
      .filter((a): a is AlertRecord => a !== undefined),
    entries: change.entries,
    ...(change.relations ? { relations: [...store.relations()] } : {}),
    counters: store.stateMeta().counters,
  };
  return `${JSON.stringify(line)}\n`;
}

/**
 * Reads one journal line, or says why it cannot be replayed. Only what replay relies on is
 * checked here; the replayed state as a whole goes through `storedStateProblem`.
 */
export function parseJournalLine(text: string): JournalLine | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'it is not valid JSON';
  }
  if (!isObject(parsed)) return 'it is not a change record';
  const { incidents, alerts, entries, relations, counters } = parsed;
  if (!Array.isArray(incidents) || !incidents.every((i) => isObject(i) && typeof i.id === 'string'))
    return 'its incidents are malformed';
  if (!Array.isArray(alerts) || !alerts.every((a) => isObject(a) && typeof a.id === 'string'))
    return 'its alerts are malformed';
  if (
    !Array.isArray(entries) ||
    !entries.every((e) => isObject(e) && typeof e.incidentId === 'string')
  )
    return 'its activity entries are malformed';
  if (relations !== undefined && !Array.isArray(relations)) return 'its relations are malformed';
  if (
    !isObject(counters) ||
    !(['incident', 'alert', 'activity', 'revision'] as const).every((k) => isCount(counters[k]))
  )
    return 'its id counters are malformed';
  return parsed as JournalLine;
}

/** Lays one change over a state, as the commit that wrote the line did. */
export function applyJournalLine(state: StoreState, line: JournalLine): void {
  for (const incident of line.incidents) state.incidents[incident.id] = incident;
  for (const alert of line.alerts) state.alerts[alert.id] = alert;
  for (const entry of line.entries) (state.activities[entry.incidentId] ??= []).push(entry);
  if (line.relations) state.relations = line.relations;
  state.counters = { ...line.counters };
}

/**
 * FILE's text: the state's JSON with the folded-through number as its first field. Takes the
 * state as JSON so that a caller holding `store.serialize()` does not stringify twice.
 */
export function snapshotText(stateJson: string, foldedThrough: number): string {
  if (!stateJson.startsWith('{"')) throw new Error('snapshotText: the state is not a JSON object');
  return `{"${FOLDED_THROUGH_KEY}":${foldedThrough},${stateJson.slice(1)}`;
}

/**
 * Reads FILE's text: the candidate state (not yet validated) and the segments it includes. A file
 * without the field (written before the journal existed, or by hand) includes none.
 */
export function parseSnapshot(
  text: string,
): { candidate: Rec; foldedThrough: number } | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { problem: 'the file is not valid JSON' };
  }
  if (!isObject(parsed)) return { problem: 'not a demo data object' };
  const folded = parsed[FOLDED_THROUGH_KEY] ?? 0;
  if (!isCount(folded)) return { problem: `${FOLDED_THROUGH_KEY} is not a segment number` };
  delete parsed[FOLDED_THROUGH_KEY];
  return { candidate: parsed, foldedThrough: folded };
}
