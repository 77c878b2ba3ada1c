/**
 * The incident store: all state of the mock backend and the only place it changes.
 *
 * Every write is one transaction, `validate → compute → commit`: an operation reads the state,
 * refuses with a StoreError before touching anything, or stages copies of what it changes in a
 * Tx. Only `commit` writes to the state, bumps versions (etags), re-derives what depends on the
 * alerts, and tells the listeners (persistence, other tabs) exactly what changed.
 */
import type { ActivityEntry } from '@/domain/activity';
import { SYSTEM_ACTOR } from '@/domain/activity';
import type { ServiceSource } from '@/domain/enums';
import { SEVERITY_LABELS } from '@/domain/enums';
import { canReadSource, type Persona } from '@/domain/identity';
import { deriveSeverity } from '@/domain/severity';
import { summarize, type IncidentSummary } from './summary';
import type {
  AlertRecord,
  IncidentRecord,
  RelationRecord,
  Result,
  StoreChange,
  StoreError,
  StoreState,
} from './types';

export type Clock = () => Date;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type StoreOptions = {
  /** Time source for every timestamp the store writes (tests inject a fixed clock). */
  clock?: Clock;
};

export type ActivityDraft = Omit<
  ActivityEntry,
  'id' | 'incidentId' | 'createdDateTime' | 'performedBy'
> & {
  performedBy?: string;
  createdDateTime?: string;
};

/** Records committed elsewhere (another tab) to lay over the in-memory state. */
export type ExternalPatch = {
  incidents?: IncidentRecord[];
  alerts?: AlertRecord[];
  /** Whole logs, by incident id. */
  activities?: Record<string, ActivityEntry[]>;
  relations?: RelationRecord[];
  counters?: StoreState['counters'];
};

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(
  status: StoreError['status'],
  code: StoreError['code'],
  message: string,
): Result<T> => ({ ok: false, error: { status, code, message } });

/** The weak etag Graph-style clients send back in If-Match. */
export function etagOf(incident: Pick<IncidentRecord, 'version'>): string {
  return `W/"${incident.version}"`;
}

/**
 * Staged changes of one operation. Reads see staged copies first; nothing reaches the store's
 * state until the store commits the Tx.
 */
export class Tx {
  readonly incidents = new Map<string, IncidentRecord>();
  readonly alerts = new Map<string, AlertRecord>();
  readonly created = new Set<string>();
  readonly log: ActivityEntry[] = [];
  relations: RelationRecord[] | undefined;

  constructor(
    private readonly store: IncidentStore,
    /** ISO time of this operation. */
    readonly now: string,
    /** Who performs it (UPN or "System"). */
    readonly actor: string,
  ) {}

  incident(id: string): IncidentRecord | undefined {
    return this.incidents.get(id) ?? this.store.incident(id);
  }

  alert(id: string): AlertRecord | undefined {
    return this.alerts.get(id) ?? this.store.alert(id);
  }

  /** A mutable copy of the incident, staged for commit. */
  editIncident(id: string): IncidentRecord {
    const staged = this.incidents.get(id);
    if (staged) return staged;
    const current = this.store.incident(id);
    if (!current) throw new Error(`editIncident: incident ${id} does not exist`);
    const copy = structuredClone(current);
    this.incidents.set(id, copy);
    return copy;
  }

  /**
   * A mutable copy of the alert, staged for commit. The copy is shallow — evidence and other
   * nested values are shared with the committed record — so replace nested values, never mutate
   * them in place. (Moving 150 alerts must not deep-copy 150 evidence lists.)
   */
  editAlert(id: string): AlertRecord {
    const staged = this.alerts.get(id);
    if (staged) return staged;
    const current = this.store.alert(id);
    if (!current) throw new Error(`editAlert: alert ${id} does not exist`);
    const copy = { ...current };
    this.alerts.set(id, copy);
    return copy;
  }

  createIncident(record: IncidentRecord): IncidentRecord {
    this.incidents.set(record.id, record);
    this.created.add(record.id);
    return record;
  }

  /** Home alerts of an incident as they will be after commit. */
  alertsOf(incidentId: string): AlertRecord[] {
    const ids = new Set(this.store.alertIdsOf(incidentId));
    for (const a of this.alerts.values()) {
      if (a.incidentId === incidentId) ids.add(a.id);
      else ids.delete(a.id);
    }
    return [...ids].map((id) => this.alert(id)).filter((a): a is AlertRecord => a !== undefined);
  }

  /** Appends an activity entry to an incident's log. */
  record(incidentId: string, draft: ActivityDraft): void {
    // Object.assign, not a spread: a spread of drafts of many shapes is slow, and a move logs
    // hundreds of entries in one transaction (issue 5's 5 ms budget).
    const entry = Object.assign(
      { id: this.store.nextActivityId(this.log.length), incidentId },
      draft,
      {
        createdDateTime: draft.createdDateTime ?? this.now,
        performedBy: draft.performedBy ?? this.actor,
      },
    );
    this.log.push(entry);
  }

  nextIncidentId(): string {
    return this.store.nextIncidentId(this.created.size);
  }
}

export class IncidentStore {
  private state: StoreState;
  private readonly clock: Clock;
  /** incident id → ids of its home alerts. */
  private alertIndex = new Map<string, Set<string>>();
  private summaries = new Map<string, IncidentSummary>();
  private sortedAlerts = new Map<string, readonly AlertRecord[]>();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  /** Incidents taking part in a merge that is running (issue 4): writes to them answer 409. */
  readonly locked = new Set<string>();

  constructor(state: StoreState, options: StoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.state = state;
    this.reindex();
  }

  // ---------------------------------------------------------------- reads

  incident(id: string): IncidentRecord | undefined {
    return Object.hasOwn(this.state.incidents, id) ? this.state.incidents[id] : undefined;
  }

  alert(id: string): AlertRecord | undefined {
    return Object.hasOwn(this.state.alerts, id) ? this.state.alerts[id] : undefined;
  }

  /** All incidents, in no particular order. */
  incidents(): IncidentRecord[] {
    return Object.values(this.state.incidents);
  }

  alerts(): AlertRecord[] {
    return Object.values(this.state.alerts);
  }

  alertIdsOf(incidentId: string): readonly string[] {
    return [...(this.alertIndex.get(incidentId) ?? [])];
  }

  /** Home alerts of an incident, oldest first (cached until the incident's alerts change). */
  alertsOf(incidentId: string): readonly AlertRecord[] {
    let list = this.sortedAlerts.get(incidentId);
    if (!list) {
      list = this.alertIdsOf(incidentId)
        .map((id) => this.state.alerts[id] as AlertRecord)
        .sort((a, b) => cmp(a.createdDateTime, b.createdDateTime) || cmp(a.id, b.id));
      this.sortedAlerts.set(incidentId, list);
    }
    return list;
  }

  relations(): readonly RelationRecord[] {
    return this.state.relations;
  }

  /** What the incident's alerts add up to (counts, sources, entities, activity times); cached. */
  summary(incidentId: string): IncidentSummary {
    let s = this.summaries.get(incidentId);
    if (!s) {
      s = summarize(this.alertsOf(incidentId));
      this.summaries.set(incidentId, s);
    }
    return s;
  }

  /** The incident's activity log, oldest first. */
  activities(incidentId: string): readonly ActivityEntry[] {
    return this.state.activities[incidentId] ?? [];
  }

  /** Follows `redirectIncidentId` to the incident that finally holds the merged content. */
  finalIncidentId(id: string): string | undefined {
    const seen = new Set<string>();
    let current = this.incident(id);
    while (
      current?.status === 'redirected' &&
      current.redirectIncidentId &&
      !seen.has(current.id)
    ) {
      seen.add(current.id);
      current = this.incident(current.redirectIncidentId);
    }
    return current?.id;
  }

  /** The service sources that decide who may see and change an incident. */
  sourcesOf(incidentId: string): readonly ServiceSource[] {
    const own = this.summary(incidentId).serviceSources;
    if (own.length > 0) return own;
    const incident = this.incident(incidentId);
    if (incident?.status === 'redirected') {
      const target = this.finalIncidentId(incidentId);
      if (target && target !== incidentId) return this.summary(target).serviceSources;
    }
    return own;
  }

  /**
   * An incident is visible to a persona that may read at least one of its sources. An incident
   * with no alerts left (emptied by moves) is visible only to personas that read every source.
   */
  canSee(persona: Persona, incidentId: string): boolean {
    if (persona.sources === 'all') return true;
    const sources = this.sourcesOf(incidentId);
    // An incident without alerts shows only to personas reading every source (handled above).
    if (sources.length === 0) return false;
    return sources.some((s) => canReadSource(persona, s));
  }

  canSeeAlert(persona: Persona, alert: AlertRecord): boolean {
    return canReadSource(persona, alert.serviceSource);
  }

  /** A deep copy of the whole state (for persistence and for tests' before/after checks). */
  snapshot(): StoreState {
    return structuredClone(this.state);
  }

  /** The whole state as JSON, without the deep copy `snapshot()` makes (for file persistence). */
  serialize(): string {
    return JSON.stringify(this.state);
  }

  /** The state's seed information and id counters (copies), without cloning every record. */
  stateMeta(): Pick<StoreState, 'schemaVersion' | 'seed' | 'counters'> {
    const { schemaVersion, seed, counters } = this.state;
    return { schemaVersion, seed: { ...seed }, counters: { ...counters } };
  }

  now(): string {
    return this.clock().toISOString();
  }

  // ---------------------------------------------------------------- writes

  /**
   * Runs one operation atomically. `op` validates and stages its changes in the Tx; if it
   * returns an error nothing is committed. Throwing is a bug, and also commits nothing.
   */
  transact<T>(actor: string, op: (tx: Tx) => Result<T>): Result<T> {
    const tx = new Tx(this, this.now(), actor);
    const result = op(tx);
    if (!result.ok) return result;
    this.commit(tx);
    return result;
  }

  /** Replaces the whole state (reset to seed, load from storage, another tab's write). */
  replaceState(state: StoreState, options: { silent?: boolean } = {}): void {
    this.state = state;
    this.locked.clear();
    this.reindex();
    if (!options.silent) {
      this.emit({
        incidentIds: [],
        alertIds: [],
        activityIncidentIds: [],
        relations: true,
        reset: true,
      });
    }
  }

  /**
   * Applies records another tab already committed (read back from storage). Silent: listeners
   * are not told, so persistence does not write back what it just read.
   */
  applyExternal(patch: ExternalPatch): void {
    const s = this.state;
    for (const alert of patch.alerts ?? []) {
      const before = s.alerts[alert.id];
      if (before) {
        this.alertIndex.get(before.incidentId)?.delete(alert.id);
        this.forgetDerived(before.incidentId);
      }
      if (!this.alertIndex.has(alert.incidentId)) this.alertIndex.set(alert.incidentId, new Set());
      this.alertIndex.get(alert.incidentId)?.add(alert.id);
      this.forgetDerived(alert.incidentId);
      s.alerts[alert.id] = alert;
    }
    for (const incident of patch.incidents ?? []) s.incidents[incident.id] = incident;
    for (const [id, entries] of Object.entries(patch.activities ?? {})) s.activities[id] = entries;
    if (patch.relations) s.relations = patch.relations;
    if (patch.counters) {
      // Never move a counter back: ids this tab already handed out must stay unique.
      for (const key of Object.keys(s.counters) as (keyof StoreState['counters'])[]) {
        s.counters[key] = Math.max(s.counters[key], patch.counters[key]);
      }
    }
  }

  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ids are numbered from counters kept in the state, so they stay unique across reloads. */
  nextIncidentId(offset = 0): string {
    return String(this.state.counters.incident + offset);
  }

  nextActivityId(offset = 0): string {
    return `act-${this.state.counters.activity + offset}`;
  }

  private commit(tx: Tx): void {
    const s = this.state;
    const touchedIncidents = new Set(tx.incidents.keys());
    const alertMembershipChanged = new Set<string>();

    for (const [id, alert] of tx.alerts) {
      const before = s.alerts[id];
      if (before && before.incidentId !== alert.incidentId) {
        this.alertIndex.get(before.incidentId)?.delete(id);
        alertMembershipChanged.add(before.incidentId);
      }
      if (!this.alertIndex.has(alert.incidentId)) this.alertIndex.set(alert.incidentId, new Set());
      this.alertIndex.get(alert.incidentId)?.add(id);
      alertMembershipChanged.add(alert.incidentId);
      s.alerts[id] = alert;
    }
    for (const [id, incident] of tx.incidents) s.incidents[id] = incident;
    for (const id of alertMembershipChanged) this.forgetDerived(id);

    // Derived fields follow the alerts (law 8): severity unless an analyst set it by hand.
    for (const id of alertMembershipChanged) {
      const incident = s.incidents[id];
      if (!incident || incident.severitySetByHand) continue;
      // Only the severities are needed here; the full summary is computed when it is next read.
      const derived = deriveSeverity(this.alertsOf(id).map((a) => a.severity));
      if (derived && derived !== incident.severity) {
        const copy = touchedIncidents.has(id) ? incident : structuredClone(incident);
        tx.record(id, {
          kind: 'audit',
          category: 'incident',
          action: 'severityChanged',
          performedBy: SYSTEM_ACTOR,
          description: `Severity changed from ${SEVERITY_LABELS[incident.severity]} to ${SEVERITY_LABELS[derived]} as the incident's alerts changed.`,
          oldValue: incident.severity,
          newValue: derived,
        });
        copy.severity = derived;
        s.incidents[id] = copy;
        touchedIncidents.add(id);
      }
    }

    for (const id of touchedIncidents) {
      const incident = s.incidents[id] as IncidentRecord;
      s.counters.revision += 1;
      incident.version = s.counters.revision;
      if (!tx.created.has(id)) incident.lastUpdateDateTime = tx.now;
    }

    const activityIncidentIds = new Set<string>();
    for (const entry of tx.log) {
      (s.activities[entry.incidentId] ??= []).push(entry);
      activityIncidentIds.add(entry.incidentId);
    }
    s.counters.activity += tx.log.length;
    s.counters.incident += tx.created.size;
    if (tx.relations) s.relations = tx.relations;

    this.emit({
      incidentIds: [...touchedIncidents],
      alertIds: [...tx.alerts.keys()],
      activityIncidentIds: [...activityIncidentIds],
      relations: tx.relations !== undefined,
      reset: false,
    });
  }

  private emit(change: StoreChange): void {
    for (const listener of this.listeners) listener(change);
  }

  /** Drops what was derived from an incident's alerts; it is recomputed on the next read. */
  private forgetDerived(incidentId: string): void {
    this.summaries.delete(incidentId);
    this.sortedAlerts.delete(incidentId);
  }

  private reindex(): void {
    this.alertIndex = new Map();
    this.summaries = new Map();
    this.sortedAlerts = new Map();
    for (const alert of Object.values(this.state.alerts)) {
      let set = this.alertIndex.get(alert.incidentId);
      if (!set) this.alertIndex.set(alert.incidentId, (set = new Set()));
      set.add(alert.id);
    }
  }
}
