/**
 * What an incident derives from its alerts: the entity tally its automatic name is built from,
 * its system tags and its priority score. The tally follows summary.ts's rules, so a seeded name
 * is the one the store would give the same alerts.
 */
import type { AlertSeverity, ServiceSource } from '@/domain/enums';
import { EVIDENCE_TYPE, type DeviceEvidence } from '@/domain/graph';
import type { NamingFacts } from '@/domain/naming';
import { ALERT_TEMPLATES, type Theme } from '../seed-data';
import { entityOf, type EntityKind } from '@/domain/entities';
import type { AlertRecord } from '../types';
import type { Pools } from './pools';
import type { Rng } from './random';

/** What Defender's automatic name is built from (the same facts a merge or move renames with). */
export function namingFacts(summary: Tally): NamingFacts {
  const { counts } = summary;
  return {
    categories: summary.categories,
    devices: counts.device,
    users: counts.user,
    mailboxes: counts.mailbox,
    sources: summary.serviceSources,
  };
}

/**
 * What summary.ts's `summarize` would say about the alerts, minus the per-entity alert lists the
 * seed does not need: entity identities come from its `entityOf`, so names and counts agree with
 * what the store derives (tests check this against `summarize` for every incident).
 */
export type Tally = {
  alertCount: number;
  categories: string[];
  serviceSources: ServiceSource[];
  counts: Record<EntityKind, number>;
  /** Names of the first device and user seen, for analysts' custom names. */
  firstDevice: string | undefined;
  firstUser: string | undefined;
};

export function tally(alerts: readonly AlertRecord[]): Tally {
  const categories = new Set<string>();
  const sources = new Set<ServiceSource>();
  const keys: Record<EntityKind, Set<string>> = {
    device: new Set(),
    user: new Set(),
    mailbox: new Set(),
    app: new Set(),
    ip: new Set(),
    url: new Set(),
    file: new Set(),
    process: new Set(),
  };
  let firstDevice: string | undefined;
  let firstUser: string | undefined;
  for (const a of alerts) {
    sources.add(a.serviceSource);
    for (const c of a.categories.length ? a.categories : [a.category]) if (c) categories.add(c);
    for (const ev of a.evidence) {
      const entity = entityOf(ev);
      if (!entity) continue;
      keys[entity.kind].add(entity.key);
      if (entity.kind === 'device') firstDevice ??= entity.name;
      else if (entity.kind === 'user') firstUser ??= entity.name;
    }
  }
  const counts = {} as Record<EntityKind, number>;
  for (const kind of Object.keys(keys) as EntityKind[]) counts[kind] = keys[kind].size;
  return {
    alertCount: alerts.length,
    categories: [...categories].sort(),
    serviceSources: [...sources].sort(),
    counts,
    firstDevice,
    firstUser,
  };
}

/** Investigation states that earn an incident the 'AIR' system tag. */
const AIR_RESULT = new Set([
  'successfullyRemediated',
  'running',
  'pendingApproval',
  'partiallyRemediated',
  'benign',
]);

export function systemTagsOf(
  rng: Rng,
  theme: Theme,
  alerts: readonly AlertRecord[],
  pools: Pools | null,
  severity: AlertSeverity,
): string[] {
  const tags = new Set<string>();
  for (const a of alerts) {
    for (const tag of TAGS_BY_TITLE.get(a.title) ?? []) tags.add(tag);
    if (a.investigationState && AIR_RESULT.has(a.investigationState)) tags.add('AIR');
  }
  if (pools?.devices.some((d) => d.critical)) {
    const critical = new Set(pools.devices.filter((d) => d.critical).map((d) => d.hostName));
    const hit = alerts.some((a) =>
      a.evidence.some(
        (e) =>
          e['@odata.type'] === EVIDENCE_TYPE.device &&
          critical.has((e as DeviceEvidence).hostName ?? ''),
      ),
    );
    if (hit) tags.add('Critical asset');
  }
  if (
    (theme.key === 'ransomware' || theme.key === 'bec') &&
    severity === 'high' &&
    rng.chance(0.3)
  ) {
    tags.add('Attack disruption');
  }
  if (severity === 'high' && rng.chance(0.02)) tags.add('Defender Experts');
  return SYSTEM_TAG_ORDER.filter((t) => tags.has(t));
}

/** Incident system tags implied by an alert title (titles are unique enough across sources). */
const TAGS_BY_TITLE = new Map<string, readonly string[]>();
for (const t of ALERT_TEMPLATES) {
  TAGS_BY_TITLE.set(t.title, [...(TAGS_BY_TITLE.get(t.title) ?? []), ...(t.incidentTags ?? [])]);
}

const SYSTEM_TAG_ORDER = [
  'Defender Experts',
  'Attack disruption',
  'AIR',
  'Critical asset',
  'Ransomware',
  'Credential Phish',
  'BEC Fraud',
];

export function priorityScore(
  rng: Rng,
  severity: AlertSeverity,
  systemTags: readonly string[],
): number {
  const [lo, hi] =
    severity === 'high'
      ? [60, 92]
      : severity === 'medium'
        ? [30, 70]
        : severity === 'low'
          ? [10, 40]
          : [0, 15];
  let score = rng.int(lo, hi);
  if (systemTags.includes('Attack disruption') || systemTags.includes('Ransomware')) score += 10;
  if (systemTags.includes('Critical asset')) score += 5;
  return Math.min(100, score);
}
