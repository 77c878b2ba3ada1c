/**
 * The tenant's alerts: which detections fire for an incident and when, each alert's Graph record
 * (ids in Defender's and Sentinel's shapes, links, MITRE techniques, evidence), and how its status,
 * owner and classification end up once the incident's story is known. One maker serves a whole
 * seed: it keeps alert ids unique across the tenant and holds every alert made, in the order
 * the state lists them.
 */
import type { AlertSeverity, AlertStatus } from '@/domain/enums';
import { SOURCE_INFO, sourceLabel } from '@/domain/sources';
import {
  ALERT_TEMPLATES,
  PRODUCT_NAMES,
  RECOMMENDED_ACTIONS,
  SENTINEL_MIX,
  type AlertTemplate,
} from '../seed-data';
import type { AlertRecord } from '../types';
import { evidenceOf } from './evidence';
import type { Owner } from './owners';
import type { Plan } from './plans';
import type { Pools } from './pools';
import { guidOf, type Rng } from './random';
import { SEED_TENANT_ID, SENTINEL_WORKSPACES, syncedWorkspace } from './tenant';
import { flat } from './text';
import { DAY, HOUR, iso, MINUTE } from './time';
import type { Classified } from './triage';

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

const PAD4 = Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, '0'));

/** Makes every alert of one seed; the generator asks it for each incident's alerts in turn. */
export class AlertMaker {
  private readonly alertIds = new Set<string>();
  /** Every alert made so far, by id, in the order they were finished. */
  readonly alerts: Record<string, AlertRecord> = {};
  private made = 0;

  constructor(
    private readonly rng: Rng,
    private readonly nowMs: number,
  ) {}

  get count(): number {
    return this.made;
  }

  /** Creation times of `count` alerts: the first at `t0`, the rest in a burst of up to two days. */
  alertTimes(t0: number, count: number): number[] {
    const { rng } = this;
    const room = (this.nowMs - t0) * 0.7;
    const span = Math.min(rng.int(10 * MINUTE, 48 * HOUR), room);
    const times = [t0];
    for (let i = 1; i < count; i++) times.push(t0 + Math.floor(rng.next() * span));
    return times.sort((a, b) => a - b);
  }

  /** The detections behind `count` alerts, led by one of the theme's entry detections. */
  chooseTemplates(plan: Plan, count: number): AlertTemplate[] {
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

  /** An alert as created: new, unassigned, unclassified until `finishAlerts` settles it. */
  makeAlert(
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
      evidence: evidenceOf(rng, pools, t, severity, createdIso, lastActivity),
      systemTags: t.incidentTags?.includes('Defender Experts') ? ['Defender Experts'] : [],
      tenantId: SEED_TENANT_ID,
      // Records never share objects: a store edit must not reach another record or a constant.
      workspace: { ...(plan.workspace ?? syncedWorkspace(incidentId)) },
      systemAlertId: guidOf(`alert:${id}`),
    };
    return alert;
  }

  /**
   * Statuses, owner, classification and update times of an incident's alerts once its story is
   * known; then files them with the seed's alerts.
   */
  finishAlerts(
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
      this.made++;
    }
  }
}

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

/** AIR runs on endpoint, email and XDR alerts; the rest do not support it. */
const AIR_SOURCES = new Set([
  'microsoftDefenderForEndpoint',
  'microsoftDefenderForOffice365',
  'microsoft365Defender',
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
