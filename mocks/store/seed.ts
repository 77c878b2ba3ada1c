/**
 * The deterministic seed: a Defender XDR tenant's last 30 days of incidents, alerts, evidence and
 * activity logs, generated from a number. Same options → deep-equal state; nothing reads the
 * clock or Math.random. The state obeys the store's laws (ARCHITECTURE.md §4) from the start,
 * including incidents already merged away (redirected) with their logs copied into the target.
 */
import { CORRELATION_ACTOR, SYSTEM_ACTOR, type ActivityEntry } from '@/domain/activity';
import { DETERMINATIONS_BY_CLASSIFICATION } from '@/domain/classification';
import {
  CLASSIFICATION_LABELS,
  DETERMINATION_LABELS,
  INCIDENT_STATUS_LABELS,
  SEVERITY_LABELS,
  SEVERITY_RANK,
  type AlertClassification,
  type AlertDetermination,
  type AlertSeverity,
  type AlertStatus,
  type IncidentStatus,
  type ServiceSource,
} from '@/domain/enums';
import {
  EVIDENCE_TYPE,
  type AlertEvidence,
  type CloudApplicationEvidence,
  type DeviceEvidence,
  type FileDetails,
  type FileEvidence,
  type IpEvidence,
  type MailboxEvidence,
  type ProcessEvidence,
  type UrlEvidence,
  type UserAccount,
  type UserEvidence,
} from '@/domain/graph';
import type { Role } from '@/domain/identity';
import { autoIncidentName, categoryLabel, type NamingFacts } from '@/domain/naming';
import { deriveSeverity, SETTABLE_SEVERITIES } from '@/domain/severity';
import { SOURCE_INFO, sourceLabel } from '@/domain/sources';
import { DIRECTORY, PERSONAS } from './personas';
import {
  ALERT_TEMPLATES,
  ATTACK_ORIGINS,
  CLOUD_APPS,
  DEPARTMENTS,
  EXTRA_CUSTOM_TAGS,
  FILES,
  FIRST_NAMES,
  GENERIC_COMMENTS,
  GENERIC_CUSTOM_NAMES,
  LAST_NAMES,
  PHISH_DOMAINS,
  PHISH_PATHS,
  PROCESSES,
  PRODUCT_NAMES,
  RECOMMENDED_ACTIONS,
  RESOLVING_COMMENTS,
  SENTINEL_MIX,
  SERVER_KINDS,
  THEMES,
  WORKSTATION_KINDS,
  type AlertTemplate,
  type EvidenceKind,
  type FileKey,
  type ProcessKey,
  type Theme,
} from './seed-data';
import { entityOf, type EntityKind } from './summary';
import {
  SCHEMA_VERSION,
  type AlertRecord,
  type CommentRecord,
  type IncidentRecord,
  type SeedSize,
  type StoreState,
  type WorkspaceRef,
} from './types';

export type SeedOptions = { seed: number; size: SeedSize; now: Date };

export const SEED_SIZES: Record<SeedSize, { incidents: number; alerts: number }> = {
  default: { incidents: 500, alerts: 2_500 },
  large: { incidents: 10_000, alerts: 50_000 },
};

/** The demo tenant (Entra tenant id on every incident and alert). */
export const SEED_TENANT_ID = '4f1c2a9e-7b3d-4e58-9a61-0c2d8e5f7a13';

const SUBSCRIPTION_ID = 'd3b07384-d9a0-4c3f-8b1e-5a6f2c7e9b14';

/** Sentinel workspaces of the tenant: the primary one correlates with Defender alerts. */
export const SENTINEL_WORKSPACES: readonly WorkspaceRef[] = [
  { subscriptionId: SUBSCRIPTION_ID, resourceGroup: 'soc-rg', workspaceName: 'contoso-sentinel' },
  {
    subscriptionId: SUBSCRIPTION_ID,
    resourceGroup: 'soc-rg',
    workspaceName: 'contoso-sentinel-eu',
  },
];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// ------------------------------------------------------------------ PRNG

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A template tag giving a flat string. V8 keeps `${}` concatenations of 13+ characters as rope
 * trees; the seed retains ~1M generated strings, and as ropes they cost ~3× the time and ~5× the
 * memory (measured). `Array#join` writes one flat string.
 */
function flat(strings: TemplateStringsArray, ...values: unknown[]): string {
  const parts: string[] = [strings[0] as string];
  for (let i = 0; i < values.length; i++) parts.push(String(values[i]), strings[i + 1] as string);
  return parts.join('');
}

const TEXTS = new Map<string, string>();
const CREATED_TEXT = new Map<string, string>();
const CORRELATED_TEXT = new Map<string, string>();

/** A sentence per key, built once (keys are existing strings, so a lookup builds nothing). */
function memo(cache: Map<string, string>, key: string, make: () => string): string {
  let s = cache.get(key);
  if (s === undefined) cache.set(key, (s = make()));
  return s;
}

/** `flat`, interned: activity sentences repeat a lot ("Status changed from Active to…"). */
function text(strings: TemplateStringsArray, ...values: unknown[]): string {
  let key = strings[0] as string;
  for (let i = 0; i < values.length; i++) key += String(values[i]) + (strings[i + 1] as string);
  const known = TEXTS.get(key);
  if (known !== undefined) return known;
  const s = flat(strings, ...values);
  TEXTS.set(s, s);
  return s;
}

/** sfc32 seeded through splitmix32: fast, small, and good enough for demo data. */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = Math.trunc(seed) >>> 0;
    const mix = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4_294_967_296;
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  hex(length: number): string {
    const parts: string[] = [];
    for (let n = 0; n < length; n += 8) {
      const v = this.u32();
      parts.push(
        HEX2[v >>> 24] as string,
        HEX2[(v >>> 16) & 255] as string,
        HEX2[(v >>> 8) & 255] as string,
        HEX2[v & 255] as string,
      );
    }
    const out = parts.join('');
    return out.length === length ? out : out.slice(0, length);
  }

  guid(): string {
    const h = this.hex(32);
    const variant = '89ab'[this.u32() & 3] as string;
    return flat`${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/** A stable GUID from a text (detector and policy ids must not depend on the seed). */
function guidOf(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  const r = new Rng((h1 ^ Math.imul(h2, 31)) >>> 0);
  return r.guid();
}

// ------------------------------------------------------------------ the tenant's assets

type Device = {
  hostName: string;
  dnsName: string;
  mdeDeviceId: string;
  azureAdDeviceId: string | null;
  os: string;
  build: number | null;
  version: string;
  rbacGroupName: string;
  rbacGroupId: number;
  critical: boolean;
  ip: string;
  firstSeen: string;
  dept: string;
  vm: { vmId: string; resourceId: string } | null;
  user: User | null;
};

type User = {
  upn: string;
  accountName: string;
  displayName: string;
  azureAdUserId: string;
  sid: string;
  adGuid: string;
  dept: string;
};

type Inventory = {
  workstations: Device[];
  servers: Device[];
  domainControllers: Device[];
  vms: Device[];
  users: User[];
};

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

function buildInventory(rng: Rng, incidents: number, nowMs: number): Inventory {
  const userCount = Math.max(120, Math.round(incidents * 0.6));
  const users: User[] = [];
  const taken = new Set<string>();
  while (users.length < userCount) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    let local = flat`${ascii(first)}.${ascii(last)}`;
    for (let n = 2; taken.has(local); n++) local = flat`${ascii(first)}.${ascii(last)}${n}`;
    taken.add(local);
    const dept = rng.pick(DEPARTMENTS);
    users.push({
      upn: flat`${local}@contoso.com`,
      accountName: local.slice(0, 20),
      displayName: flat`${first} ${last}`,
      azureAdUserId: rng.guid(),
      sid: flat`S-1-5-21-1004336348-1177238915-682003330-${1100 + users.length}`,
      adGuid: rng.guid(),
      dept: dept.name,
    });
  }

  const numbers = new Map<string, number>();
  const nextName = (prefix: string) => {
    const n = (numbers.get(prefix) ?? 0) + 1;
    numbers.set(prefix, n);
    return flat`${prefix}-${String(n).padStart(2, '0')}`;
  };
  const firstSeen = () => new Date(nowMs - rng.int(40, 900) * DAY).toISOString();

  const workstations: Device[] = [];
  const wsCount = Math.max(80, Math.round(incidents * 0.5));
  for (let i = 0; i < wsCount; i++) {
    const dept = rng.pick(DEPARTMENTS);
    const kind = rng.weighted(WORKSTATION_KINDS.map((k) => [k, k.weight] as const));
    const host = nextName(`${dept.code}-${kind.kind}`);
    const owner = rng.pick(users);
    const windows = kind.os.startsWith('Windows');
    workstations.push({
      hostName: host,
      dnsName: flat`${host.toLowerCase()}.contoso.com`,
      mdeDeviceId: rng.hex(40),
      azureAdDeviceId: windows || kind.os === 'macOS' ? rng.guid() : null,
      os: kind.os,
      build: kind.build,
      version: kind.version,
      rbacGroupName: dept.group,
      rbacGroupId: dept.groupId,
      critical: dept.code === 'EXEC',
      ip: flat`10.${rng.int(1, 40)}.${rng.int(0, 255)}.${rng.int(2, 254)}`,
      firstSeen: firstSeen(),
      dept: dept.name,
      vm: null,
      user: owner,
    });
  }

  const servers: Device[] = [];
  const perKind = Math.max(3, Math.round(incidents * 0.006));
  for (const kind of SERVER_KINDS) {
    for (let i = 0; i < perKind; i++) {
      const host = nextName(kind.name);
      const cloud = kind.os === 'Linux' || kind.name === 'SRV-APP';
      const vmId = rng.guid();
      servers.push({
        hostName: host,
        dnsName: flat`${host.toLowerCase()}.${cloud ? 'cloud.' : ''}contoso.com`,
        mdeDeviceId: rng.hex(40),
        azureAdDeviceId: null,
        os: kind.os,
        build: kind.build,
        version: kind.version,
        rbacGroupName: kind.name === 'DC' ? 'Domain controllers' : 'Servers',
        rbacGroupId: kind.name === 'DC' ? 10 : 11,
        critical: kind.critical,
        ip: flat`10.${cloud ? 100 : 0}.${rng.int(0, 20)}.${rng.int(2, 254)}`,
        firstSeen: firstSeen(),
        dept: 'IT',
        vm: cloud
          ? {
              vmId,
              resourceId: flat`/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/prod-rg/providers/Microsoft.Compute/virtualMachines/${host.toLowerCase()}`,
            }
          : null,
        user: null,
      });
    }
  }
  return {
    workstations,
    servers,
    domainControllers: servers.filter((s) => s.rbacGroupName === 'Domain controllers'),
    vms: servers.filter((s) => s.vm !== null),
    users,
  };
}

// ------------------------------------------------------------------ who acts

type Owner = { id: string; label: string; kind: 'user' | 'group' };

const READ_ONLY_ROLES: readonly Role[] = ['securityReader'];
const readOnly = new Set(
  PERSONAS.filter((p) => READ_ONLY_ROLES.includes(p.role)).map((p) => p.upn),
);
const ENDPOINT_ONLY = PERSONAS.filter(
  (p) =>
    p.sources !== 'all' &&
    p.sources.length === 1 &&
    p.sources[0] === 'microsoftDefenderForEndpoint',
).map((p) => p.upn);

/** How often each principal owns incidents; unknown directory entries get a small share. */
const OWNER_WEIGHT: Record<string, number> = {
  'analyst@contoso.com': 20,
  'admin@contoso.com': 5,
  // The endpoint specialist takes most endpoint-only incidents (the only ones it may manage).
  'endpoint.analyst@contoso.com': 45,
  'tier1@contoso.com': 14,
  'tier2@contoso.com': 13,
  'ir.lead@contoso.com': 6,
  'SOC Tier 1': 12,
  'SOC Tier 2': 9,
  'Incident Response Team': 6,
};

/** Who works a group's incidents. */
const GROUP_MEMBERS: Record<string, string> = {
  'SOC Tier 1': 'tier1@contoso.com',
  'SOC Tier 2': 'tier2@contoso.com',
  'Incident Response Team': 'ir.lead@contoso.com',
};

const OWNERS: readonly Owner[] = DIRECTORY.filter((p) => !readOnly.has(p.id)).map((p) => ({
  id: p.id,
  label: p.kind === 'group' ? p.displayName : `${p.displayName} (${p.id})`,
  kind: p.kind,
}));
const ownerChoices = (owners: readonly Owner[]) =>
  owners.map((o) => [o, OWNER_WEIGHT[o.id] ?? 4] as const);
/** The endpoint-only persona may manage only endpoint-only incidents. */
const OWNER_CHOICES = ownerChoices(OWNERS.filter((o) => !ENDPOINT_ONLY.includes(o.id)));
const OWNER_CHOICES_MDE = ownerChoices(OWNERS);
const ANALYSTS = OWNERS.filter((o) => o.kind === 'user').map((o) => o.id);
const GENERAL_ANALYSTS = ANALYSTS.filter((id) => !ENDPOINT_ONLY.includes(id));

function ownerLabel(id: string | null): string {
  if (id === null) return 'Unassigned';
  return OWNERS.find((o) => o.id === id)?.label ?? id;
}

// ------------------------------------------------------------------ plans

type Plan = {
  index: number;
  id: string;
  t0: number;
  theme: Theme;
  status: IncidentStatus;
  alertCount: number;
  workspace: WorkspaceRef | null;
  customName: boolean;
  severityByHand: boolean;
  /** Steps every alert's severity moves down: many incidents are low-grade noise. */
  severityShift: number;
  /** On a merge target: the incident merged into it, and how many of its alerts came from it. */
  mergedFrom: Plan | null;
  sourceAlertCount: number;
};

/** Alerts per incident, 1..12: mostly small, a long tail, ≈5.2 on average. */
const ALERT_COUNT_WEIGHTS = [14, 13, 12, 10, 9, 8, 8, 7, 6, 5, 4, 4].map(
  (w, i) => [i + 1, w] as const,
);

const SEVERITY_SHIFT_WEIGHTS = [
  [0, 50],
  [1, 35],
  [2, 15],
] as const;

const LIVE_STATUS_WEIGHTS = [
  ['active', 55],
  ['inProgress', 25],
  ['resolved', 15],
] as const satisfies readonly (readonly [IncidentStatus, number])[];

const THEME_WEIGHTS = THEMES.filter((t) => t.weight > 0).map((t) => [t, t.weight] as const);
const SENTINEL_THEME = THEMES.find((t) => t.key === 'sentinel') as Theme;
const TEMPLATE_BY_KEY = new Map(ALERT_TEMPLATES.map((t) => [t.key, t]));
const template = (key: string) => {
  const t = TEMPLATE_BY_KEY.get(key);
  if (!t) throw new Error(`seed: unknown alert template ${key}`);
  return t;
};

type TemplateMeta = {
  detectorId: string;
  policyId: string | null;
  recommendedActions: string;
  product: string;
};
const TEMPLATE_META = new Map<AlertTemplate, TemplateMeta>(
  ALERT_TEMPLATES.map((t) => [
    t,
    {
      detectorId: guidOf(`detector:${t.key}`),
      policyId: t.policy ? guidOf(`policy:${t.key}`) : null,
      recommendedActions: t.recommendedActions ?? RECOMMENDED_ACTIONS[t.source] ?? '',
      product: PRODUCT_NAMES[t.source] ?? sourceLabel(t.source),
    },
  ]),
);

// ------------------------------------------------------------------ activity drafts

/** An activity entry and its time; ids and the owning incident are stamped on assembly. */
type Draft = { t: number; entry: ActivityEntry };

function draft(
  t: number,
  fields: Omit<ActivityEntry, 'id' | 'incidentId' | 'createdDateTime'>,
): Draft {
  return { t, entry: { id: '', incidentId: '', createdDateTime: iso(t), ...fields } };
}

/** Char codes of "YYYY-MM-DDT" for one UTC day. */
type DayCodes = readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];
const DAY_CODES = new Map<number, DayCodes>();
const ZERO = 48;

/**
 * `Date#toISOString` for integer ms: one `String.fromCharCode` of 24 codes, flat and ~2× faster
 * than formatting a Date (the seed writes ~500k timestamps).
 */
function iso(ms: number): string {
  const day = Math.floor(ms / DAY);
  let c = DAY_CODES.get(day);
  if (c === undefined) {
    const prefix = new Date(day * DAY).toISOString().slice(0, 11);
    c = Array.from(prefix, (ch) => ch.charCodeAt(0)) as unknown as DayCodes;
    DAY_CODES.set(day, c);
  }
  let rest = Math.floor(ms) - day * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / MINUTE);
  rest -= m * MINUTE;
  const sec = Math.floor(rest / 1000);
  const f = rest - sec * 1000;
  // prettier-ignore
  return String.fromCharCode(
    c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10],
    ZERO + Math.floor(h / 10), ZERO + (h % 10), 58,
    ZERO + Math.floor(m / 10), ZERO + (m % 10), 58,
    ZERO + Math.floor(sec / 10), ZERO + (sec % 10), 46,
    ZERO + Math.floor(f / 100), ZERO + (Math.floor(f / 10) % 10), ZERO + (f % 10), 90,
  );
}

const PAD4 = Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, '0'));

type Classified = { classification: AlertClassification; determination: AlertDetermination };

/** A merge as the target's log tells it. */
type MergeStory = {
  at: number;
  by: string;
  reason: string | null;
  /** Custom tags the source carried; they move to the target. */
  tags: string[];
  record: IncidentRecord;
  drafts: Draft[];
};

// ------------------------------------------------------------------ the generator

class SeedGenerator {
  private readonly rng: Rng;
  private readonly nowMs: number;
  private readonly inv: Inventory;
  private readonly alertIds = new Set<string>();
  private readonly incidents: IncidentRecord[] = [];
  private readonly drafts: Draft[][] = [];
  private readonly alerts: Record<string, AlertRecord> = {};
  private alertCount = 0;

  constructor(private readonly options: SeedOptions) {
    this.rng = new Rng(options.seed);
    this.nowMs = options.now.getTime();
    this.inv = buildInventory(this.rng, SEED_SIZES[options.size].incidents, this.nowMs);
  }

  run(): StoreState {
    const plans = this.plan();
    for (const plan of plans) {
      if (plan.status !== 'redirected') this.generateLive(plan);
    }
    return this.assemble(plans);
  }

  // ---------------------------------------------------------------- planning

  private plan(): Plan[] {
    const { rng, nowMs } = this;
    const n = SEED_SIZES[this.options.size].incidents;
    // Creation times over the last 29 days (the alerts' activity may start up to a day before),
    // sorted so that ids grow with time as Defender's do.
    const times = new Float64Array(n);
    const oldest = nowMs - 29 * DAY;
    const newest = nowMs - 20 * MINUTE;
    for (let i = 0; i < n; i++) times[i] = Math.floor(oldest + rng.next() * (newest - oldest));
    times.sort();

    const plans: Plan[] = [];
    const isTarget = new Set<number>();
    for (let i = 0; i < n; i++) {
      const plan: Plan = {
        index: i,
        id: String(i + 1),
        t0: times[i] as number,
        theme: SENTINEL_THEME,
        status: 'active',
        alertCount: rng.weighted(ALERT_COUNT_WEIGHTS),
        workspace: null,
        customName: false,
        severityByHand: false,
        severityShift: rng.weighted(SEVERITY_SHIFT_WEIGHTS),
        mergedFrom: null,
        sourceAlertCount: 0,
      };
      plans.push(plan);

      if (rng.chance(0.08)) {
        plan.workspace = rng.chance(0.75)
          ? (SENTINEL_WORKSPACES[0] as WorkspaceRef)
          : (SENTINEL_WORKSPACES[1] as WorkspaceRef);
      } else {
        plan.theme = rng.weighted(THEME_WEIGHTS);
      }

      // ~5% were merged into an earlier, related incident (same theme, a few days back at most).
      if (i >= 10 && plan.workspace === null && rng.chance(0.055)) {
        for (let attempt = 0; attempt < 10; attempt++) {
          const j = i - rng.int(1, Math.min(i, 40));
          const target = plans[j] as Plan;
          if (
            target.status === 'redirected' ||
            target.workspace !== null ||
            target.customName ||
            target.alertCount < 2 ||
            isTarget.has(j)
          ) {
            continue;
          }
          isTarget.add(j);
          plan.status = 'redirected';
          plan.theme = target.theme;
          plan.alertCount = 0;
          target.mergedFrom = plan;
          target.sourceAlertCount = rng.int(1, Math.min(3, target.alertCount - 1));
          break;
        }
        if (plan.status === 'redirected') continue;
      }

      plan.status = rng.weighted(LIVE_STATUS_WEIGHTS);
      plan.customName = rng.chance(0.05);
      plan.severityByHand = rng.chance(0.03);
    }
    return plans;
  }

  // ---------------------------------------------------------------- alerts

  private alertTimes(t0: number, count: number): number[] {
    const { rng } = this;
    const room = (this.nowMs - t0) * 0.7;
    const span = Math.min(rng.int(10 * MINUTE, 48 * HOUR), room);
    const times = [t0];
    for (let i = 1; i < count; i++) times.push(t0 + Math.floor(rng.next() * span));
    return times.sort((a, b) => a - b);
  }

  private chooseTemplates(plan: Plan, count: number): AlertTemplate[] {
    const { rng } = this;
    const { theme } = plan;
    const first = template(rng.pick(theme.entry));
    const chosen: AlertTemplate[] = [first];
    // A primary-workspace incident may correlate a few Defender alerts, but stays mostly Sentinel.
    let mixable = plan.workspace === SENTINEL_WORKSPACES[0] ? Math.floor((count - 1) / 2) : 0;
    while (chosen.length < count) {
      if (mixable > 0 && rng.chance(0.25)) {
        mixable -= 1;
        chosen.push(template(rng.pick(SENTINEL_MIX)));
      } else if (rng.chance(0.45)) {
        // the same detection firing again (repeated occurrence); Sentinel repeats only its own
        const again = rng.pick(chosen);
        chosen.push(
          plan.workspace === null || again.source === 'microsoftSentinel' ? again : first,
        );
      } else chosen.push(template(rng.pick(theme.more)));
    }
    return chosen;
  }

  private newAlertId(t: AlertTemplate, created: number): string {
    const { rng } = this;
    const prefix = t.prefix ?? SOURCE_INFO[t.source].prefixes[0] ?? 'un';
    for (;;) {
      const id =
        t.source === 'microsoftSentinel'
          ? flat`${prefix}${rng.guid()}`
          : // Defender's shape: prefix + .NET ticks of the creation time + "_" + a signed int.
            flat`${prefix}${created + 62_135_596_800_000}${PAD4[rng.int(0, 9999)]}_${rng.u32() | 0}`;
      if (!this.alertIds.has(id)) {
        this.alertIds.add(id);
        return id;
      }
    }
  }

  private lastIncidentUrl = { id: '', url: '' };

  /** The portal link of an incident, built once for all its alerts. */
  private incidentUrl(id: string): string {
    if (this.lastIncidentUrl.id !== id) {
      this.lastIncidentUrl = {
        id,
        url: flat`https://security.microsoft.com/incidents/${id}?tid=${SEED_TENANT_ID}`,
      };
    }
    return this.lastIncidentUrl.url;
  }

  private makeAlert(
    plan: Plan,
    incidentId: string,
    pools: Pools,
    t: AlertTemplate,
    created: number,
  ): AlertRecord {
    const { rng } = this;
    const meta = TEMPLATE_META.get(t) as TemplateMeta;
    const id = this.newAlertId(t, created);
    const severity = varySeverity(rng, t.severity, plan.severityShift);
    const lastActivity = created - rng.int(0, 15 * MINUTE);
    const firstActivity = rng.chance(0.4) ? lastActivity : lastActivity - rng.int(1, 6 * HOUR);
    const sentinel = t.source === 'microsoftSentinel';
    const createdIso = iso(created);
    const alert: AlertRecord = {
      id,
      providerAlertId: sentinel
        ? id.slice(SOURCE_INFO.microsoftSentinel.prefixes[0]?.length ?? 2)
        : id,
      incidentId,
      incidentWebUrl: this.incidentUrl(incidentId),
      alertWebUrl: flat`https://security.microsoft.com/alerts/${id}?tid=${SEED_TENANT_ID}`,
      title: t.title,
      description: t.description,
      recommendedActions: meta.recommendedActions,
      status: 'new',
      severity,
      classification: null,
      determination: null,
      serviceSource: t.source,
      detectionSource: t.detection,
      detectorId: meta.detectorId,
      alertPolicyId: meta.policyId,
      productName: meta.product,
      category: t.categories[0] as string,
      categories: [...t.categories],
      investigationState: null,
      assignedTo: null,
      actorDisplayName: t.actor ?? null,
      threatDisplayName: t.threat?.display ?? null,
      threatFamilyName: t.threat?.family ?? null,
      mitreTechniques: [...t.mitre],
      createdDateTime: createdIso,
      lastUpdateDateTime: createdIso,
      firstActivityDateTime: iso(firstActivity),
      lastActivityDateTime: iso(lastActivity),
      resolvedDateTime: null,
      comments: [],
      evidence: this.evidence(pools, t, severity, createdIso, lastActivity),
      systemTags: t.incidentTags?.includes('Defender Experts') ? ['Defender Experts'] : [],
      tenantId: SEED_TENANT_ID,
      // Records never share objects: a store edit must not reach another record or a constant.
      workspace: sentinel && plan.workspace ? { ...plan.workspace } : null,
    };
    return alert;
  }

  // ---------------------------------------------------------------- evidence

  /**
   * 1–5 pieces of evidence in the template's order of importance, drawn from the incident's
   * pools. Written as flat literals: this runs ~125k times for the large seed.
   */
  private evidence(
    pools: Pools,
    t: AlertTemplate,
    severity: AlertSeverity,
    createdIso: string,
    lastActivity: number,
  ): AlertEvidence[] {
    const { rng } = this;
    const want = Math.min(t.evidence.length, 5, rng.weighted(EVIDENCE_COUNT_WEIGHTS));
    const out: AlertEvidence[] = [];
    // At most five entries: a plain array beats a Set allocated per alert.
    const used: unknown[] = [];
    let fileIdx = 0;
    let procIdx = 0;
    // Files and processes sit on the alert's device, if it has one (cloud files have none).
    let deviceId: string | null = null;
    for (let i = 0; i < want; i++) {
      switch (t.evidence[i] as EvidenceKind) {
        case 'device': {
          const device = pools.device(t.cloudVm === true, used);
          if (!device) break;
          used.push(device);
          const first = deviceId === null;
          deviceId ??= device.mdeDeviceId;
          const ev: DeviceEvidence = {
            '@odata.type': EVIDENCE_TYPE.device,
            createdDateTime: createdIso,
            verdict: 'suspicious',
            remediationStatus: 'none',
            remediationStatusDetails: null,
            roles: first && SEVERITY_RANK[severity] >= 3 ? ['compromised'] : [],
            detailedRoles: [first ? 'PrimaryDevice' : 'Destination'],
            tags: [],
            firstSeenDateTime: device.firstSeen,
            mdeDeviceId: device.mdeDeviceId,
            azureAdDeviceId: device.azureAdDeviceId,
            deviceDnsName: device.dnsName,
            hostName: device.hostName,
            dnsDomain: 'contoso.com',
            ntDomain: 'CONTOSO',
            osPlatform: device.os,
            osBuild: device.build,
            version: device.version,
            healthStatus: 'active',
            riskScore:
              severity === 'unknown' || severity === 'unknownFutureValue' ? 'none' : severity,
            rbacGroupId: device.rbacGroupId,
            rbacGroupName: device.rbacGroupName,
            onboardingStatus: 'onboarded',
            defenderAvStatus: device.os.startsWith('Windows') ? 'updated' : 'notSupported',
            ipInterfaces: [device.ip],
            lastIpAddress: device.ip,
            lastExternalIpAddress: EXTERNAL_EGRESS_IP,
            loggedOnUsers: device.user
              ? [{ accountName: device.user.accountName, domainName: 'CONTOSO' }]
              : [],
            vmMetadata: device.vm
              ? {
                  cloudProvider: 'azure',
                  resourceId: device.vm.resourceId,
                  subscriptionId: SUBSCRIPTION_ID,
                  vmId: device.vm.vmId,
                }
              : null,
          };
          out.push(ev);
          break;
        }
        case 'user': {
          const user = pools.user(used);
          if (!user) break;
          used.push(user);
          const ev: UserEvidence = {
            '@odata.type': EVIDENCE_TYPE.user,
            createdDateTime: createdIso,
            verdict: rng.chance(0.6) ? 'suspicious' : 'unknown',
            remediationStatus: 'none',
            remediationStatusDetails: null,
            roles: [rng.pick(USER_ROLES)],
            detailedRoles: [],
            tags: [],
            userAccount: userAccount(user),
          };
          out.push(ev);
          break;
        }
        case 'mailbox': {
          const user = pools.mailbox(used);
          if (!user) break;
          used.push(user);
          const ev: MailboxEvidence = {
            '@odata.type': EVIDENCE_TYPE.mailbox,
            createdDateTime: createdIso,
            verdict: 'unknown',
            remediationStatus: 'none',
            remediationStatusDetails: null,
            roles: ['destination'],
            detailedRoles: ['Recipient'],
            tags: [],
            displayName: user.displayName,
            primaryAddress: user.upn,
            upn: user.upn,
            userAccount: userAccount(user),
          };
          out.push(ev);
          break;
        }
        case 'ip': {
          const ip = pools.ip(used);
          if (!ip) break;
          used.push(ip);
          const ev: IpEvidence = {
            '@odata.type': EVIDENCE_TYPE.ip,
            createdDateTime: createdIso,
            verdict: rng.chance(0.5) ? 'malicious' : 'suspicious',
            remediationStatus: 'none',
            remediationStatusDetails: null,
            roles: [rng.pick(IP_ROLES)],
            detailedRoles: [],
            tags: [],
            ipAddress: ip.address,
            countryLetterCode: ip.origin.cc,
            location: {
              city: ip.origin.city,
              countryName: ip.origin.country,
              latitude: ip.origin.lat,
              longitude: ip.origin.lon,
              state: null,
            },
          };
          out.push(ev);
          break;
        }
        case 'url': {
          const url = pools.url(used);
          if (!url) break;
          used.push(url);
          const ev: UrlEvidence = {
            '@odata.type': EVIDENCE_TYPE.url,
            createdDateTime: createdIso,
            verdict: 'malicious',
            remediationStatus: rng.chance(0.5) ? 'blocked' : 'none',
            remediationStatusDetails: null,
            roles: [],
            detailedRoles: ['Phishing URL'],
            tags: [],
            url,
          };
          out.push(ev);
          break;
        }
        case 'file': {
          const files = t.files ?? DEFAULT_FILES;
          const file = pools.file(files[fileIdx++ % files.length] ?? 'payloadDll');
          if (used.includes(file)) break;
          used.push(file);
          const prevented = t.detection === 'antivirus' && rng.chance(0.6);
          const ev: FileEvidence = {
            '@odata.type': EVIDENCE_TYPE.file,
            createdDateTime: createdIso,
            verdict: t.source === 'dataLossPrevention' ? 'unknown' : 'malicious',
            remediationStatus: prevented ? 'prevented' : rng.chance(0.3) ? 'remediated' : 'none',
            remediationStatusDetails: null,
            roles: [],
            detailedRoles: [],
            tags: [],
            detectionStatus: prevented ? 'prevented' : 'detected',
            mdeDeviceId: deviceId,
            fileDetails: { ...file },
          };
          out.push(ev);
          break;
        }
        case 'process': {
          const processes = t.processes ?? DEFAULT_PROCESSES;
          const proc = pools.process(
            processes[procIdx++ % processes.length] ?? 'powershellEncoded',
          );
          if (used.includes(proc)) break;
          used.push(proc);
          const ev: ProcessEvidence = {
            '@odata.type': EVIDENCE_TYPE.process,
            createdDateTime: createdIso,
            verdict: 'suspicious',
            remediationStatus: 'none',
            remediationStatusDetails: null,
            roles: [],
            detailedRoles: [],
            tags: [],
            detectionStatus: 'detected',
            mdeDeviceId: deviceId,
            processId: proc.pid,
            parentProcessId: proc.ppid,
            processCommandLine: proc.commandLine,
            processCreationDateTime: iso(lastActivity),
            parentProcessCreationDateTime: iso(lastActivity - proc.parentAge),
            imageFile: { ...proc.image },
            parentProcessImageFile: { ...proc.parentImage },
            userAccount: proc.user ? userAccount(proc.user) : null,
          };
          out.push(ev);
          break;
        }
        case 'cloudApplication': {
          const app = pools.app(used);
          if (!app) break;
          used.push(app);
          const ev: CloudApplicationEvidence = {
            '@odata.type': EVIDENCE_TYPE.cloudApplication,
            createdDateTime: createdIso,
            verdict: 'unknown',
            remediationStatus: 'none',
            remediationStatusDetails: null,
            roles: ['contextual'],
            detailedRoles: [],
            tags: [],
            appId: app.appId,
            displayName: app.name,
            instanceId: 0,
            instanceName: app.name,
            saasAppId: app.appId,
          };
          out.push(ev);
          break;
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- one live incident

  private generateLive(plan: Plan): void {
    const { rng, nowMs } = this;
    const pools = new Pools(rng, this.inv, plan);
    const sourcePlan = plan.mergedFrom;
    const fromSource = sourcePlan ? plan.sourceAlertCount : 0;

    // Creation times (ms) travel beside the alerts so nothing parses ISO strings back.
    const ownTimes = this.alertTimes(plan.t0, plan.alertCount - fromSource);
    const ownTemplates = this.chooseTemplates(plan, ownTimes.length);
    const own = ownTimes.map((t, i) =>
      this.makeAlert(plan, plan.id, pools, ownTemplates[i] as AlertTemplate, t),
    );
    let moved: AlertRecord[] = [];
    let movedTimes: number[] = [];
    if (sourcePlan) {
      movedTimes = this.alertTimes(sourcePlan.t0, fromSource);
      const templates = this.chooseTemplates(plan, movedTimes.length);
      moved = movedTimes.map((t, i) =>
        this.makeAlert(plan, plan.id, pools, templates[i] as AlertTemplate, t),
      );
    }
    const alerts = [...own, ...moved];
    const alertTimes = [...ownTimes, ...movedTimes];
    const lastAlert = Math.max(...alertTimes);
    const summary = tally(alerts);
    const autoName = autoIncidentName(namingFacts(summary));
    const finalDerived = deriveSeverity(alerts.map((a) => a.severity)) as AlertSeverity;

    // Who owns it, and who does the work.
    const mdeOnly = alerts.every((a) => a.serviceSource === 'microsoftDefenderForEndpoint');
    const owner = this.pickOwner(plan.status, mdeOnly);
    const actor = this.actorFor(owner, mdeOnly);
    const previousOwner =
      owner && owner.id !== 'tier1@contoso.com' && owner.id !== 'SOC Tier 1' && rng.chance(0.15)
        ? rng.pick(['tier1@contoso.com', 'SOC Tier 1'])
        : null;
    const classification = this.pickClassification(plan);
    const customTags = this.pickTags(plan, classification?.determination ?? null);

    // The incident merged into this one: its own story happens first, up to the merge.
    const merge = sourcePlan
      ? this.generateSource(
          sourcePlan,
          plan,
          autoName,
          moved,
          movedTimes,
          previousOwner ? null : owner,
        )
      : null;
    const mergeAt = merge?.at ?? 0;

    const drafts: Draft[] = [createdDraft(plan.t0, own[0] as AlertRecord)];
    own.forEach((a, i) => drafts.push(correlatedDraft(a, ownTimes[i] as number)));
    // Severity follows the alerts as they arrive; moved alerts arrive with the merge.
    const arrivals = own.map((a, i) => ({ t: ownTimes[i] as number, severity: a.severity }));
    for (const a of moved) arrivals.push({ t: mergeAt, severity: a.severity });

    // What analysts did, in logical order; their times are drawn sorted below.
    const story = {
      severity: finalDerived,
      displayName: autoName,
      byHandAt: null as number | null,
      assignedAt: null as number | null,
      resolvedAt: null as number | null,
      resolvingComment: null as string | null,
      comments: [] as CommentRecord[],
    };
    const events: ((t: number) => void)[] = [];
    if (owner) {
      if (previousOwner) {
        const by = GROUP_MEMBERS[previousOwner] ?? previousOwner;
        events.push((t) => drafts.push(assignDraft(t, by, null, previousOwner)));
      }
      events.push((t) => {
        story.assignedAt ??= t;
        const by = previousOwner ? (GROUP_MEMBERS[previousOwner] ?? previousOwner) : actor;
        drafts.push(assignDraft(t, by, previousOwner, owner.id));
      });
    }
    if (plan.severityByHand) {
      events.push((t) => {
        const before =
          deriveSeverity(arrivals.filter((a) => a.t <= t).map((a) => a.severity)) ?? finalDerived;
        const choices = SETTABLE_SEVERITIES.filter((s) => s !== finalDerived && s !== before);
        story.severity = rng.pick(choices);
        story.byHandAt = t;
        drafts.push(
          draft(t, {
            kind: 'audit',
            performedBy: actor,
            category: 'incident',
            action: 'severityChanged',
            description: text`Severity changed from ${SEVERITY_LABELS[before]} to ${SEVERITY_LABELS[story.severity]}.`,
            targetType: 'incident',
            targetId: plan.id,
            oldValue: before,
            newValue: story.severity,
          }),
        );
      });
    }
    if (plan.customName) {
      events.push((t) => {
        const name = this.customName(plan.theme, pools, summary);
        drafts.push(
          draft(t, {
            kind: 'audit',
            performedBy: actor,
            category: 'incident',
            action: 'displayNameChanged',
            description: flat`Incident name changed from '${story.displayName}' to '${name}'.`,
            targetType: 'incident',
            targetId: plan.id,
            targetName: name,
            oldValue: story.displayName,
            newValue: name,
          }),
        );
        story.displayName = name;
      });
    }
    if (customTags.length) events.push((t) => drafts.push(tagsDraft(t, actor, [], customTags)));
    const viaInProgress =
      plan.status === 'inProgress' || (plan.status === 'resolved' && rng.chance(0.7));
    if (viaInProgress)
      events.push((t) => drafts.push(statusDraft(t, actor, 'active', 'inProgress')));
    // Analysts often classify in the same save that resolves.
    const classifyAtResolution = plan.status === 'resolved' && rng.chance(0.7);
    if (classification && !classifyAtResolution) {
      events.push((t) => drafts.push(...classificationDrafts(t, actor, classification)));
    }
    const commentCount = rng.weighted(COMMENT_COUNT_WEIGHTS[plan.status] ?? NO_COMMENTS);
    const commentPool = [...plan.theme.comments, ...GENERIC_COMMENTS];
    for (let c = 0; c < commentCount; c++) {
      const text = commentPool.splice(rng.int(0, commentPool.length - 1), 1)[0] as string;
      const by = rng.chance(0.8) ? actor : rng.pick(GENERAL_ANALYSTS);
      events.splice(rng.int(owner ? 1 : 0, events.length), 0, (t) => {
        story.comments.push({ comment: text, createdByDisplayName: by, createdDateTime: iso(t) });
        drafts.push(commentDraft(t, by, text));
      });
    }

    // Work starts after a triage delay and mostly happens within days, not weeks.
    const start =
      plan.t0 + Math.floor(Math.min(rng.int(2 * MINUTE, 6 * HOUR), (nowMs - plan.t0) / 3));
    const window = Math.min(nowMs - start, rng.int(2 * HOUR, 6 * DAY));
    const times = events
      .map(() => {
        // Skewed early with plain arithmetic (no Math.pow: engines may round it differently).
        const u = rng.next();
        return Math.floor(start + window * u * (0.4 + 0.6 * u));
      })
      .sort((a, b) => a - b);
    events.forEach((apply, i) => apply(times[i] as number));

    if (plan.status === 'resolved') {
      const after = Math.max(times[times.length - 1] ?? start, lastAlert, mergeAt);
      const t = Math.min(nowMs, after + rng.int(MINUTE, 12 * HOUR));
      story.resolvedAt = t;
      if (classification && classifyAtResolution) {
        drafts.push(...classificationDrafts(t, actor, classification));
      }
      const kind = classification?.classification ?? 'truePositive';
      story.resolvingComment = rng.pick(
        RESOLVING_COMMENTS[kind] ?? RESOLVING_COMMENTS.truePositive ?? [],
      );
      const resolved = statusDraft(t, actor, viaInProgress ? 'inProgress' : 'active', 'resolved');
      resolved.entry.comment = story.resolvingComment;
      drafts.push(resolved);
    }
    drafts.push(...severityTrail(plan.id, arrivals, story.byHandAt));

    this.finishAlerts(
      plan,
      alerts,
      alertTimes,
      owner,
      story.assignedAt,
      story.resolvedAt,
      classification,
    );
    if (merge) {
      // Moving an alert updates it.
      const mergedIso = iso(merge.at);
      for (const a of moved) if (a.lastUpdateDateTime < mergedIso) a.lastUpdateDateTime = mergedIso;
    }

    // The merge, seen from the target: the audit, the source's log copied in, the reason.
    if (merge) {
      const src = merge.record;
      merge.record.systemTags = [
        ...systemTagsOf(rng, plan.theme, moved, null, src.severity),
        'Redirected',
      ];
      for (const d of merge.drafts) {
        if (d.entry.category !== 'merge') {
          drafts.push({ t: d.t, entry: copiedEntry(d.entry, src.id) });
        }
      }
      drafts.push(
        draft(merge.at, {
          kind: 'audit',
          performedBy: merge.by,
          category: 'merge',
          action: 'incidentsMerged',
          description: flat`Incident '${src.displayName}' (ID ${src.id}) was merged into this incident; ${moved.length} alert${moved.length === 1 ? '' : 's'} moved.`,
          targetType: 'incident',
          targetId: src.id,
          targetName: src.displayName,
          newValue: { incidentIds: [src.id], alertIds: moved.map((a) => a.id) },
          ...(merge.reason ? { comment: merge.reason } : {}),
        }),
      );
      if (merge.reason) {
        story.comments.push({
          comment: merge.reason,
          createdByDisplayName: merge.by,
          createdDateTime: iso(merge.at),
        });
        drafts.push(commentDraft(merge.at, merge.by, merge.reason));
      }
    }
    story.comments.sort((a, b) => byTime(a.createdDateTime, b.createdDateTime));

    const systemTags = systemTagsOf(rng, plan.theme, alerts, pools, finalDerived);
    this.incidents[plan.index] = {
      id: plan.id,
      tenantId: SEED_TENANT_ID,
      displayName: story.displayName,
      status: plan.status,
      severity: story.severity,
      assignedTo: owner?.id ?? null,
      classification: classification?.classification ?? null,
      determination: classification?.determination ?? null,
      customTags: [...new Set([...customTags, ...(merge?.tags ?? [])])],
      systemTags,
      comments: story.comments,
      createdDateTime: iso(plan.t0),
      lastUpdateDateTime: iso(latest(drafts)),
      lastModifiedBy: lastModifier(drafts),
      redirectIncidentId: null,
      resolvingComment: story.resolvingComment,
      summary: summaryText(summary),
      description: rng.chance(0.5) ? plan.theme.description : null,
      priorityScore: priorityScore(rng, story.severity, systemTags),
      nameIsAutomatic: !plan.customName,
      severitySetByHand: plan.severityByHand,
      workspace: plan.workspace ? { ...plan.workspace } : null,
      version: plan.index + 1,
    };
    this.drafts[plan.index] = drafts;
  }

  /** Statuses, owner, classification and update times of an incident's alerts. */
  private finishAlerts(
    plan: Plan,
    alerts: AlertRecord[],
    times: readonly number[],
    owner: Owner | null,
    assignedAt: number | null,
    resolvedAt: number | null,
    classification: Classified | null,
  ): void {
    const { rng, nowMs } = this;
    const resolvedIncident = plan.status === 'resolved';
    for (let i = 0; i < alerts.length; i++) {
      const a = alerts[i] as AlertRecord;
      const created = times[i] as number;
      let lastUpdate = Math.min(nowMs, created + rng.int(0, 20 * MINUTE));
      if (owner) {
        // Assigning an incident assigns its alerts (SPEC.md §8).
        a.assignedTo = owner.id;
        if (assignedAt !== null && assignedAt > lastUpdate) lastUpdate = assignedAt;
      }
      a.status = resolvedIncident
        ? 'resolved'
        : rng.weighted(
            plan.status === 'inProgress' ? ALERT_STATUS_IN_PROGRESS : ALERT_STATUS_ACTIVE,
          );
      if (a.status === 'resolved') {
        const at =
          resolvedIncident && resolvedAt !== null
            ? resolvedAt
            : Math.min(nowMs, created + rng.int(MINUTE, 2 * DAY));
        a.resolvedDateTime = iso(at);
        if (at > lastUpdate) lastUpdate = at;
      }
      if (resolvedIncident && classification) {
        a.classification = classification.classification;
        a.determination = classification.determination;
      }
      a.investigationState = investigationState(rng, a.serviceSource, resolvedIncident);
      a.lastUpdateDateTime = iso(lastUpdate);
    }
    // An unresolved incident keeps at least one unresolved alert ("Active alerts 1/3").
    if (!resolvedIncident && alerts.every((a) => a.status === 'resolved')) {
      const a = alerts[alerts.length - 1] as AlertRecord;
      a.status = 'inProgress';
      a.resolvedDateTime = null;
    }
    for (const a of alerts) {
      this.alerts[a.id] = a;
      this.alertCount++;
    }
  }

  /**
   * The incident that was merged into `target` before `now`: its log up to the merge, and its
   * final redirected record (no alerts: they live in the target now).
   */
  private generateSource(
    source: Plan,
    target: Plan,
    targetName: string,
    moved: AlertRecord[],
    movedTimes: readonly number[],
    targetOwner: Owner | null,
  ): MergeStory {
    const { rng, nowMs } = this;
    const drafts: Draft[] = [createdDraft(source.t0, moved[0] as AlertRecord)];
    moved.forEach((a, i) => drafts.push(correlatedDraft(a, movedTimes[i] as number)));
    const summary = tally(moved);
    const severity = deriveSeverity(moved.map((a) => a.severity)) as AlertSeverity;
    const arrivals = moved.map((a, i) => ({ t: movedTimes[i] as number, severity: a.severity }));
    drafts.push(...severityTrail(source.id, arrivals, null));

    let t = Math.max(...arrivals.map((a) => a.t));
    let assignedTo: string | null = null;
    let status: IncidentStatus = 'active';
    const actor = targetOwner?.kind === 'user' ? targetOwner.id : rng.pick(GENERAL_ANALYSTS);
    // A merge needs equal owners or an unassigned side: the source is unassigned or shares it.
    if (targetOwner && rng.chance(0.3)) {
      t = Math.min(nowMs, t + rng.int(MINUTE, 4 * HOUR));
      assignedTo = targetOwner.id;
      drafts.push(assignDraft(t, actor, null, targetOwner.id));
      if (rng.chance(0.5)) {
        t = Math.min(nowMs, t + rng.int(MINUTE, 2 * HOUR));
        status = 'inProgress';
        drafts.push(statusDraft(t, actor, 'active', 'inProgress'));
      }
    }
    const tags: string[] = [];
    if (rng.chance(0.25)) {
      t = Math.min(nowMs, t + rng.int(MINUTE, 2 * HOUR));
      tags.push(rng.pick(target.theme.customTags));
      drafts.push(tagsDraft(t, actor, [], tags));
    }

    const at = Math.min(nowMs, t + rng.int(5 * MINUTE, 12 * HOUR));
    const byAnalyst = rng.chance(0.4);
    const by = byAnalyst ? actor : CORRELATION_ACTOR;
    const reason = byAnalyst ? rng.pick(MERGE_REASONS) : null;
    drafts.push(
      draft(at, {
        kind: 'audit',
        performedBy: by,
        category: 'merge',
        action: 'mergedInto',
        description: flat`Merged into incident '${targetName}' (ID ${target.id}); status changed to ${INCIDENT_STATUS_LABELS.redirected}${tags.length ? ' and tags moved to the target' : ''}.`,
        targetType: 'incident',
        targetId: target.id,
        targetName,
        oldValue: status,
        newValue: 'redirected',
        ...(reason ? { comment: reason } : {}),
      }),
    );

    const record: IncidentRecord = {
      id: source.id,
      tenantId: SEED_TENANT_ID,
      displayName: autoIncidentName(namingFacts(summary)),
      status: 'redirected',
      severity,
      assignedTo,
      classification: null,
      determination: null,
      // Tags move to the target (SPEC.md §5.4); only the system's 'Redirected' marks the source.
      customTags: [],
      systemTags: ['Redirected'],
      comments: [],
      createdDateTime: iso(source.t0),
      lastUpdateDateTime: iso(at),
      lastModifiedBy: by,
      redirectIncidentId: target.id,
      resolvingComment: null,
      summary: summaryText(summary),
      description: null,
      priorityScore: null,
      nameIsAutomatic: true,
      severitySetByHand: false,
      workspace: null,
      version: source.index + 1,
    };
    this.incidents[source.index] = record;
    this.drafts[source.index] = drafts;
    return { at, by, reason, tags, record, drafts };
  }

  // ---------------------------------------------------------------- choices

  private pickOwner(status: IncidentStatus, mdeOnly: boolean): Owner | null {
    const { rng } = this;
    const unassigned = status === 'active' ? 0.6 : status === 'inProgress' ? 0.08 : 0.15;
    if (rng.chance(unassigned)) return null;
    return rng.weighted(mdeOnly ? OWNER_CHOICES_MDE : OWNER_CHOICES);
  }

  private actorFor(owner: Owner | null, mdeOnly: boolean): string {
    if (owner?.kind === 'user') return owner.id;
    if (owner?.kind === 'group') return GROUP_MEMBERS[owner.id] ?? this.rng.pick(GENERAL_ANALYSTS);
    return this.rng.pick(mdeOnly ? ANALYSTS : GENERAL_ANALYSTS);
  }

  private pickClassification(plan: Plan): Classified | null {
    const { rng } = this;
    const p = plan.status === 'resolved' ? 1 : plan.status === 'inProgress' ? 0.55 : 0.35;
    if (!rng.chance(p)) return null;
    const classification = rng.weighted([
      ['truePositive', 60],
      ['falsePositive', 20],
      ['informationalExpectedActivity', 20],
    ] as const);
    const determination =
      classification === 'truePositive'
        ? rng.pick(plan.theme.determinations)
        : rng.pick(DETERMINATIONS_BY_CLASSIFICATION[classification]);
    return { classification, determination };
  }

  private pickTags(plan: Plan, determination: AlertDetermination | null): string[] {
    const { rng } = this;
    const tags = new Set<string>();
    if (determination === 'securityTesting') tags.add('Red team');
    const signature = SIGNATURE_TAGS[plan.theme.key];
    if (signature && rng.chance(0.35)) tags.add(signature);
    if (rng.chance(0.3)) {
      tags.add(rng.pick(plan.theme.customTags));
      if (rng.chance(0.3)) tags.add(rng.pick(EXTRA_CUSTOM_TAGS));
    }
    return [...tags];
  }

  private customName(theme: Theme, pools: Pools, summary: Tally): string {
    const { rng } = this;
    const host = summary.firstDevice ? pools.hostOf(summary.firstDevice) : undefined;
    const userName = summary.firstUser ? pools.displayNameOf(summary.firstUser) : undefined;
    const fits = theme.customNames.filter(
      (n) => (!n.includes('{host}') || host) && (!n.includes('{user}') || userName),
    );
    const pattern =
      fits.length && rng.chance(0.9) ? rng.pick(fits) : rng.pick(GENERIC_CUSTOM_NAMES);
    return pattern
      .replace('{host}', host ?? '')
      .replace('{user}', userName ?? '')
      .replace('{dept}', pools.dept);
  }

  // ---------------------------------------------------------------- assembly

  private assemble(plans: Plan[]): StoreState {
    const incidents: Record<string, IncidentRecord> = {};
    const activities: Record<string, ActivityEntry[]> = {};
    let next = 1;
    for (const plan of plans) {
      const record = this.incidents[plan.index];
      if (!record) throw new Error(`seed: incident ${plan.id} was not generated`);
      incidents[plan.id] = record;
      const drafts = (this.drafts[plan.index] ?? []).slice().sort((a, b) => a.t - b.t);
      activities[plan.id] = drafts.map((d) => {
        d.entry.id = `act-${next++}`;
        d.entry.incidentId = plan.id;
        return d.entry;
      });
    }
    return {
      schemaVersion: SCHEMA_VERSION,
      seed: {
        seed: this.options.seed,
        size: this.options.size,
        now: this.options.now.toISOString(),
      },
      incidents,
      alerts: this.alerts,
      activities,
      relations: [],
      counters: {
        incident: plans.length + 1,
        alert: this.alertCount + 1,
        activity: next,
        revision: plans.length,
      },
    };
  }
}

// ------------------------------------------------------------------ per-incident entity pools

type Ip = { address: string; origin: (typeof ATTACK_ORIGINS)[number] };
type Proc = {
  pid: number;
  ppid: number;
  commandLine: string;
  parentAge: number;
  image: FileDetails;
  parentImage: FileDetails;
  user: User | null;
};

/** The devices, users, IPs… one incident's alerts share, so entities overlap between alerts. */
class Pools {
  readonly devices: Device[] = [];
  readonly users: User[] = [];
  readonly mailboxes: User[] = [];
  readonly ips: Ip[] = [];
  readonly urls: string[] = [];
  readonly apps: (typeof CLOUD_APPS)[number][] = [];
  private readonly files = new Map<FileKey, FileDetails>();
  private readonly procs = new Map<ProcessKey, Proc>();
  readonly dept: string;

  constructor(
    private readonly rng: Rng,
    private readonly inv: Inventory,
    plan: Plan,
  ) {
    const { theme } = plan;
    const nDevices = Math.max(1, rng.int(theme.devices[0], theme.devices[1]));
    if (theme.key === 'cloudInfra') {
      for (let i = 0; i < nDevices; i++) this.addDistinct(this.devices, rng.pick(inv.vms));
    } else {
      for (let i = 0; i < nDevices; i++) {
        const server =
          i > 0 && (theme.key === 'identity' || theme.key === 'ransomware') && rng.chance(0.5);
        this.addDistinct(this.devices, rng.pick(server ? inv.domainControllers : inv.workstations));
      }
    }
    const nUsers = Math.max(1, rng.int(theme.users[0], theme.users[1]));
    const primaryUser = this.devices[0]?.user;
    if (primaryUser && theme.key !== 'cloudInfra') this.users.push(primaryUser);
    while (this.users.length < nUsers) this.addDistinct(this.users, rng.pick(inv.users), nUsers);
    this.mailboxes.push(this.users[0] as User);
    const nMailboxes = Math.max(1, rng.int(theme.mailboxes[0], theme.mailboxes[1]));
    while (this.mailboxes.length < nMailboxes)
      this.addDistinct(this.mailboxes, rng.pick(inv.users), nMailboxes);
    const nIps = Math.max(1, rng.int(theme.ips[0], theme.ips[1]));
    const origin = rng.pick(ATTACK_ORIGINS);
    for (let i = 0; i < nIps; i++) {
      const o = i === 0 || rng.chance(0.5) ? origin : rng.pick(ATTACK_ORIGINS);
      this.ips.push({ address: flat`${o.prefix}${rng.int(2, 254)}`, origin: o });
    }
    const domain = rng.pick(PHISH_DOMAINS);
    const nUrls = rng.int(1, 2);
    for (let i = 0; i < nUrls; i++)
      this.urls.push(flat`https://${domain}${rng.pick(PHISH_PATHS)}?id=${rng.hex(8)}`);
    this.dept = this.users[0]?.dept ?? this.devices[0]?.dept ?? 'Finance';
  }

  private addDistinct<T>(list: T[], item: T, cap = Infinity): void {
    if (!list.includes(item) && list.length < cap) list.push(item);
  }

  /** The primary entity most of the time, else another one not yet in this alert. */
  private choose<T>(list: readonly T[], used: readonly unknown[]): T | undefined {
    const primary = list[0];
    if (primary !== undefined && !used.includes(primary) && this.rng.chance(0.55)) return primary;
    let free = 0;
    for (const x of list) if (!used.includes(x)) free += 1;
    if (free === 0) return undefined;
    let k = Math.floor(this.rng.next() * free);
    for (const x of list) if (!used.includes(x) && k-- === 0) return x;
    return undefined;
  }

  device(cloudVm: boolean, used: readonly unknown[]): Device | undefined {
    if (cloudVm && !this.devices.some((d) => d.vm)) this.devices.push(this.rng.pick(this.inv.vms));
    const candidates = cloudVm ? this.devices.filter((d) => d.vm) : this.devices;
    return this.choose(candidates, used);
  }

  user(used: readonly unknown[]): User | undefined {
    return this.choose(this.users, used);
  }

  mailbox(used: readonly unknown[]): User | undefined {
    return this.choose(this.mailboxes, used);
  }

  ip(used: readonly unknown[]): Ip | undefined {
    return this.choose(this.ips, used);
  }

  url(used: readonly unknown[]): string | undefined {
    return this.choose(this.urls, used);
  }

  app(used: readonly unknown[]): (typeof CLOUD_APPS)[number] | undefined {
    if (this.apps.length === 0) {
      this.apps.push(this.rng.pick(CLOUD_APPS));
      if (this.rng.chance(0.4)) this.apps.push(this.rng.pick(CLOUD_APPS));
    }
    return this.choose(this.apps, used);
  }

  file(key: FileKey): FileDetails {
    let f = this.files.get(key);
    if (!f) {
      const spec = FILES[key];
      const user = this.users[0];
      f = {
        fileName: spec.name,
        filePath: spec.path.replace('%USER%', user?.accountName ?? 'Public'),
        filePublisher: spec.publisher,
        fileSize: this.rng.int(spec.size[0], spec.size[1]),
        issuer: null,
        signer: spec.publisher,
        md5: this.rng.hex(32),
        sha1: this.rng.hex(40),
        sha256: this.rng.hex(64),
        sha256Ac: null,
      };
      this.files.set(key, f);
    }
    return f;
  }

  process(key: ProcessKey): Proc {
    let p = this.procs.get(key);
    if (!p) {
      const spec = PROCESSES[key];
      const { rng } = this;
      p = {
        pid: rng.int(1000, 30000),
        ppid: rng.int(400, 12000),
        commandLine: spec.commandLine,
        parentAge: rng.int(1000, 4 * HOUR),
        image: {
          fileName: spec.image,
          filePath: spec.path,
          filePublisher: spec.publisher,
          fileSize: rng.int(20_000, 2_000_000),
          issuer: null,
          signer: spec.publisher,
          md5: rng.hex(32),
          sha1: rng.hex(40),
          sha256: rng.hex(64),
          sha256Ac: null,
        },
        parentImage: {
          fileName: spec.parent,
          filePath: spec.parentPath,
          filePublisher: spec.publisher,
          fileSize: rng.int(20_000, 2_000_000),
          issuer: null,
          signer: null,
          md5: null,
          sha1: null,
          sha256: null,
          sha256Ac: null,
        },
        user: this.users[0] ?? null,
      };
      this.procs.set(key, p);
    }
    return p;
  }

  hostOf(dnsName: string): string | undefined {
    const lower = dnsName.toLowerCase();
    return this.devices.find((d) => d.dnsName === lower || d.hostName.toLowerCase() === lower)
      ?.hostName;
  }

  displayNameOf(upn: string): string | undefined {
    const lower = upn.toLowerCase();
    return this.users.find((u) => u.upn === lower)?.displayName;
  }
}

// ------------------------------------------------------------------ small helpers

const EVIDENCE_COUNT_WEIGHTS = [
  [1, 10],
  [2, 30],
  [3, 30],
  [4, 20],
  [5, 10],
] as const;

const DEFAULT_FILES: readonly FileKey[] = ['payloadDll'];
const DEFAULT_PROCESSES: readonly ProcessKey[] = ['powershellEncoded'];
/** The company's internet egress address (documentation range). */
const EXTERNAL_EGRESS_IP = '203.0.113.24';

const USER_ROLES = ['compromised', 'attacked', 'contextual', 'suspicious'] as const;
const IP_ROLES = ['attacker', 'source', 'commandAndControl'] as const;

const NO_COMMENTS = [[0, 1]] as const;

const COMMENT_COUNT_WEIGHTS: Record<string, readonly (readonly [number, number])[]> = {
  active: [
    [0, 75],
    [1, 18],
    [2, 5],
    [3, 2],
  ],
  inProgress: [
    [0, 35],
    [1, 35],
    [2, 20],
    [3, 10],
  ],
  resolved: [
    [0, 30],
    [1, 35],
    [2, 25],
    [3, 10],
  ],
};

const ALERT_STATUS_ACTIVE = [
  ['new', 85],
  ['inProgress', 5],
  ['resolved', 10],
] as const satisfies readonly (readonly [AlertStatus, number])[];

const ALERT_STATUS_IN_PROGRESS = [
  ['inProgress', 50],
  ['new', 35],
  ['resolved', 15],
] as const satisfies readonly (readonly [AlertStatus, number])[];

/** The tag analysts put on most incidents of a kind (campaign tracking, PCI scope…). */
const SIGNATURE_TAGS: Partial<Record<Theme['key'], string>> = {
  ransomware: 'Ransomware',
  phishing: 'Phishing campaign',
  dataLoss: 'PCI',
  bec: 'Escalated',
};

const MERGE_REASONS = [
  'Merging related incidents from the same campaign',
  'Same user and same sign-in source — one investigation',
  'Same device, same attack chain',
  'Duplicate of the incident already being worked',
];

/** AIR runs on endpoint, email and XDR alerts; the rest do not support it. */
const AIR_SOURCES = new Set([
  'microsoftDefenderForEndpoint',
  'microsoftDefenderForOffice365',
  'microsoft365Defender',
]);
const AIR_RESULT = new Set([
  'successfullyRemediated',
  'running',
  'pendingApproval',
  'partiallyRemediated',
  'benign',
]);

const AIR_DONE = [
  ['successfullyRemediated', 45],
  ['benign', 25],
  ['partiallyRemediated', 10],
  ['terminatedBySystem', 10],
  ['unsupportedAlertType', 10],
] as const;

const AIR_ANY = [
  ['running', 20],
  ['pendingApproval', 15],
  ['queued', 5],
  ['successfullyRemediated', 20],
  ['benign', 10],
  ['partiallyRemediated', 5],
  ['unsupportedAlertType', 20],
  ['terminatedBySystem', 5],
] as const;

function investigationState(rng: Rng, source: string, resolved: boolean): string {
  if (!AIR_SOURCES.has(source)) return 'unsupportedAlertType';
  return rng.weighted(resolved ? AIR_DONE : AIR_ANY);
}

/** Mostly the template's severity, sometimes one step lower or higher (tuning, asset value). */
function varySeverity(rng: Rng, base: AlertSeverity, shift: number): AlertSeverity {
  const ladder = ['informational', 'low', 'medium', 'high'] as const;
  const i = ladder.indexOf(base as (typeof ladder)[number]);
  if (i < 0) return base;
  const roll = rng.next();
  const step = roll < 0.75 ? 0 : roll < 0.9 ? -1 : 1;
  return ladder[Math.max(0, Math.min(3, i + step - shift))] as AlertSeverity;
}

function userAccount(user: User): UserAccount {
  return {
    accountName: user.accountName,
    domainName: 'CONTOSO',
    userPrincipalName: user.upn,
    displayName: user.displayName,
    azureAdUserId: user.azureAdUserId,
    userSid: user.sid,
    activeDirectoryObjectGuid: user.adGuid,
  };
}

/** What Defender's automatic name is built from (the same facts a merge or move renames with). */
function namingFacts(summary: Tally): NamingFacts {
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
type Tally = {
  alertCount: number;
  categories: string[];
  serviceSources: ServiceSource[];
  counts: Record<EntityKind, number>;
  /** Names of the first device and user seen, for analysts' custom names. */
  firstDevice: string | undefined;
  firstUser: string | undefined;
};

function tally(alerts: readonly AlertRecord[]): Tally {
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

function summaryText(summary: Tally): string {
  const { counts } = summary;
  const parts: string[] = [];
  const plural = (n: number, one: string, many: string) => flat`${n} ${n === 1 ? one : many}`;
  if (counts.device) parts.push(plural(counts.device, 'device', 'devices'));
  if (counts.user) parts.push(plural(counts.user, 'user', 'users'));
  if (counts.mailbox) parts.push(plural(counts.mailbox, 'mailbox', 'mailboxes'));
  if (counts.app) parts.push(plural(counts.app, 'app', 'apps'));
  const cats = summary.categories.map(categoryLabel).join(', ');
  const sources = summary.serviceSources.map(sourceLabel).join(', ');
  const assets = parts.length ? flat` affecting ${parts.join(', ')}` : '';
  return flat`${plural(summary.alertCount, 'alert', 'alerts')}${assets}. Tactics: ${cats}. Reported by ${sources}.`;
}

function systemTagsOf(
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

function priorityScore(rng: Rng, severity: AlertSeverity, systemTags: readonly string[]): number {
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

// ------------------------------------------------------------------ activity drafts

function createdDraft(t: number, first: AlertRecord): Draft {
  return draft(t, {
    kind: 'audit',
    performedBy: CORRELATION_ACTOR,
    category: 'incident',
    action: 'incidentCreated',
    description: memo(
      CREATED_TEXT,
      first.title,
      () => flat`Incident created from alert '${first.title}'.`,
    ),
    targetType: 'alert',
    targetId: first.id,
    targetName: first.title,
  });
}

function correlatedDraft(a: AlertRecord, t: number): Draft {
  return draft(t, {
    kind: 'audit',
    performedBy: CORRELATION_ACTOR,
    category: 'alert',
    action: 'alertCorrelated',
    description: memo(
      CORRELATED_TEXT,
      a.title,
      () => flat`Alert '${a.title}' was correlated to this incident.`,
    ),
    targetType: 'alert',
    targetId: a.id,
    targetName: a.title,
  });
}

function assignDraft(t: number, by: string, from: string | null, to: string): Draft {
  return draft(t, {
    kind: 'audit',
    performedBy: by,
    category: 'assignment',
    action: 'assignedToChanged',
    description:
      from === null
        ? text`Incident assigned to ${ownerLabel(to)}.`
        : text`Incident reassigned from ${ownerLabel(from)} to ${ownerLabel(to)}.`,
    targetType: 'incident',
    oldValue: from,
    newValue: to,
  });
}

function statusDraft(t: number, by: string, from: IncidentStatus, to: IncidentStatus): Draft {
  return draft(t, {
    kind: 'audit',
    performedBy: by,
    category: 'incident',
    action: 'statusChanged',
    description: text`Status changed from ${INCIDENT_STATUS_LABELS[from]} to ${INCIDENT_STATUS_LABELS[to]}.`,
    targetType: 'incident',
    oldValue: from,
    newValue: to,
  });
}

function tagsDraft(t: number, by: string, from: string[], to: string[]): Draft {
  const added = to.filter((x) => !from.includes(x));
  return draft(t, {
    kind: 'audit',
    performedBy: by,
    category: 'tag',
    action: 'customTagsChanged',
    description: text`Tags added: ${added.join(', ')}.`,
    targetType: 'incident',
    oldValue: from,
    newValue: to,
  });
}

function classificationDrafts(t: number, by: string, c: Classified): Draft[] {
  return [
    draft(t, {
      kind: 'audit',
      performedBy: by,
      category: 'classification',
      action: 'classificationChanged',
      description: text`Classification changed from ${CLASSIFICATION_LABELS.unknown} to ${CLASSIFICATION_LABELS[c.classification]}.`,
      targetType: 'incident',
      oldValue: null,
      newValue: c.classification,
    }),
    draft(t, {
      kind: 'audit',
      performedBy: by,
      category: 'classification',
      action: 'determinationChanged',
      description: text`Determination changed from ${DETERMINATION_LABELS.unknown} to ${DETERMINATION_LABELS[c.determination]}.`,
      targetType: 'incident',
      oldValue: null,
      newValue: c.determination,
    }),
  ];
}

function commentDraft(t: number, by: string, comment: string): Draft {
  return draft(t, {
    kind: 'comment',
    performedBy: by,
    category: 'comment',
    action: 'commentAdded',
    description: text`${by} added a comment.`,
    comment,
  });
}

/** A merged-in copy of an entry (its values copied too, so the two logs share nothing). */
function copiedEntry(entry: ActivityEntry, originIncidentId: string): ActivityEntry {
  const copy: ActivityEntry = { ...entry, originIncidentId };
  if (Array.isArray(entry.oldValue)) copy.oldValue = [...(entry.oldValue as unknown[])];
  if (Array.isArray(entry.newValue)) copy.newValue = [...(entry.newValue as unknown[])];
  return copy;
}

/** System audits for each time a newly correlated alert raised the derived severity. */
function severityTrail(
  incidentId: string,
  arrivals: readonly { t: number; severity: AlertSeverity }[],
  stopAt: number | null,
): Draft[] {
  const sorted = [...arrivals].sort((a, b) => a.t - b.t);
  const out: Draft[] = [];
  let current: AlertSeverity | undefined;
  for (const a of sorted) {
    if (current !== undefined && SEVERITY_RANK[a.severity] > SEVERITY_RANK[current]) {
      if (stopAt !== null && a.t >= stopAt) break;
      out.push(
        draft(a.t, {
          kind: 'audit',
          performedBy: SYSTEM_ACTOR,
          category: 'incident',
          action: 'severityChanged',
          description: text`Severity changed from ${SEVERITY_LABELS[current]} to ${SEVERITY_LABELS[a.severity]} as the incident's alerts changed.`,
          targetType: 'incident',
          targetId: incidentId,
          oldValue: current,
          newValue: a.severity,
        }),
      );
    }
    if (current === undefined || SEVERITY_RANK[a.severity] > SEVERITY_RANK[current])
      current = a.severity;
  }
  return out;
}

/** ISO-8601 UTC strings order as text; no locale-dependent comparison. */
function byTime(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function latest(drafts: readonly Draft[]): number {
  let last = 0;
  for (const d of drafts) if (d.t > last) last = d.t;
  return last;
}

function lastModifier(drafts: readonly Draft[]): string {
  let last: Draft | undefined;
  for (const d of drafts) if (d.entry.kind === 'audit' && (!last || d.t >= last.t)) last = d;
  return last?.entry.performedBy ?? CORRELATION_ACTOR;
}

// ------------------------------------------------------------------ entry point

/** Generates the demo tenant's state. Same options → deep-equal state. */
export function generateSeed(options: SeedOptions): StoreState {
  return new SeedGenerator(options).run();
}
