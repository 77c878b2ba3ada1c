/**
 * What an incident's alerts add up to: counts, sources, activity times and the entities
 * ("assets") the portal shows on the incident page. Always derived, never stored (law 8).
 */
import type { AlertSeverity, ServiceSource } from '@/domain/enums';
import type { AlertEvidence } from '@/domain/graph';
import { autoIncidentName, type SummaryFacts } from '@/domain/naming';
import type { AlertRecord } from './types';

export type EntityKind = 'device' | 'user' | 'mailbox' | 'app' | 'ip' | 'url' | 'file' | 'process';

export type Entity = {
  kind: EntityKind;
  /** Stable key within its kind (host name, UPN, address, hash…). */
  key: string;
  name: string;
  /** Alerts of the incident in which this entity appears. */
  alertIds: string[];
};

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

const KIND_BY_TYPE: Record<string, EntityKind> = {
  '#microsoft.graph.security.deviceEvidence': 'device',
  '#microsoft.graph.security.userEvidence': 'user',
  '#microsoft.graph.security.mailboxEvidence': 'mailbox',
  '#microsoft.graph.security.cloudApplicationEvidence': 'app',
  '#microsoft.graph.security.oauthApplicationEvidence': 'app',
  '#microsoft.graph.security.ipEvidence': 'ip',
  '#microsoft.graph.security.urlEvidence': 'url',
  '#microsoft.graph.security.fileEvidence': 'file',
  '#microsoft.graph.security.processEvidence': 'process',
};

type Loose = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const field = (o: unknown, k: string): unknown =>
  o && typeof o === 'object' ? (o as Loose)[k] : undefined;

/** The kind and identity of one piece of evidence, or undefined for kinds the console ignores. */
export function entityOf(
  evidence: AlertEvidence,
): Pick<Entity, 'kind' | 'key' | 'name'> | undefined {
  const kind = KIND_BY_TYPE[evidence['@odata.type']];
  if (!kind) return undefined;
  const e = evidence as unknown as Loose;
  let name: string | undefined;
  switch (kind) {
    case 'device':
      name = str(e.deviceDnsName) ?? str(e.hostName) ?? str(e.mdeDeviceId);
      break;
    case 'user': {
      const account = e.userAccount;
      name = str(field(account, 'userPrincipalName')) ?? str(field(account, 'accountName'));
      break;
    }
    case 'mailbox':
      name = str(e.primaryAddress) ?? str(e.upn) ?? str(e.displayName);
      break;
    case 'app':
      name = str(e.displayName) ?? str(e.appId);
      break;
    case 'ip':
      name = str(e.ipAddress);
      break;
    case 'url':
      name = str(e.url);
      break;
    case 'file':
      name = str(field(e.fileDetails, 'fileName')) ?? str(field(e.fileDetails, 'sha256'));
      break;
    case 'process':
      name = str(field(e.imageFile, 'fileName')) ?? str(e.processCommandLine);
      break;
  }
  if (!name) return undefined;
  return { kind, key: name.toLowerCase(), name };
}

export function summarize(alerts: readonly AlertRecord[]): IncidentSummary {
  const sources = new Set<ServiceSource>();
  const detection = new Set<string>();
  const categories = new Set<string>();
  const entities = new Map<string, Entity>();
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
    for (const ev of a.evidence) {
      const ent = entityOf(ev);
      if (!ent) continue;
      const k = `${ent.kind}:${ent.key}`;
      const existing = entities.get(k);
      if (existing) {
        if (!existing.alertIds.includes(a.id)) existing.alertIds.push(a.id);
      } else entities.set(k, { ...ent, alertIds: [a.id] });
    }
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
    entities: [...entities.values()],
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
