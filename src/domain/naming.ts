import type { ServiceSource } from './enums';
import { sourceLabel } from './sources';

/** MITRE-aligned alert categories as Graph sends them, with the words the portal uses. */
export const CATEGORY_LABELS: Record<string, string> = {
  InitialAccess: 'Initial access',
  Execution: 'Execution',
  Persistence: 'Persistence',
  PrivilegeEscalation: 'Privilege escalation',
  DefenseEvasion: 'Defense evasion',
  CredentialAccess: 'Credential access',
  Discovery: 'Discovery',
  LateralMovement: 'Lateral movement',
  Collection: 'Collection',
  CommandAndControl: 'Command and control',
  Exfiltration: 'Exfiltration',
  Impact: 'Impact',
  SuspiciousActivity: 'Suspicious activity',
  Malware: 'Malware',
  Ransomware: 'Ransomware',
  UnwantedSoftware: 'Unwanted software',
  Phishing: 'Phishing',
};

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category;
}

/** What the automatic name is made of: the incident's alerts, summarised. */
export type NamingFacts = {
  categories: readonly string[];
  devices: number;
  users: number;
  mailboxes: number;
  sources: readonly ServiceSource[];
};

const scope = (n: number, one: string, many: string) => (n > 1 ? many : n === 1 ? one : undefined);

/**
 * Defender's automatic incident name (seed 003): built from the number of endpoints and users
 * affected, the detection sources and the categories, e.g.
 * "Multi-stage incident on multiple endpoints reported by multiple sources".
 *
 * The rule: several categories → "Multi-stage incident", one → "<Category> incident";
 * then the widest asset scope (endpoints, else users, else mailboxes); then "reported by
 * multiple sources" when more than one service source contributed.
 */
export function autoIncidentName(facts: NamingFacts): string {
  const categories = [...new Set(facts.categories)];
  const [onlyCategory] = categories;
  const head =
    categories.length > 1
      ? 'Multi-stage incident'
      : onlyCategory !== undefined
        ? `${categoryLabel(onlyCategory)} incident`
        : 'Incident';
  const where =
    scope(facts.devices, 'on one endpoint', 'on multiple endpoints') ??
    scope(facts.users, 'involving one user', 'involving multiple users') ??
    scope(facts.mailboxes, 'involving one mailbox', 'involving multiple mailboxes');
  const by = new Set(facts.sources).size > 1 ? 'reported by multiple sources' : undefined;
  return [head, where, by].filter(Boolean).join(' ');
}

/** What the derived summary is made of: the naming facts, plus the alert and app counts. */
export type SummaryFacts = NamingFacts & { alertCount: number; apps: number };

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The summary Defender derives from an incident's alerts, e.g. "12 alerts affecting 1 device,
 * 2 users. Tactics: Execution, Persistence. Reported by Microsoft Defender for Endpoint." It is
 * recomputed from the alerts whenever they change (and from the alerts a reader may see), so it
 * never goes stale; null for an incident without alerts.
 */
export function derivedSummary(facts: SummaryFacts): string | null {
  if (facts.alertCount === 0) return null;
  const parts: string[] = [];
  if (facts.devices) parts.push(counted(facts.devices, 'device', 'devices'));
  if (facts.users) parts.push(counted(facts.users, 'user', 'users'));
  if (facts.mailboxes) parts.push(counted(facts.mailboxes, 'mailbox', 'mailboxes'));
  if (facts.apps) parts.push(counted(facts.apps, 'app', 'apps'));
  const assets = parts.length ? ` affecting ${parts.join(', ')}` : '';
  const tactics = facts.categories.length
    ? ` Tactics: ${[...new Set(facts.categories)].map(categoryLabel).join(', ')}.`
    : '';
  const sources = [...new Set(facts.sources)].map(sourceLabel).join(', ');
  return `${counted(facts.alertCount, 'alert', 'alerts')}${assets}.${tactics} Reported by ${sources}.`;
}
