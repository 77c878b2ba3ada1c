/**
 * The store's laws (ARCHITECTURE.md §4) as a checker: tests run it after seeding and after every
 * operation. Returns one readable line per violation; an empty list means the state is lawful.
 */
import { checkClassificationPair } from '@/domain/classification';
import { LIMITS } from '@/domain/limits';
import { REDIRECTED_TAG } from '@/domain/merge';
import { deriveSeverity } from '@/domain/severity';
import type { StoreState } from './types';

export function checkLaws(state: StoreState): string[] {
  const problems: string[] = [];
  const homeCount = new Map<string, number>();

  for (const [key, alert] of Object.entries(state.alerts)) {
    if (alert.id !== key) problems.push(`alert ${key} is stored under another id (${alert.id})`);
    const home = state.incidents[alert.incidentId];
    if (!home)
      problems.push(`alert ${alert.id} has no home: incident ${alert.incidentId} does not exist`);
    else if (home.status === 'redirected') {
      problems.push(`alert ${alert.id} lives in redirected incident ${home.id}`);
    }
    homeCount.set(alert.incidentId, (homeCount.get(alert.incidentId) ?? 0) + 1);
  }

  const relatedCount = new Map<string, number>();
  const relationKeys = new Set<string>();
  const relationNames = new Set<string>();
  for (const r of state.relations) {
    const byAlert = `${r.incidentId}|${r.alertId}`;
    const byName = `${r.incidentId}|${r.relationName}`;
    if (relationKeys.has(byAlert))
      problems.push(`alert ${r.alertId} is related to incident ${r.incidentId} twice`);
    if (relationNames.has(byName))
      problems.push(`relation name ${r.relationName} is used twice in incident ${r.incidentId}`);
    relationKeys.add(byAlert);
    relationNames.add(byName);
    relatedCount.set(r.incidentId, (relatedCount.get(r.incidentId) ?? 0) + 1);
    const related = state.incidents[r.incidentId];
    const alert = state.alerts[r.alertId];
    if (!related)
      problems.push(`relation ${r.relationName} names missing incident ${r.incidentId}`);
    else if (related.status === 'redirected') {
      problems.push(`relation ${r.relationName} is in redirected incident ${r.incidentId}`);
    }
    if (!alert) problems.push(`relation ${r.relationName} names missing alert ${r.alertId}`);
    else if (alert.incidentId === r.incidentId) {
      problems.push(`alert ${r.alertId} is related to its own home incident ${r.incidentId}`);
    }
  }

  // Severity follows every alert an incident holds, home and related (law 8).
  const severitiesByIncident = new Map<string, (typeof state.alerts)[string]['severity'][]>();
  const addSeverity = (incidentId: string, severity: (typeof state.alerts)[string]['severity']) => {
    const list = severitiesByIncident.get(incidentId) ?? [];
    list.push(severity);
    severitiesByIncident.set(incidentId, list);
  };
  for (const a of Object.values(state.alerts)) addSeverity(a.incidentId, a.severity);
  for (const r of state.relations) {
    const alert = state.alerts[r.alertId];
    if (alert) addSeverity(r.incidentId, alert.severity);
  }

  const versions = new Set<number>();
  for (const [key, incident] of Object.entries(state.incidents)) {
    if (incident.id !== key)
      problems.push(`incident ${key} is stored under another id (${incident.id})`);
    if (versions.has(incident.version))
      problems.push(
        `incident ${incident.id} shares version ${incident.version} with another incident`,
      );
    versions.add(incident.version);
    const home = homeCount.get(incident.id) ?? 0;
    const total = home + (relatedCount.get(incident.id) ?? 0);
    if (total > LIMITS.maxAlertsPerIncident) {
      problems.push(
        `incident ${incident.id} holds ${total} alerts, over the limit of ${LIMITS.maxAlertsPerIncident}`,
      );
    }
    if (incident.status === 'redirected') {
      if (home > 0) problems.push(`redirected incident ${incident.id} still holds ${home} alerts`);
      const final = followRedirects(state, incident.id);
      if (final === undefined)
        problems.push(`redirected incident ${incident.id} does not lead to a live incident`);
      if (!incident.systemTags.includes(REDIRECTED_TAG))
        problems.push(`redirected incident ${incident.id} lacks the Redirected tag`);
    } else if (incident.redirectIncidentId) {
      problems.push(`incident ${incident.id} has redirectIncidentId but status ${incident.status}`);
    }
    const pair = checkClassificationPair(incident.classification, incident.determination);
    if (pair) problems.push(`incident ${incident.id}: ${pair}`);
    if (!incident.severitySetByHand) {
      const derived = deriveSeverity(severitiesByIncident.get(incident.id) ?? []);
      if (derived && derived !== incident.severity) {
        problems.push(
          `incident ${incident.id} has severity ${incident.severity} but its alerts say ${derived}`,
        );
      }
    }
    if (incident.lastUpdateDateTime < incident.createdDateTime) {
      problems.push(`incident ${incident.id} was updated before it was created`);
    }
    if (Number(incident.id) >= state.counters.incident) {
      problems.push(
        `incident id ${incident.id} is not below the id counter ${state.counters.incident}`,
      );
    }
    if (incident.version > state.counters.revision) {
      problems.push(
        `incident ${incident.id} has version ${incident.version} above the revision counter`,
      );
    }
  }

  const activityIds = new Set<string>();
  for (const [incidentId, entries] of Object.entries(state.activities)) {
    if (!state.incidents[incidentId])
      problems.push(`activity log of missing incident ${incidentId}`);
    let previous = '';
    for (const e of entries) {
      if (activityIds.has(e.id)) problems.push(`activity id ${e.id} is used twice`);
      activityIds.add(e.id);
      if (e.incidentId !== incidentId)
        problems.push(`activity ${e.id} is filed under ${incidentId} but names ${e.incidentId}`);
      if (!e.originIncidentId && e.createdDateTime < previous) {
        problems.push(`activity log of incident ${incidentId} is out of order at ${e.id}`);
      }
      if (!e.originIncidentId) previous = e.createdDateTime;
    }
  }
  return problems;
}

/** The live incident a redirect chain ends at, or undefined for a dangling or cyclic chain. */
function followRedirects(state: StoreState, id: string): string | undefined {
  const seen = new Set<string>();
  let current = state.incidents[id];
  while (current && current.status === 'redirected') {
    if (seen.has(current.id) || !current.redirectIncidentId) return undefined;
    seen.add(current.id);
    current = state.incidents[current.redirectIncidentId];
  }
  return current?.id;
}
