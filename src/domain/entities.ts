/**
 * Entities ("assets"): what an alert's evidence names — a device, a user, a mailbox… — with a
 * key stable within its kind. The mock's store and live mode (which reads evidence from Graph's
 * `alerts_v2`) derive them with these same functions, so names and keys agree.
 */
import type { AlertEvidence } from './graph';

/** The asset groups, in the order the incident page shows them. */
export const ENTITY_KINDS = [
  'device',
  'user',
  'mailbox',
  'app',
  'ip',
  'url',
  'file',
  'process',
] as const;

export type EntityKind = (typeof ENTITY_KINDS)[number];

/** One entity and the alerts (of those looked at) whose evidence names it. */
export type Entity = {
  kind: EntityKind;
  /** Stable key within its kind (host name, UPN, address, hash…), lower case. */
  key: string;
  name: string;
  alertIds: string[];
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

/** An alert as far as its entities go. */
type EvidenceHolder = { id?: string | null; evidence?: readonly AlertEvidence[] | null };

/** One entity as one alert's evidence names it. */
export type AlertEntity = Pick<Entity, 'kind' | 'key' | 'name'>;

/**
 * The entities one alert's evidence names, each once, in the order first named. An alert never
 * changes its evidence, so this can be kept beside the alert (the mock stores it so that the
 * queue can be answered before the evidence itself is read).
 */
export function alertEntities(
  evidence: readonly AlertEvidence[] | null | undefined,
): AlertEntity[] {
  const seen = new Map<string, AlertEntity>();
  for (const ev of evidence ?? []) {
    const ent = entityOf(ev);
    if (ent && !seen.has(`${ent.kind}:${ent.key}`)) seen.set(`${ent.kind}:${ent.key}`, ent);
  }
  return [...seen.values()];
}

/** The entities of these alerts, given each alert's own (`alertEntities`), with their alerts. */
export function gatherEntities(
  alerts: readonly { id: string; entities: readonly AlertEntity[] }[],
): Entity[] {
  const entities = new Map<string, Entity>();
  for (const { id, entities: own } of alerts) {
    for (const ent of own) {
      const k = `${ent.kind}:${ent.key}`;
      const existing = entities.get(k);
      if (existing) {
        if (!existing.alertIds.includes(id)) existing.alertIds.push(id);
      } else entities.set(k, { kind: ent.kind, key: ent.key, name: ent.name, alertIds: [id] });
    }
  }
  return [...entities.values()];
}

/** The entities these alerts' evidence names, each with the alerts it appears in, in order. */
export function entitiesOf(alerts: readonly EvidenceHolder[]): Entity[] {
  return gatherEntities(
    alerts.map((a) => ({ id: a.id ?? '', entities: alertEntities(a.evidence) })),
  );
}

/** Whether the alert's evidence names the entity. */
export const involves = (alert: EvidenceHolder, kind: EntityKind, key: string) =>
  (alert.evidence ?? []).some((ev) => {
    const ent = entityOf(ev);
    return ent?.kind === kind && ent.key === key.toLowerCase();
  });
