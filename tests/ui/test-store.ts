/**
 * Small stores made for one UI test (ARCHITECTURE.md §8, STYLE.md §4.4): a few incidents with a
 * few alerts each, instead of the 500-incident demo store. `makeIncident` and `makeAlert` fill in
 * what a test does not care about; `buildStore` numbers them, dates them before TEST_NOW, writes
 * the correlation audits Defender would, and returns a StoreState the store's laws accept.
 *
 *   const state = buildStore([
 *     makeIncident({ severity: 'high', alerts: 2 }),
 *     makeIncident({ status: 'inProgress', alerts: [makeAlert({ title: 'Tor IP' })] }),
 *   ]);
 *
 * Incidents get ids "1", "2"… in the order given, and that is also the default queue's order
 * (the first was updated last). What happened later (comments, merges, moves) is best written by
 * the store's own operations in `buildStore`'s `history`, so it reads as the store would write it.
 */
import * as audit from '@/domain/audit';
import { CORRELATION_ACTOR, type ActivityEntry } from '@/domain/activity';
import type {
  AlertClassification,
  AlertDetermination,
  AlertSeverity,
  AlertStatus,
  DetectionSource,
  IncidentStatus,
  ServiceSource,
} from '@/domain/enums';
import {
  EVIDENCE_TYPE,
  type AlertEvidence,
  type DeviceEvidence,
  type FileEvidence,
  type IpEvidence,
  type MailboxEvidence,
  type ProcessEvidence,
  type UrlEvidence,
  type UserEvidence,
} from '@/domain/graph';
import type { Outcome } from '@/domain/outcome';
import type { IncidentProvider } from '@/domain/relations';
import { deriveSeverity } from '@/domain/severity';
import { SOURCE_INFO } from '@/domain/sources';
import { steppingClock, TEST_NOW } from '@mocks/test-runtime';
import { IncidentStore } from '@mocks/store/incident-store';
import { checkLaws } from '@mocks/store/laws';
import {
  SCHEMA_VERSION,
  type AlertRecord,
  type IncidentRecord,
  type StoreState,
  type WorkspaceRef,
} from '@mocks/store/types';

const TENANT_ID = '4f1c2a9e-7b3d-4e58-9a61-0c2d8e5f7a13';

/** The test tenant's Sentinel workspaces (an incident lives in the first unless told otherwise). */
const TEST_WORKSPACES: readonly WorkspaceRef[] = [
  {
    subscriptionId: '11111111-2222-4333-8444-555555555555',
    resourceGroup: 'soc-rg',
    workspaceName: 'contoso-sentinel',
  },
  {
    subscriptionId: '11111111-2222-4333-8444-555555555555',
    resourceGroup: 'soc-rg',
    workspaceName: 'contoso-sentinel-eu',
  },
];

/** A GUID made of a kind digit and a number, easy to read in a test's failure. */
const guidFor = (kind: number, n: number | string) =>
  `${kind}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// ---------------------------------------------------------------- evidence

const base = (type: string, createdDateTime: string, verdict = 'suspicious') => ({
  '@odata.type': type as AlertEvidence['@odata.type'],
  createdDateTime,
  verdict: verdict as AlertEvidence['verdict'],
  remediationStatus: 'none' as const,
  remediationStatusDetails: null,
  roles: [],
  detailedRoles: [],
  tags: [],
});

/** A stable fake hash of `text`, `length` hex digits long. */
function hexOf(text: string, length: number): string {
  let h = 2166136261;
  let out = '';
  while (out.length < length) {
    for (const ch of `${text}${out.length}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

const account = (upn: string) => {
  const [name = upn] = upn.split('@');
  return {
    accountName: name,
    domainName: 'CONTOSO',
    userPrincipalName: upn,
    displayName: name
      .split('.')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(' '),
  };
};

/**
 * Evidence of each kind the console shows, named by the test. The same name in two alerts is the
 * same asset, as the incident's Assets tab counts them.
 */
export const evidence = {
  device: (hostName: string, at = TEST_NOW.toISOString()): DeviceEvidence => ({
    ...base(EVIDENCE_TYPE.device, at),
    roles: ['compromised'],
    mdeDeviceId: hexOf(hostName, 40),
    deviceDnsName: `${hostName.toLowerCase()}.contoso.com`,
    hostName,
    osPlatform: 'Windows11',
    healthStatus: 'active',
    riskScore: 'medium',
    onboardingStatus: 'onboarded',
    lastIpAddress: '10.0.0.7',
    loggedOnUsers: [],
  }),
  user: (upn: string, at = TEST_NOW.toISOString()): UserEvidence => ({
    ...base(EVIDENCE_TYPE.user, at),
    roles: ['compromised'],
    userAccount: account(upn),
  }),
  mailbox: (address: string, at = TEST_NOW.toISOString()): MailboxEvidence => ({
    ...base(EVIDENCE_TYPE.mailbox, at, 'unknown'),
    roles: ['destination'],
    displayName: account(address).displayName,
    primaryAddress: address,
    upn: address,
    userAccount: account(address),
  }),
  ip: (ipAddress: string, at = TEST_NOW.toISOString()): IpEvidence => ({
    ...base(EVIDENCE_TYPE.ip, at),
    roles: ['attacker'],
    ipAddress,
    countryLetterCode: 'NL',
  }),
  url: (url: string, at = TEST_NOW.toISOString()): UrlEvidence => ({
    ...base(EVIDENCE_TYPE.url, at, 'malicious'),
    url,
  }),
  file: (fileName: string, at = TEST_NOW.toISOString()): FileEvidence => ({
    ...base(EVIDENCE_TYPE.file, at, 'malicious'),
    detectionStatus: 'detected',
    fileDetails: {
      fileName,
      filePath: 'C:\\Users\\Public\\Downloads',
      fileSize: 142_772,
      sha1: hexOf(fileName, 40),
      sha256: hexOf(fileName, 64),
    },
  }),
  process: (commandLine: string, at = TEST_NOW.toISOString()): ProcessEvidence => ({
    ...base(EVIDENCE_TYPE.process, at),
    detectionStatus: 'detected',
    processId: 4242,
    processCommandLine: commandLine,
    imageFile: { fileName: commandLine.split(' ')[0] ?? commandLine, filePath: 'C:\\Windows' },
  }),
} as const;

// ---------------------------------------------------------------- alerts

/** What each source's alerts look like unless the test says otherwise. */
const SOURCE_DEFAULTS: Partial<
  Record<ServiceSource, { titles: string[]; category: string; detection: DetectionSource }>
> = {
  microsoftDefenderForEndpoint: {
    titles: [
      'Suspicious process launched by an Office application',
      'Suspicious PowerShell command line',
      'Ransomware behavior detected in the file system',
      'Credential dumping activity observed',
    ],
    category: 'Execution',
    detection: 'microsoftDefenderForEndpoint',
  },
  microsoftDefenderForOffice365: {
    titles: [
      'Email messages containing malicious URL removed after delivery',
      'A potentially malicious URL click was detected',
      'Suspicious email sending patterns detected',
    ],
    category: 'InitialAccess',
    detection: 'microsoftDefenderForOffice365',
  },
  microsoftDefenderForIdentity: {
    titles: [
      'Suspected brute-force attack (Kerberos, NTLM)',
      'Suspected DCSync attack (replication of directory services)',
      'Account enumeration reconnaissance',
    ],
    category: 'CredentialAccess',
    detection: 'microsoftDefenderForIdentity',
  },
  microsoftDefenderForCloudApps: {
    titles: ['Impossible travel activity', 'Mass download by a single user'],
    category: 'Exfiltration',
    detection: 'cloudAppSecurity',
  },
  azureAdIdentityProtection: {
    titles: ['Anonymous IP address', 'Unfamiliar sign-in properties'],
    category: 'InitialAccess',
    detection: 'azureAdIdentityProtection',
  },
};

export type AlertSpec = {
  title?: string;
  description?: string;
  severity?: AlertSeverity;
  status?: AlertStatus;
  serviceSource?: ServiceSource;
  /** Defaults to the incident's owner. */
  assignedTo?: string | null;
  classification?: AlertClassification | null;
  determination?: AlertDetermination | null;
  category?: string;
  /** Defaults to a device and a user named after the alert (see `evidence`). */
  evidence?: AlertEvidence[];
};

/** An alert before `buildStore` gives it an id, an incident and times. */
export type AlertDraft = AlertSpec;

/** An alert; what the test leaves out is filled in when the store is built. */
export function makeAlert(spec: AlertSpec = {}): AlertDraft {
  return { ...spec };
}

// ---------------------------------------------------------------- incidents

const NAMES = [
  'Ransomware activity on a finance workstation',
  'Phishing campaign targeting Finance',
  'Credential theft on a domain controller',
  'Suspicious sign-ins from anonymous IP addresses',
  'Data exfiltration to personal cloud storage',
  'Malware downloaded by an Office macro',
  'Brute-force attempts against VPN accounts',
  'Suspicious PowerShell on an HR laptop',
  'Business email compromise of a vendor mailbox',
  'Lateral movement with stolen credentials',
];

export type IncidentSpec = {
  displayName?: string;
  status?: Exclude<IncidentStatus, 'redirected'>;
  /** Derived from the alerts unless given; given and different, it counts as set by hand. */
  severity?: AlertSeverity;
  assignedTo?: string | null;
  classification?: AlertClassification | null;
  determination?: AlertDetermination | null;
  customTags?: string[];
  systemTags?: string[];
  priorityScore?: number | null;
  description?: string | null;
  /** How many alerts (alike but for their titles), or the alerts themselves; 1 by default. */
  alerts?: number | AlertDraft[];
  /** Who raised it (Sentinel's `providerName`); Defender XDR by default. */
  provider?: IncidentProvider;
  /** The Sentinel workspace it lives in, with its alerts; the first one by default. */
  workspace?: WorkspaceRef;
  /**
   * Alerts of other incidents related to this one besides its home alerts (Sentinel, seed 004),
   * named by their incident's number ("1", "2"… in `buildStore`'s order) and their index in it.
   * They are written as they stand, as Defender's own portal may leave them, so a Defender alert
   * may sit in a Defender incident although Sentinel refuses to relate one.
   */
  relatedAlerts?: RelatedAlertRef[];
};

/** An alert of another incident, related to the incident that names it. */
type RelatedAlertRef = {
  /** The home incident's number. */
  incident: number;
  /** The alert's index among its home incident's alerts. @default 0 */
  alert?: number;
  /** Who related it. @default 'analyst@contoso.com' */
  by?: string;
};

export type IncidentDraft = Omit<IncidentSpec, 'alerts'> & { alerts: AlertDraft[] };

/** An incident; what the test leaves out is filled in when the store is built. */
export function makeIncident(spec: IncidentSpec = {}): IncidentDraft {
  const { alerts = 1, ...rest } = spec;
  return {
    ...rest,
    alerts: typeof alerts === 'number' ? Array.from({ length: alerts }, () => makeAlert()) : alerts,
  };
}

const defaultAlertStatus = (status: IncidentStatus): AlertStatus =>
  status === 'resolved' ? 'resolved' : status === 'inProgress' ? 'inProgress' : 'new';

function alertIdOf(source: ServiceSource, n: number): string {
  const prefix = SOURCE_INFO[source].prefixes[0] ?? 'un';
  // Defender's shape: a source prefix, a long number and "_" with a signed int.
  return `${prefix}63926${String(n).padStart(15, '0')}_${-1_500_000_000 + n}`;
}

export type BuildOptions = {
  /** The store's "now": everything built happened before it. TEST_NOW by default. */
  now?: Date;
  /**
   * Later events, written by the store's own operations (comments, merges, moves…) at times
   * after the built data and before `now`. The result must still be lawful.
   */
  history?: (store: IncidentStore) => void;
};

/**
 * A lawful StoreState holding these incidents (ids "1", "2"… in order; the first is the most
 * recently updated). Throws with the laws' words when the data or its history breaks one.
 */
export function buildStore(incidents: IncidentDraft[], options: BuildOptions = {}): StoreState {
  const now = (options.now ?? TEST_NOW).getTime();
  const at = (ms: number) => new Date(ms).toISOString();
  const state: StoreState = {
    schemaVersion: SCHEMA_VERSION,
    seed: { seed: 0, size: 'default', now: at(now) },
    incidents: {},
    alerts: {},
    activities: {},
    relations: [],
    counters: { incident: 1, alert: 1, activity: 1, revision: 0 },
  };
  const log = (incidentId: string, createdDateTime: string, draft: audit.AuditDraft) => {
    const entry: ActivityEntry = {
      ...draft,
      id: `act-${state.counters.activity++}`,
      incidentId,
      createdDateTime,
      performedBy: draft.performedBy ?? CORRELATION_ACTOR,
    };
    (state.activities[incidentId] ??= []).push(entry);
  };

  incidents.forEach((draft, i) => {
    const id = String(state.counters.incident++);
    const status = draft.status ?? 'active';
    // Created two days (and a bit) ago; updated a few minutes ago, the first one last.
    const created = now - (48 + i) * HOUR;
    const updated = now - (i + 1) * 5 * MINUTE;
    const assignedTo = draft.assignedTo ?? null;
    const alerts: AlertRecord[] = draft.alerts.map((spec, j) => {
      const n = state.counters.alert++;
      const source = spec.serviceSource ?? 'microsoftDefenderForEndpoint';
      const defaults = SOURCE_DEFAULTS[source];
      const alertId = alertIdOf(source, n);
      const createdAt = at(created + j * MINUTE);
      const title = spec.title ?? defaults?.titles[j % defaults.titles.length] ?? `Alert ${n}`;
      const alertStatus = spec.status ?? defaultAlertStatus(status);
      const category = spec.category ?? defaults?.category ?? 'SuspiciousActivity';
      return {
        id: alertId,
        providerAlertId: alertId,
        incidentId: id,
        incidentWebUrl: `https://security.microsoft.com/incidents/${id}?tid=${TENANT_ID}`,
        alertWebUrl: `https://security.microsoft.com/alerts/${alertId}?tid=${TENANT_ID}`,
        title,
        description: spec.description ?? `${title} (made for a test).`,
        recommendedActions: 'Review the evidence and contain the affected assets.',
        status: alertStatus,
        severity: spec.severity ?? draft.severity ?? 'medium',
        classification: spec.classification ?? null,
        determination: spec.determination ?? null,
        serviceSource: source,
        detectionSource: defaults?.detection ?? 'unknown',
        detectorId: hexOf(title, 8),
        alertPolicyId: null,
        productName: SOURCE_INFO[source].label,
        category,
        categories: [category],
        investigationState: 'running',
        assignedTo: spec.assignedTo === undefined ? assignedTo : spec.assignedTo,
        actorDisplayName: null,
        threatDisplayName: null,
        threatFamilyName: null,
        mitreTechniques: [],
        createdDateTime: createdAt,
        lastUpdateDateTime: at(created + j * MINUTE + 5 * MINUTE),
        firstActivityDateTime: at(created + j * MINUTE - 10 * MINUTE),
        lastActivityDateTime: at(created + j * MINUTE - MINUTE),
        resolvedDateTime: alertStatus === 'resolved' ? at(updated) : null,
        comments: [],
        evidence: spec.evidence ?? [
          evidence.device(`HOST-${String(n).padStart(2, '0')}`, createdAt),
          evidence.user(`user${n}@contoso.com`, createdAt),
        ],
        systemTags: [],
        tenantId: TENANT_ID,
        workspace: { ...(draft.workspace ?? (TEST_WORKSPACES[0] as WorkspaceRef)) },
        systemAlertId: guidFor(2, n),
      };
    });

    const derived = deriveSeverity(alerts.map((a) => a.severity));
    const severity = draft.severity ?? derived ?? 'informational';
    const incident: IncidentRecord = {
      id,
      tenantId: TENANT_ID,
      displayName: draft.displayName ?? nameOf(i),
      status,
      severity,
      assignedTo,
      classification: draft.classification ?? null,
      determination: draft.determination ?? null,
      customTags: draft.customTags ?? [],
      systemTags: draft.systemTags ?? [],
      comments: [],
      createdDateTime: at(created),
      lastUpdateDateTime: at(updated),
      lastModifiedBy: CORRELATION_ACTOR,
      redirectIncidentId: null,
      resolvingComment: status === 'resolved' ? 'Resolved for a test.' : null,
      summary: null,
      description: draft.description ?? null,
      priorityScore: draft.priorityScore === undefined ? 50 : draft.priorityScore,
      nameIsAutomatic: false,
      severitySetByHand: derived !== undefined && severity !== derived,
      workspace: { ...(draft.workspace ?? (TEST_WORKSPACES[0] as WorkspaceRef)) },
      armName: guidFor(1, id),
      provider: draft.provider ?? 'defender',
      version: ++state.counters.revision,
    };
    state.incidents[id] = incident;
    for (const alert of alerts) state.alerts[alert.id] = alert;
    alerts.forEach((alert, j) => {
      if (j === 0) log(id, alert.createdDateTime, audit.incidentCreatedFromAlert(alert));
      log(id, alert.createdDateTime, audit.alertCorrelated(alert));
    });
  });

  relateAlerts(state, incidents, now - 2 * HOUR);

  let result = state;
  if (options.history) {
    // The operations run a minute apart, an hour before "now": after everything built above.
    const store = new IncidentStore(state, { clock: steppingClock(new Date(now - HOUR), MINUTE) });
    options.history(store);
    result = store.snapshot();
  }
  const problems = checkLaws(result);
  if (problems.length) throw new Error(`buildStore made a lawless store:\n${problems.join('\n')}`);
  return result;
}

/**
 * Writes the relations the drafts ask for, a minute apart from `at`, each with the audit Sentinel
 * writes; the incidents' severity then follows their related alerts too (law 8).
 */
function relateAlerts(state: StoreState, drafts: readonly IncidentDraft[], at: number): void {
  const homeAlerts = (incidentId: string) =>
    Object.values(state.alerts).filter((a) => a.incidentId === incidentId);
  drafts.forEach((draft, i) => {
    const incident = state.incidents[String(i + 1)] as IncidentRecord;
    for (const ref of draft.relatedAlerts ?? []) {
      const alert = homeAlerts(String(ref.incident))[ref.alert ?? 0];
      if (!alert) throw new Error(`incident ${ref.incident} has no alert ${ref.alert ?? 0}`);
      const by = ref.by ?? 'analyst@contoso.com';
      const createdDateTime = new Date(at + state.relations.length * MINUTE).toISOString();
      state.relations.push({
        incidentId: incident.id,
        relationName: guidFor(3, state.relations.length + 1),
        alertId: alert.id,
        createdDateTime,
        createdBy: by,
        version: 1,
      });
      const entry: ActivityEntry = {
        ...audit.alertAdded(alert, by),
        id: `act-${state.counters.activity++}`,
        incidentId: incident.id,
        createdDateTime,
        performedBy: by,
      };
      (state.activities[incident.id] ??= []).push(entry);
      if (!incident.severitySetByHand) {
        const related = state.relations
          .filter((r) => r.incidentId === incident.id)
          .map((r) => (state.alerts[r.alertId] as AlertRecord).severity);
        const all = [...homeAlerts(incident.id).map((a) => a.severity), ...related];
        incident.severity = deriveSeverity(all) ?? incident.severity;
      }
    }
  });
}

/** The value of an operation that must succeed (in `history`); throws with the refusal if not. */
export function must<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`${outcome.error.kind}: ${outcome.error.message}`);
  return outcome.value;
}

function nameOf(i: number): string {
  const name = NAMES[i % NAMES.length]!;
  return i < NAMES.length ? name : `${name} (${Math.floor(i / NAMES.length) + 1})`;
}
