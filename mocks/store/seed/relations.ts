/**
 * Sentinel relations in the demo data (seed 004): a few alerts already belong to a second
 * incident of their workspace, besides their home incident, as analysts and playbooks leave
 * them. Most go the ways Sentinel allows (a Defender alert into a Sentinel incident, a Sentinel
 * alert into a Defender one); a few Defender alerts sit in Defender incidents, as Defender's own
 * portal relates them, so that Sentinel's refusal to remove them can be seen.
 *
 * A relation never raises its incident's severity here (the alert is no worse than the incident),
 * so the severity history the generator wrote stays true.
 */
import * as audit from '@/domain/audit';
import { SEVERITY_RANK } from '@/domain/enums';
import { LIMITS } from '@/domain/limits';
import { isDefenderAlert } from '@/domain/relations';
import type { AlertRecord, IncidentRecord, RelationRecord, StoreState } from '../types';
import { GENERAL_ANALYSTS } from './owners';
import { guidOf, type Rng } from './random';
import { iso, MINUTE, HOUR } from './time';

/** The share of live incidents that get a related alert. */
const RELATED_SHARE = 0.04;
/** Defender alerts related to Defender incidents (Defender's portal may; Sentinel may not). */
const DEFENDER_IN_DEFENDER = 3;

const workspaceKey = (i: { workspace: IncidentRecord['workspace'] }) =>
  i.workspace ? `${i.workspace.subscriptionId}/${i.workspace.workspaceName}` : '';

export function relateSomeAlerts(state: StoreState, rng: Rng, nowMs: number): void {
  const live = Object.values(state.incidents)
    .filter((i) => i.status !== 'redirected')
    .sort((a, b) => Number(a.id) - Number(b.id));
  const holds = new Map<string, number>();
  for (const a of Object.values(state.alerts)) {
    holds.set(a.incidentId, (holds.get(a.incidentId) ?? 0) + 1);
  }
  const byWorkspace = new Map<string, IncidentRecord[]>();
  for (const i of live) {
    const list = byWorkspace.get(workspaceKey(i)) ?? [];
    list.push(i);
    byWorkspace.set(workspaceKey(i), list);
  }
  const alerts = Object.values(state.alerts).sort((a, b) => (a.id < b.id ? -1 : 1));
  const wanted = Math.max(DEFENDER_IN_DEFENDER + 2, Math.round(live.length * RELATED_SHARE));
  const taken = new Set<string>();
  let defenderInDefender = 0;

  for (let tries = 0; state.relations.length < wanted && tries < wanted * 40; tries++) {
    const alert = rng.pick(alerts);
    const home = state.incidents[alert.incidentId] as IncidentRecord;
    const candidates = byWorkspace.get(workspaceKey(home)) ?? [];
    const target = rng.pick(candidates);
    if (!target || target.id === home.id || taken.has(`${target.id}|${alert.id}`)) continue;
    if (SEVERITY_RANK[alert.severity] > SEVERITY_RANK[target.severity]) continue;
    if ((holds.get(target.id) ?? 0) + 1 > LIMITS.maxAlertsPerIncident) continue;
    const forbidden = target.provider === 'defender' && isDefenderAlert(alert.serviceSource);
    if (forbidden && defenderInDefender >= DEFENDER_IN_DEFENDER) continue;
    if (forbidden) defenderInDefender += 1;

    const after = Math.max(Date.parse(target.createdDateTime), Date.parse(alert.createdDateTime));
    const at = Math.min(nowMs, after + rng.int(5 * MINUTE, 36 * HOUR));
    const by = forbidden ? 'Microsoft Defender XDR' : rng.pick(GENERAL_ANALYSTS);
    relate(state, target, alert, at, by);
    taken.add(`${target.id}|${alert.id}`);
    holds.set(target.id, (holds.get(target.id) ?? 0) + 1);
  }
}

function relate(
  state: StoreState,
  target: IncidentRecord,
  alert: AlertRecord,
  at: number,
  by: string,
): void {
  const createdDateTime = iso(at);
  const relation: RelationRecord = {
    incidentId: target.id,
    relationName: guidOf(`relation:${target.id}:${alert.id}`),
    alertId: alert.id,
    createdDateTime,
    createdBy: by,
    version: 1,
  };
  state.relations.push(relation);
  const entry = {
    ...audit.alertAdded(alert, by),
    id: `act-${state.counters.activity++}`,
    incidentId: target.id,
    createdDateTime,
    performedBy: by,
  };
  // The log stays in time order: the entry goes after the last one written before it.
  const log = (state.activities[target.id] ??= []);
  let index = log.length;
  while (
    index > 0 &&
    (log[index - 1] as { createdDateTime: string }).createdDateTime > createdDateTime
  ) {
    index -= 1;
  }
  log.splice(index, 0, entry);
  if (target.lastUpdateDateTime < createdDateTime) target.lastUpdateDateTime = createdDateTime;
}
