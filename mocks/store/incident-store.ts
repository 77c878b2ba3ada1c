/**
 * The incident store: all state of the mock backend and the only place it changes.
 *
 * Every write is one transaction, `validate → compute → commit`: an operation reads the state,
 * refuses with a StoreError before touching anything, or stages copies of what it changes in a
 * Tx. Only `commit` writes to the state, bumps versions (etags), re-derives what depends on the
 * alerts, and tells the listeners (persistence, other tabs) exactly what changed.
 */
import type { ActivityEntry } from '@/domain/activity';
import * as audit from '@/domain/audit';
import type { ServiceSource } from '@/domain/enums';
import { canReadSource, type Persona } from '@/domain/identity';
import { deriveSeverity } from '@/domain/severity';
import { alertEntities, type AlertEntity } from '@/domain/entities';
import { summarize, type IncidentSummary } from './summary';
import type {
  AlertRecord,
  IncidentRecord,
  RelationRecord,
  Outcome,
  StoreChange,
  StoreState,
  WorkspaceRef,
} from './types';

export type Clock = () => Date;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type StoreOptions = {
  /** Time source for every timestamp the store writes (tests inject a fixed clock). */
  clock?: Clock;
  /**
   * The entities each alert names, as stored beside the alerts: the store can then answer (the
   * queue's counts and names) before the alerts' evidence has been read (mocks/store/persistence).
   */
  entities?: ReadonlyMap<string, readonly AlertEntity[]>;
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

import { mergeLocked, ok, refuse as fail } from '@/domain/outcome';

export { fail, ok };

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
    // hundreds of entries in one transaction (a move of 150 alerts has a 5 ms budget).
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

  /** True while the operation has staged no change at all. */
  isEmpty(): boolean {
    return (
      this.incidents.size === 0 &&
      this.alerts.size === 0 &&
      this.log.length === 0 &&
      this.relations === undefined
    );
  }
}

export class IncidentStore {
  private state: StoreState;
  private readonly clock: Clock;
  /** incident id → ids of its home alerts. */
  private alertIndex = new Map<string, Set<string>>();
  private summaries = new Map<string, IncidentSummary>();
  private sortedAlerts = new Map<string, readonly AlertRecord[]>();
  private members = new Map<string, readonly AlertRecord[]>();
  /** incident id → its relations; alert id → the relations that name it (Sentinel, seed 004). */
  private relationsByIncident = new Map<string, RelationRecord[]>();
  private relationsByAlert = new Map<string, RelationRecord[]>();
  /** Sentinel's name of each incident (a GUID) → its Graph id. */
  private byArmName = new Map<string, string>();
  /** Sentinel's id of each alert (a GUID) → its Graph id. */
  private bySystemAlertId = new Map<string, string>();
  private workspaceList: readonly WorkspaceRef[] | undefined;
  /** entity (kind:key) → the alerts whose evidence names it; built on first use. */
  private entityIndex: Map<string, string[]> | undefined;
  /**
   * alert id → the entities its evidence names (alerts never change their evidence): computed on
   * first use, or as stored beside the alert while its evidence is still being read.
   */
  private entityLists = new Map<string, readonly AlertEntity[]>();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  /** Incidents taking part in an operation still running (a merge): writes to them are refused. */
  private readonly running = new Set<string>();
  /**
   * Counts every change to the state, silent ones (another tab's records, a load) included, so a
   * read remembered at one generation is known stale at the next (mocks/handlers/read-cache).
   */
  private changes = 0;

  constructor(state: StoreState, options: StoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.state = state;
    this.reindex();
    if (options.entities) this.entityLists = new Map(options.entities);
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

  /** The incident's Sentinel relations: the alerts related to it besides its home alerts. */
  relationsOf(incidentId: string): readonly RelationRecord[] {
    return this.relationsByIncident.get(incidentId) ?? [];
  }

  /** The relations that name this alert, in any incident. */
  relationsOfAlert(alertId: string): readonly RelationRecord[] {
    return this.relationsByAlert.get(alertId) ?? [];
  }

  /**
   * Every alert the incident holds, home and related, oldest first (cached until either
   * changes): what its counts, entities, sources and derived severity are made of.
   */
  membersOf(incidentId: string): readonly AlertRecord[] {
    let list = this.members.get(incidentId);
    if (!list) {
      const related = this.relationsOf(incidentId);
      const home = this.alertsOf(incidentId);
      list =
        related.length === 0
          ? home
          : [...home, ...related.map((r) => this.state.alerts[r.alertId] as AlertRecord)].sort(
              (a, b) => cmp(a.createdDateTime, b.createdDateTime) || cmp(a.id, b.id),
            );
      this.members.set(incidentId, list);
    }
    return list;
  }

  /** The incidents an alert belongs to: its home first, then those it is related to. */
  incidentIdsOfAlert(alertId: string): string[] {
    const alert = this.alert(alertId);
    if (!alert) return [];
    return [alert.incidentId, ...this.relationsOfAlert(alertId).map((r) => r.incidentId)];
  }

  /** The Sentinel workspaces the store's incidents live in, each once, in the order first seen. */
  workspaces(): readonly WorkspaceRef[] {
    if (!this.workspaceList) {
      const seen = new Map<string, WorkspaceRef>();
      for (const i of Object.values(this.state.incidents)) {
        if (!i.workspace) continue;
        const key =
          `${i.workspace.subscriptionId}/${i.workspace.resourceGroup}/${i.workspace.workspaceName}`.toLowerCase();
        if (!seen.has(key)) seen.set(key, i.workspace);
      }
      this.workspaceList = [...seen.values()];
    }
    return this.workspaceList;
  }

  /**
   * Every alert whose evidence names the entity, anywhere in the store (an entity's timeline,
   * its "Related alerts"). Alerts never change their evidence, so the index lasts until the
   * state is replaced.
   */
  alertsOfEntity(kind: string, key: string): readonly AlertRecord[] {
    if (!this.entityIndex) {
      const index = new Map<string, string[]>();
      for (const alert of Object.values(this.state.alerts)) {
        for (const entity of this.entitiesOfAlert(alert)) {
          const k = `${entity.kind}:${entity.key}`;
          let list = index.get(k);
          if (!list) index.set(k, (list = []));
          list.push(alert.id);
        }
      }
      this.entityIndex = index;
    }
    return (this.entityIndex.get(`${kind}:${key.toLowerCase()}`) ?? []).map(
      (id) => this.state.alerts[id] as AlertRecord,
    );
  }

  /** The entities the alert's evidence names, each once (src/domain/entities `alertEntities`). */
  readonly entitiesOfAlert = (alert: AlertRecord): readonly AlertEntity[] => {
    let list = this.entityLists.get(alert.id);
    if (!list) this.entityLists.set(alert.id, (list = alertEntities(alert.evidence)));
    return list;
  };

  /** The alert Sentinel knows by this id (a GUID), if any. */
  alertBySystemId(systemAlertId: string): AlertRecord | undefined {
    const id = this.bySystemAlertId.get(systemAlertId.toLowerCase());
    return id === undefined ? undefined : this.alert(id);
  }

  /** The incident Sentinel knows by this name (a GUID), if any. */
  incidentByArmName(armName: string): IncidentRecord | undefined {
    const id = this.byArmName.get(armName.toLowerCase());
    return id === undefined ? undefined : this.incident(id);
  }

  /** What the incident's alerts (home and related) add up to: counts, sources, entities; cached. */
  summary(incidentId: string): IncidentSummary {
    let s = this.summaries.get(incidentId);
    if (!s) {
      s = summarize(this.membersOf(incidentId), this.entitiesOfAlert);
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

  /**
   * The state itself, not a copy, for tests that check that a request changed nothing
   * (`stateRefs` in mocks/test-runtime.ts). Nothing may write to it.
   */
  peek(): Readonly<StoreState> {
    return this.state;
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

  /** Whether the incident takes part in an operation that is still running (a merge). */
  isLocked(incidentId: string): boolean {
    return this.running.has(incidentId);
  }

  // ---------------------------------------------------------------- writes

  /**
   * Runs `work` with these incidents locked: until it settles, other writes to them are refused
   * as locked (Defender: "while the incidents are merging you can't change either"). Refused at
   * once when one of them is locked already. `work` gets the ids it holds, so its own
   * validation can let them through.
   */
  async runExclusive<T>(
    incidentIds: readonly string[],
    work: (held: ReadonlySet<string>) => Promise<Outcome<T>>,
  ): Promise<Outcome<T>> {
    const busy = incidentIds.filter((id) => this.running.has(id));
    if (busy.length > 0) {
      return mergeLocked(busy);
    }
    const held = new Set(incidentIds);
    for (const id of held) this.running.add(id);
    try {
      return await work(held);
    } finally {
      for (const id of held) this.running.delete(id);
    }
  }

  /**
   * Runs one operation atomically. `op` validates and stages its changes in the Tx; if it
   * returns an error nothing is committed. Throwing is a bug, and also commits nothing.
   */
  transact<T>(actor: string, op: (tx: Tx) => Outcome<T>): Outcome<T> {
    const tx = new Tx(this, this.now(), actor);
    const result = op(tx);
    if (!result.ok) return result;
    // An operation that staged nothing changed nothing: no new etag, no log entry, no write, no
    // announcement to other tabs.
    if (!tx.isEmpty()) this.commit(tx);
    return result;
  }

  /** Replaces the whole state (reset to seed, load from storage, another tab's write). */
  replaceState(state: StoreState, options: { silent?: boolean } = {}): void {
    this.changes += 1;
    this.state = state;
    this.entityLists = new Map();
    this.running.clear();
    this.reindex();
    if (!options.silent) {
      this.emit({
        incidentIds: [],
        alertIds: [],
        activityIncidentIds: [],
        entries: [],
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
    this.changes += 1;
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
      this.bySystemAlertId.set(alert.systemAlertId.toLowerCase(), alert.id);
    }
    for (const incident of patch.incidents ?? []) s.incidents[incident.id] = incident;
    for (const [id, entries] of Object.entries(patch.activities ?? {})) s.activities[id] = entries;
    for (const incident of patch.incidents ?? []) {
      this.byArmName.set(incident.armName.toLowerCase(), incident.id);
    }
    if (patch.relations) {
      for (const id of this.relationsByIncident.keys()) this.forgetDerived(id);
      s.relations = patch.relations;
      this.indexRelations();
      for (const id of this.relationsByIncident.keys()) this.forgetDerived(id);
    }
    if (patch.counters) {
      // Never move a counter back: ids this tab already handed out must stay unique.
      for (const key of Object.keys(s.counters) as (keyof StoreState['counters'])[]) {
        s.counters[key] = Math.max(s.counters[key], patch.counters[key]);
      }
    }
  }

  /** Changes so far: equal generations mean every read answers the same. */
  generation(): number {
    return this.changes;
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
    this.changes += 1;
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
    for (const [id, incident] of tx.incidents) {
      s.incidents[id] = incident;
      if (tx.created.has(id)) this.byArmName.set(incident.armName.toLowerCase(), id);
    }
    if (tx.relations) {
      // An incident whose related alerts changed, or whose alerts are related elsewhere, holds
      // other alerts now: its derived fields follow.
      const before = new Set(s.relations.map((r) => `${r.incidentId}|${r.alertId}`));
      const after = new Set(tx.relations.map((r) => `${r.incidentId}|${r.alertId}`));
      for (const key of before)
        if (!after.has(key)) alertMembershipChanged.add(key.split('|')[0] as string);
      for (const key of after)
        if (!before.has(key)) alertMembershipChanged.add(key.split('|')[0] as string);
      s.relations = tx.relations;
      this.indexRelations();
    }
    // A moved alert changes every incident it is related to as well (their members' homes).
    for (const id of tx.alerts.keys()) {
      for (const r of this.relationsOfAlert(id)) alertMembershipChanged.add(r.incidentId);
    }
    for (const id of alertMembershipChanged) this.forgetDerived(id);

    // Derived fields follow the alerts (law 8): severity unless an analyst set it by hand.
    for (const id of alertMembershipChanged) {
      const incident = s.incidents[id];
      if (!incident || incident.severitySetByHand) continue;
      // Only the severities are needed here; the full summary is computed when it is next read.
      const derived = deriveSeverity(this.membersOf(id).map((a) => a.severity));
      if (derived && derived !== incident.severity) {
        const copy = touchedIncidents.has(id) ? incident : structuredClone(incident);
        tx.record(id, audit.severityDerived(incident.severity, derived));
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

    this.emit({
      incidentIds: [...touchedIncidents],
      alertIds: [...tx.alerts.keys()],
      activityIncidentIds: [...activityIncidentIds],
      entries: tx.log,
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
    this.members.delete(incidentId);
  }

  private indexRelations(): void {
    this.relationsByIncident = new Map();
    this.relationsByAlert = new Map();
    for (const r of this.state.relations) {
      let byIncident = this.relationsByIncident.get(r.incidentId);
      if (!byIncident) this.relationsByIncident.set(r.incidentId, (byIncident = []));
      byIncident.push(r);
      let byAlert = this.relationsByAlert.get(r.alertId);
      if (!byAlert) this.relationsByAlert.set(r.alertId, (byAlert = []));
      byAlert.push(r);
    }
  }

  private reindex(): void {
    this.alertIndex = new Map();
    this.summaries = new Map();
    this.sortedAlerts = new Map();
    this.members = new Map();
    this.byArmName = new Map();
    this.bySystemAlertId = new Map();
    this.workspaceList = undefined;
    this.entityIndex = undefined;
    for (const incident of Object.values(this.state.incidents)) {
      this.byArmName.set(incident.armName.toLowerCase(), incident.id);
    }
    for (const alert of Object.values(this.state.alerts)) {
      this.bySystemAlertId.set(alert.systemAlertId.toLowerCase(), alert.id);
    }
    this.indexRelations();
    for (const alert of Object.values(this.state.alerts)) {
      let set = this.alertIndex.get(alert.incidentId);
      if (!set) this.alertIndex.set(alert.incidentId, (set = new Set()));
      set.add(alert.id);
    }
  }
}
