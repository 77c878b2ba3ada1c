import { createHash } from 'node:crypto';
import type { MergeFacts } from '@/domain/audit';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORRELATION_ACTOR, type ActivityEntry } from '@/domain/activity';
import { checkClassificationPair } from '@/domain/classification';
import { EVIDENCE_TYPE } from '@/domain/graph';
import { autoIncidentName, derivedSummary } from '@/domain/naming';
import { deriveSeverity } from '@/domain/severity';
import { PRODUCT_SOURCES, SOURCE_INFO } from '@/domain/sources';
import { IncidentStore } from '@mocks/store/incident-store';
import { DIRECTORY } from '@mocks/store/personas';
import { generateSeed, SEED_GENERATOR_VERSION, type SeedOptions } from '@mocks/store/seed/generate';
import { SEED_SIZES } from '@mocks/store/seed/tenant';
import { storedStateProblem } from '@mocks/store/state-validation';
import { countEntities, summarize, summaryFacts } from '@mocks/store/summary';
import type { AlertRecord, IncidentRecord, StoreState } from '@mocks/store/types';

const NOW = new Date('2026-01-15T12:00:00.000Z');
const OPTIONS: SeedOptions = { seed: 20_260_101, size: 'default', now: NOW };
const THIRTY_DAYS_AGO = NOW.getTime() - 30 * 24 * 60 * 60 * 1000;
const EVIDENCE_TYPES = new Set<string>(Object.values(EVIDENCE_TYPE));

let state: StoreState;
let incidents: IncidentRecord[];
let live: IncidentRecord[];
let redirected: IncidentRecord[];
let alerts: AlertRecord[];
const alertsOf = new Map<string, AlertRecord[]>();

const ms = (iso: string | null | undefined) => Date.parse(iso as string);
const share = (n: number, of: number) => n / of;
const log = (id: string): readonly ActivityEntry[] => state.activities[id] ?? [];
const lastOf = (id: string, action: string) => log(id).findLast((e) => e.action === action);

beforeAll(() => {
  state = generateSeed(OPTIONS);
  incidents = Object.values(state.incidents);
  live = incidents.filter((i) => i.status !== 'redirected');
  redirected = incidents.filter((i) => i.status === 'redirected');
  alerts = Object.values(state.alerts);
  for (const a of alerts) {
    const list = alertsOf.get(a.incidentId) ?? [];
    list.push(a);
    alertsOf.set(a.incidentId, list);
  }
});

describe('generateSeed: determinism and size', () => {
  it('reports its progress as it generates, and the progress changes nothing', () => {
    const reports: [number, number][] = [];
    const reported = generateSeed({
      ...OPTIONS,
      onProgress: (done, total) => reports.push([done, total]),
    });
    const total = SEED_SIZES.default.incidents;
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.every(([, t]) => t === total)).toBe(true);
    expect(reports.map(([done]) => done)).toEqual(
      [...reports.map(([done]) => done)].sort((a, b) => a - b),
    );
    expect(reports.at(-1)).toEqual([total, total]);
    expect(reported).toEqual(state);
  });

  /**
   * What each version of the generator makes (SEED_GENERATOR_VERSION): stored demo data is laid
   * over it, so a change of the output must come with a new version (and its fingerprint here).
   */
  const FINGERPRINTS: Record<number, string> = {
    1: '6e295130a3cc825122383f57bddf39a1d430487b41892037e22a83d1af329133',
  };

  it('passes the checks stored data goes through, which opening untouched demo data skips', () => {
    expect(storedStateProblem(state)).toBeNull();
  });

  it('makes what its version number says it makes (raise SEED_GENERATOR_VERSION when it changes)', () => {
    const fingerprint = createHash('sha256').update(JSON.stringify(state)).digest('hex');
    expect(fingerprint).toBe(FINGERPRINTS[SEED_GENERATOR_VERSION]);
  });

  it('gives a deep-equal state for the same options and a different one for another seed', () => {
    expect(generateSeed(OPTIONS)).toEqual(state);
    const other = generateSeed({ ...OPTIONS, seed: OPTIONS.seed + 1 });
    expect(Object.keys(other.alerts)).not.toEqual(Object.keys(state.alerts));
    expect(Object.values(other.incidents).map((i) => i.displayName)).not.toEqual(
      incidents.map((i) => i.displayName),
    );
  });

  it('records its options, relates a few alerts to a second incident, and sizes within 15% of the target', () => {
    expect(state.seed).toEqual({ seed: OPTIONS.seed, size: 'default', now: NOW.toISOString() });
    expect(state.relations.length).toBeGreaterThanOrEqual(10);
    for (const r of state.relations) {
      const related = state.incidents[r.incidentId]!;
      expect(related.status).not.toBe('redirected');
      expect(state.alerts[r.alertId]!.incidentId).not.toBe(r.incidentId);
      expect(state.alerts[r.alertId]!.workspace).toEqual(related.workspace);
      expect(
        state.activities[r.incidentId]!.some(
          (e) => e.action === 'alertRelated' && e.targetId === r.alertId,
        ),
      ).toBe(true);
    }
    const target = SEED_SIZES.default;
    expect(incidents).toHaveLength(target.incidents);
    expect(alerts.length).toBeGreaterThan(target.alerts * 0.85);
    expect(alerts.length).toBeLessThan(target.alerts * 1.15);
  });

  it('numbers incidents 1..N and sets counters past every id in use', () => {
    expect(
      Object.keys(state.incidents)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(incidents.map((_, i) => i + 1));
    expect(state.counters.incident).toBe(incidents.length + 1);
    const versions = incidents.map((i) => i.version);
    expect(Math.min(...versions)).toBeGreaterThanOrEqual(1);
    expect(new Set(versions).size).toBe(versions.length);
    expect(state.counters.revision).toBe(Math.max(...versions));
    expect(state.counters.alert).toBeGreaterThan(alerts.length);
    const entries = Object.values(state.activities).flat();
    const ids = entries.map((e) => Number(e.id.replace('act-', '')));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.min(...ids)).toBe(1);
    expect(state.counters.activity).toBe(Math.max(...ids) + 1);
  });
});

describe('generateSeed: alerts', () => {
  it('covers every product source, with ids in the source’s prefix and Defender’s shape', () => {
    const sources = new Set(alerts.map((a) => a.serviceSource));
    for (const source of PRODUCT_SOURCES) expect(sources, source).toContain(source);
    for (const a of alerts) {
      expect(
        SOURCE_INFO[a.serviceSource].prefixes.some((p) => a.id.startsWith(p)),
        a.id,
      ).toBe(true);
      if (a.serviceSource === 'microsoftSentinel') expect(a.id).toMatch(/^sn[0-9a-f-]{36}$/);
      else expect(a.id).toMatch(/^[a-z]{2}\d{18}_-?\d+$/);
      expect(a.alertWebUrl).toBe(`https://security.microsoft.com/alerts/${a.id}?tid=${a.tenantId}`);
      expect(a.incidentWebUrl).toContain(`/incidents/${a.incidentId}?tid=`);
      expect(a.providerAlertId).toBeTruthy();
      expect(a.title && a.description && a.recommendedActions && a.productName).toBeTruthy();
      expect(a.categories[0]).toBe(a.category);
      expect(a.detectionSource).toBeTruthy();
    }
    expect(new Set(alerts.map((a) => a.tenantId)).size).toBe(1);
  });

  it('uses every severity and keeps every home incident live', () => {
    const severities = new Set(alerts.map((a) => a.severity));
    for (const s of ['informational', 'low', 'medium', 'high']) expect(severities).toContain(s);
    for (const a of alerts) expect(state.incidents[a.incidentId]?.status).not.toBe('redirected');
  });

  it('gives each alert 1–5 pieces of typed evidence with the fields of SPEC §2.5', () => {
    const seen = new Set<string>();
    for (const a of alerts) {
      expect(a.evidence.length, a.id).toBeGreaterThanOrEqual(1);
      expect(a.evidence.length, a.id).toBeLessThanOrEqual(5);
      for (const e of a.evidence) {
        const type = e['@odata.type'];
        expect(EVIDENCE_TYPES, type).toContain(type);
        seen.add(type);
        expect(e.createdDateTime).toBe(a.createdDateTime);
        expect(e.remediationStatus && e.verdict && e.roles).toBeTruthy();
        const f = e as unknown as Record<string, unknown>;
        if (type === EVIDENCE_TYPE.device) {
          expect(f.deviceDnsName && f.hostName && f.mdeDeviceId && f.osPlatform).toBeTruthy();
          expect(f.rbacGroupName && f.riskScore && f.healthStatus).toBeTruthy();
        }
        if (type === EVIDENCE_TYPE.user || type === EVIDENCE_TYPE.mailbox) {
          const account = f.userAccount as Record<string, unknown>;
          expect(
            account.accountName && account.domainName && account.userPrincipalName,
          ).toBeTruthy();
          expect(account.displayName && account.azureAdUserId).toBeTruthy();
        }
        if (type === EVIDENCE_TYPE.mailbox) expect(f.primaryAddress).toBeTruthy();
        if (type === EVIDENCE_TYPE.ip) expect(f.ipAddress && f.countryLetterCode).toBeTruthy();
        if (type === EVIDENCE_TYPE.url) expect(f.url).toMatch(/^https:\/\//);
        if (type === EVIDENCE_TYPE.file) {
          const details = f.fileDetails as Record<string, unknown>;
          expect(
            details.sha1 && details.sha256 && details.fileName && details.filePath,
          ).toBeTruthy();
        }
        if (type === EVIDENCE_TYPE.process) {
          expect(f.processCommandLine && f.processId && f.imageFile).toBeTruthy();
        }
        if (type === EVIDENCE_TYPE.cloudApplication) expect(f.displayName && f.appId).toBeTruthy();
      }
    }
    expect(seen).toEqual(EVIDENCE_TYPES);
  });

  it('reuses entities between the alerts of an incident', () => {
    const overlapping = live.filter((i) =>
      summarize(alertsOf.get(i.id) ?? []).entities.some((e) => e.alertIds.length > 1),
    );
    expect(share(overlapping.length, live.length)).toBeGreaterThan(0.4);
  });
});

describe('generateSeed: incidents', () => {
  it('mixes statuses like a real queue', () => {
    const count = (s: string) => incidents.filter((i) => i.status === s).length;
    const n = incidents.length;
    expect(share(count('active'), n)).toBeGreaterThan(0.45);
    expect(share(count('active'), n)).toBeLessThan(0.65);
    expect(share(count('inProgress'), n)).toBeGreaterThan(0.17);
    expect(share(count('inProgress'), n)).toBeLessThan(0.33);
    expect(share(count('resolved'), n)).toBeGreaterThan(0.09);
    expect(share(count('resolved'), n)).toBeLessThan(0.21);
    expect(share(count('redirected'), n)).toBeGreaterThan(0.02);
    expect(share(count('redirected'), n)).toBeLessThan(0.08);
  });

  it('holds 1–12 alerts per live incident', () => {
    for (const i of live) {
      const n = alertsOf.get(i.id)?.length ?? 0;
      expect(n, i.id).toBeGreaterThanOrEqual(1);
      expect(n, i.id).toBeLessThanOrEqual(12);
    }
    const small = live.filter((i) => (alertsOf.get(i.id)?.length ?? 0) <= 3).length;
    const big = live.filter((i) => (alertsOf.get(i.id)?.length ?? 0) >= 8).length;
    expect(small).toBeGreaterThan(big);
  });

  it('derives severity from the alerts unless set by hand', () => {
    let byHand = 0;
    for (const i of live) {
      const derived = deriveSeverity((alertsOf.get(i.id) ?? []).map((a) => a.severity));
      if (i.severitySetByHand) {
        byHand += 1;
        expect(i.severity, i.id).not.toBe(derived);
        expect(lastOf(i.id, 'severityChanged')?.newValue).toBe(i.severity);
      } else expect(i.severity, i.id).toBe(derived);
    }
    expect(byHand).toBeGreaterThan(0);
    expect(new Set(live.map((i) => i.severity)).size).toBe(4);
  });

  it('names incidents automatically from their alerts, with a few custom names', () => {
    let custom = 0;
    for (const i of live) {
      if (!i.nameIsAutomatic) {
        custom += 1;
        expect(lastOf(i.id, 'displayNameChanged')?.newValue).toBe(i.displayName);
        continue;
      }
      const summary = summarize(alertsOf.get(i.id) ?? []);
      const counts = countEntities(summary.entities);
      const name = autoIncidentName({
        categories: summary.categories,
        devices: counts.device,
        users: counts.user,
        mailboxes: counts.mailbox,
        sources: summary.serviceSources,
      });
      expect(i.displayName, i.id).toBe(name);
    }
    expect(share(custom, incidents.length)).toBeGreaterThan(0.02);
    expect(share(custom, incidents.length)).toBeLessThan(0.09);
    expect(incidents.map((i) => i.displayName)).toContain(
      'Multi-stage incident on multiple endpoints reported by multiple sources',
    );
  });

  it('assigns to users, groups or nobody, and the alerts follow the incident', () => {
    const kind = new Map(DIRECTORY.map((p) => [p.id, p.kind]));
    const kinds = new Set(
      incidents.map((i) => (i.assignedTo === null ? 'none' : kind.get(i.assignedTo))),
    );
    expect(kinds).toEqual(new Set(['user', 'group', 'none']));
    const unassigned = share(
      incidents.filter((i) => i.assignedTo === null).length,
      incidents.length,
    );
    expect(unassigned).toBeGreaterThan(0.3);
    expect(unassigned).toBeLessThan(0.5);
    const mine = (upn: string) => incidents.filter((i) => i.assignedTo === upn);
    expect(mine('analyst@contoso.com').length).toBeGreaterThan(10);
    expect(mine('endpoint.analyst@contoso.com').length).toBeGreaterThan(5);
    expect(mine('reader@contoso.com')).toHaveLength(0);
    for (const i of mine('endpoint.analyst@contoso.com')) {
      for (const a of alertsOf.get(i.id) ?? [])
        expect(a.serviceSource).toBe('microsoftDefenderForEndpoint');
    }
    for (const i of live) {
      for (const a of alertsOf.get(i.id) ?? [])
        expect(a.assignedTo ?? null, a.id).toBe(i.assignedTo);
      if (i.assignedTo) expect(lastOf(i.id, 'assignedToChanged')?.newValue).toBe(i.assignedTo);
    }
  });

  it('classifies with valid pairs only, about half of the incidents', () => {
    for (const i of incidents) {
      expect(checkClassificationPair(i.classification, i.determination), i.id).toBeUndefined();
      expect(i.classification === null, i.id).toBe(i.determination === null);
      if (i.classification) {
        expect(lastOf(i.id, 'classificationChanged')?.newValue).toBe(i.classification);
        expect(lastOf(i.id, 'determinationChanged')?.newValue).toBe(i.determination);
      }
    }
    for (const a of alerts)
      expect(checkClassificationPair(a.classification, a.determination)).toBeUndefined();
    const unset = share(
      incidents.filter((i) => i.classification === null).length,
      incidents.length,
    );
    expect(unset).toBeGreaterThan(0.35);
    expect(unset).toBeLessThan(0.65);
    expect(new Set(incidents.map((i) => i.classification))).toEqual(
      new Set([null, 'truePositive', 'falsePositive', 'informationalExpectedActivity']),
    );
  });

  it('resolves incidents with a note, a classification and resolved alerts', () => {
    const resolved = incidents.filter((i) => i.status === 'resolved');
    for (const i of resolved) {
      expect(i.resolvingComment, i.id).toBeTruthy();
      expect(i.classification, i.id).not.toBeNull();
      expect(lastOf(i.id, 'statusChanged')?.newValue).toBe('resolved');
      for (const a of alertsOf.get(i.id) ?? []) {
        expect(a.status).toBe('resolved');
        expect(ms(a.resolvedDateTime)).toBeGreaterThanOrEqual(ms(a.createdDateTime));
      }
    }
    for (const i of live.filter((x) => x.status !== 'resolved')) {
      expect(
        (alertsOf.get(i.id) ?? []).some((a) => a.status !== 'resolved'),
        i.id,
      ).toBe(true);
      if (i.status === 'inProgress')
        expect(lastOf(i.id, 'statusChanged')?.newValue).toBe('inProgress');
      expect(i.resolvingComment).toBeNull();
    }
  });

  it('tags incidents with custom and system tags', () => {
    const custom = new Set(incidents.flatMap((i) => i.customTags));
    const system = new Set(incidents.flatMap((i) => i.systemTags));
    for (const t of ['Phishing campaign', 'VIP', 'Ransomware', 'Escalated', 'Demo', 'PCI']) {
      expect(custom).toContain(t);
    }
    for (const t of ['AIR', 'Ransomware', 'Credential Phish', 'BEC Fraud', 'Attack disruption']) {
      expect(system).toContain(t);
    }
    for (const i of incidents) expect(new Set(i.customTags).size).toBe(i.customTags.length);
  });

  it('scores priority 0–100, loosely following severity', () => {
    const mean = (s: string) => {
      const xs = live.filter((i) => i.severity === s).map((i) => i.priorityScore as number);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    for (const i of live) {
      expect(i.priorityScore).toBeGreaterThanOrEqual(0);
      expect(i.priorityScore).toBeLessThanOrEqual(100);
      // The summary is derived from the alerts when read, unless an analyst wrote one.
      expect(i.summary).toBeNull();
      expect(derivedSummary(summaryFacts(summarize(alertsOf.get(i.id) ?? [])))).toBeTruthy();
    }
    expect(mean('high')).toBeGreaterThan(mean('medium'));
    expect(mean('medium')).toBeGreaterThan(mean('low'));
  });

  it("makes ~8% of incidents Sentinel's own, with their Sentinel alerts", () => {
    const sentinelOwn = incidents.filter((i) => i.provider === 'sentinel');
    expect(share(sentinelOwn.length, incidents.length)).toBeGreaterThan(0.04);
    expect(share(sentinelOwn.length, incidents.length)).toBeLessThan(0.12);
    for (const i of sentinelOwn) {
      const own = alertsOf.get(i.id) ?? [];
      const sentinel = own.filter((a) => a.serviceSource === 'microsoftSentinel');
      expect(sentinel.length * 2).toBeGreaterThan(own.length);
    }
  });

  it('syncs every incident into a workspace with its alerts, and each workspace holds both kinds', () => {
    const kinds = new Map<string, Set<string>>();
    for (const i of incidents) {
      expect(i.workspace?.resourceGroup).toBe('soc-rg');
      expect(i.workspace?.subscriptionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(i.armName).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      const ws = i.workspace?.workspaceName ?? '';
      kinds.set(ws, (kinds.get(ws) ?? new Set()).add(i.provider));
    }
    expect(kinds.size).toBeGreaterThanOrEqual(2);
    for (const seen of kinds.values()) expect([...seen].sort()).toEqual(['defender', 'sentinel']);
    for (const a of alerts) {
      expect(a.workspace).toEqual(state.incidents[a.incidentId]?.workspace);
      expect(a.systemAlertId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(new Set(alerts.map((a) => a.systemAlertId)).size).toBe(alerts.length);
  });
});

describe('generateSeed: dates', () => {
  it('keeps every date within the last 30 days and in order', () => {
    const now = NOW.getTime();
    const within = (iso: string | null | undefined, what: string) => {
      expect(ms(iso), what).toBeGreaterThanOrEqual(THIRTY_DAYS_AGO);
      expect(ms(iso), what).toBeLessThanOrEqual(now);
    };
    for (const a of alerts) {
      // canonical Graph/ISO form, as Date#toISOString writes it
      expect(new Date(a.createdDateTime).toISOString()).toBe(a.createdDateTime);
      within(a.firstActivityDateTime, a.id);
      expect(ms(a.firstActivityDateTime)).toBeLessThanOrEqual(ms(a.lastActivityDateTime));
      expect(ms(a.lastActivityDateTime)).toBeLessThanOrEqual(ms(a.createdDateTime));
      expect(ms(a.createdDateTime)).toBeLessThanOrEqual(ms(a.lastUpdateDateTime));
      within(a.lastUpdateDateTime, a.id);
      if (a.resolvedDateTime) within(a.resolvedDateTime, a.id);
    }
    for (const i of live) {
      const first = Math.min(...(alertsOf.get(i.id) ?? []).map((a) => ms(a.createdDateTime)));
      expect(ms(i.createdDateTime), i.id).toBe(first);
    }
    for (const i of incidents) {
      within(i.createdDateTime, i.id);
      within(i.lastUpdateDateTime, i.id);
      expect(ms(i.lastUpdateDateTime)).toBeGreaterThanOrEqual(ms(i.createdDateTime));
      const times = log(i.id).map((e) => ms(e.createdDateTime));
      expect(ms(i.lastUpdateDateTime)).toBe(Math.max(...times));
      for (const c of i.comments) within(c.createdDateTime, i.id);
    }
  });
});

describe('generateSeed: activity log', () => {
  it('logs creation, each correlated alert and each comment, oldest first', () => {
    for (const i of incidents) {
      const entries = log(i.id);
      const own = entries.filter((e) => e.originIncidentId === undefined);
      expect(own[0]?.action, i.id).toBe('incidentCreated');
      for (let k = 1; k < entries.length; k++) {
        expect(entries[k - 1]!.createdDateTime <= entries[k]!.createdDateTime, i.id).toBe(true);
      }
      for (const e of entries) {
        expect(e.incidentId).toBe(i.id);
        expect(e.description).toMatch(/\.$/);
        expect(e.performedBy).toBeTruthy();
      }
      for (const a of alertsOf.get(i.id) ?? []) {
        const entry = entries.find((e) => e.action === 'alertCorrelated' && e.targetId === a.id);
        expect(entry, a.id).toMatchObject({
          kind: 'audit',
          category: 'alert',
          targetType: 'alert',
          targetName: a.title,
          performedBy: CORRELATION_ACTOR,
        });
      }
      const commentEntries = entries.filter((e) => e.kind === 'comment' && !e.originIncidentId);
      expect(commentEntries.map((e) => e.comment).sort()).toEqual(
        i.comments.map((c) => c.comment).sort(),
      );
      for (const c of i.comments) expect(c.createdByDisplayName).toBeTruthy();
    }
    expect(incidents.some((i) => i.comments.length >= 2)).toBe(true);
  });
});

describe('generateSeed: merged (redirected) incidents', () => {
  it('obey the store’s laws and leave their story in the target', () => {
    expect(redirected.length).toBeGreaterThan(0);
    for (const source of redirected) {
      expect(alertsOf.get(source.id), source.id).toBeUndefined();
      expect(source.systemTags).toContain('Redirected');
      expect(source.customTags).toEqual([]);
      const target = state.incidents[source.redirectIncidentId as string];
      expect(target, source.id).toBeDefined();
      expect(target!.status).not.toBe('redirected');
      // merge preconditions held: owners equal or one side unassigned, nothing classified
      expect(source.assignedTo === null || source.assignedTo === target!.assignedTo).toBe(true);
      expect(source.classification).toBeNull();

      const targetLog = log(target!.id);
      const audit = targetLog.find(
        (e) =>
          e.action === 'incidentsMerged' &&
          (e.newValue as MergeFacts).sourceIncidentIds.includes(source.id),
      );
      expect(audit, source.id).toMatchObject({ kind: 'audit', category: 'merge' });
      expect(audit!.description).toContain(source.displayName);
      expect(audit!.description).toContain(source.id);
      expect([CORRELATION_ACTOR, ...DIRECTORY.map((p) => p.id)]).toContain(audit!.performedBy);
      expect(ms(audit!.createdDateTime)).toBe(ms(source.lastUpdateDateTime));

      const copies = targetLog.filter((e) => e.originIncidentId === source.id);
      const originals = log(source.id).filter((e) => e.category !== 'merge');
      expect(
        copies.map(({ action, createdDateTime, description }) => ({
          action,
          createdDateTime,
          description,
        })),
      ).toEqual(
        originals.map(({ action, createdDateTime, description }) => ({
          action,
          createdDateTime,
          description,
        })),
      );
      expect(log(source.id).at(-1)).toMatchObject({ category: 'merge', newValue: 'redirected' });
      // the source's alerts now live in the target and were correlated there first
      const moved = copies.filter((e) => e.action === 'alertCorrelated').map((e) => e.targetId);
      expect(moved.length).toBeGreaterThan(0);
      for (const id of moved) expect(state.alerts[id as string]?.incidentId).toBe(target!.id);
    }
  });
});

describe('generateSeed: plain data', () => {
  it('shares no object between two places of the state (edits cannot leak)', () => {
    const seen = new WeakSet<object>();
    let shared = 0;
    const walk = (value: unknown) => {
      if (value === null || typeof value !== 'object') return;
      if (seen.has(value)) {
        shared += 1;
        return;
      }
      seen.add(value);
      for (const child of Object.values(value)) walk(child);
    };
    walk(state);
    expect(shared).toBe(0);
  });
});

describe('generateSeed: the store accepts it', () => {
  it('builds an IncidentStore whose summaries match the alerts', () => {
    const store = new IncidentStore(state, { clock: () => NOW });
    for (const i of [...live.slice(0, 20), ...redirected.slice(0, 5)]) {
      const summary = store.summary(i.id);
      const related = state.relations.filter((r) => r.incidentId === i.id).length;
      expect(summary.alertCount).toBe((alertsOf.get(i.id)?.length ?? 0) + related);
      if (i.status === 'redirected') expect(store.finalIncidentId(i.id)).toBe(i.redirectIncidentId);
      else expect(summary.entities.length).toBeGreaterThan(0);
    }
  });
});

describe('generateSeed: large', () => {
  it('generates ≈10,000 incidents and ≈50,000 alerts', () => {
    const large = generateSeed({ ...OPTIONS, size: 'large' });
    const n = Object.keys(large.incidents).length;
    const m = Object.keys(large.alerts).length;
    expect(n).toBe(SEED_SIZES.large.incidents);
    expect(m).toBeGreaterThan(SEED_SIZES.large.alerts * 0.85);
    expect(m).toBeLessThan(SEED_SIZES.large.alerts * 1.15);
    const perIncident = new Map<string, number>();
    for (const a of Object.values(large.alerts)) {
      perIncident.set(a.incidentId, (perIncident.get(a.incidentId) ?? 0) + 1);
    }
    expect(Math.max(...perIncident.values())).toBeLessThanOrEqual(12);
  }, 60_000);
});
