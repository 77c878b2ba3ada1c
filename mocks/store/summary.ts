/**
 * What an incident's alerts add up to: counts, sources, activity times and the entities
 * ("assets") the portal shows on the incident page. Always derived, never stored (law 8).
 */
import type { AlertSeverity, ServiceSource } from '@/domain/enums';
import {
  alertEntities,
  gatherEntities,
  type AlertEntity,
  type Entity,
  type EntityKind,
} from '@/domain/entities';
import { autoIncidentName, type SummaryFacts } from '@/domain/naming';
import type { AlertRecord } from './types';

export type IncidentSummary = {
  alertCount: number;
  /** Alerts not yet resolved. */
  activeAlertCount: number;
  severities: AlertSeverity[];
  serviceSources: ServiceSource[];
  detectionSources: string[];
  categories: string[];
  firstActivityDateTime: string | null;
  lastActivityDateTime: string | null;
  entities: Entity[];
};

/** The entities one alert names: from its evidence, or as the store keeps them beside it. */
export type EntitiesOfAlert = (alert: AlertRecord) => readonly AlertEntity[];

const fromEvidence: EntitiesOfAlert = (alert) => alertEntities(alert.evidence);

export function summarize(
  alerts: readonly AlertRecord[],
  entitiesOfAlert: EntitiesOfAlert = fromEvidence,
): IncidentSummary {
  const sources = new Set<ServiceSource>();
  const detection = new Set<string>();
  const categories = new Set<string>();
  let first: string | null = null;
  let last: string | null = null;
  let active = 0;
  for (const a of alerts) {
    sources.add(a.serviceSource);
    if (a.detectionSource) detection.add(a.detectionSource);
    for (const c of a.categories.length ? a.categories : [a.category]) if (c) categories.add(c);
    if (a.status !== 'resolved') active += 1;
    if (first === null || a.firstActivityDateTime < first) first = a.firstActivityDateTime;
    if (last === null || a.lastActivityDateTime > last) last = a.lastActivityDateTime;
  }
  return {
    alertCount: alerts.length,
    activeAlertCount: active,
    severities: alerts.map((a) => a.severity),
    serviceSources: [...sources].sort(),
    detectionSources: [...detection].sort(),
    categories: [...categories].sort(),
    firstActivityDateTime: first,
    lastActivityDateTime: last,
    entities: gatherEntities(alerts.map((a) => ({ id: a.id, entities: entitiesOfAlert(a) }))),
  };
}

/** How many of each entity kind: what the automatic name and the Assets tab count. */
export function countEntities(entities: readonly Entity[]): Record<EntityKind, number> {
  const counts: Record<EntityKind, number> = {
    device: 0,
    user: 0,
    mailbox: 0,
    app: 0,
    ip: 0,
    url: 0,
    file: 0,
    process: 0,
  };
  for (const e of entities) counts[e.kind] += 1;
  return counts;
}

/** The facts the automatic name and the derived summary are made of. */
export function summaryFacts(summary: IncidentSummary): SummaryFacts {
  const counts = countEntities(summary.entities);
  return {
    alertCount: summary.alertCount,
    categories: summary.categories,
    devices: counts.device,
    users: counts.user,
    mailboxes: counts.mailbox,
    apps: counts.app,
    sources: summary.serviceSources,
  };
}

/** Defender's automatic name for an incident holding these alerts (src/domain/naming.ts). */
export function automaticName(alerts: readonly AlertRecord[]): string {
  return autoIncidentName(summaryFacts(summarize(alerts)));
}
