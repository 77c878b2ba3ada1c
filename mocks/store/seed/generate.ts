/**
 * The deterministic seed: a Defender XDR tenant's last 30 days of incidents, alerts, evidence and
 * activity logs, generated from a number. Same options → deep-equal state; nothing reads the
 * clock or Math.random. The state obeys the store's laws (ARCHITECTURE.md §4) from the start,
 * including incidents already merged away (redirected) with their logs copied into the target.
 * This file is the entry point: it tells each live incident's story and assembles the state;
 * the other files of this folder hold the parts the story draws on.
 */
import type { ActivityEntry } from '@/domain/activity';
import * as audit from '@/domain/audit';
import type { AlertSeverity } from '@/domain/enums';
import { autoIncidentName } from '@/domain/naming';
import { deriveSeverity, SETTABLE_SEVERITIES } from '@/domain/severity';
import { GENERIC_COMMENTS, RESOLVING_COMMENTS, type AlertTemplate } from '../seed-data';
import {
  SCHEMA_VERSION,
  type AlertRecord,
  type CommentRecord,
  type IncidentRecord,
  type SeedSize,
  type StoreState,
} from '../types';
import { AlertMaker } from './alerts';
import { namingFacts, priorityScore, systemTagsOf, tally } from './derived';
import {
  assignDraft,
  classificationDrafts,
  commentDraft,
  copiedEntry,
  correlatedDraft,
  createdDraft,
  filed,
  lastModifier,
  latest,
  severityTrail,
  statusDraft,
  tagsDraft,
  type Draft,
} from './history';
import { buildInventory, type Inventory } from './inventory';
import { generateSource, type MergeStory } from './merges';
import { actorFor, GENERAL_ANALYSTS, GROUP_MEMBERS, nameOf, pickOwner } from './owners';
import { planIncidents, type Plan } from './plans';
import { Pools } from './pools';
import { guidOf, Rng } from './random';
import { relateSomeAlerts } from './relations';
import { SEED_SIZES, SEED_TENANT_ID, syncedWorkspace } from './tenant';
import { byTime, DAY, HOUR, iso, MINUTE } from './time';
import { customName, pickClassification, pickTags } from './triage';

export type SeedOptions = {
  seed: number;
  size: SeedSize;
  now: Date;
  /** Told every few hundred incidents how far the generation is (it runs synchronously). */
  onProgress?: (done: number, total: number) => void;
};

/**
 * The version of what `generateSeed` makes. Stored demo data holds only what differs from it
 * (mocks/store/idb-records OVERLAY_LAYOUT), so records stored over one version's demo data cannot
 * be laid over another's: raise this whenever the output changes. tests/domain/seed.test.ts keeps
 * a fingerprint of each version's output and fails until you do; stored data of an older version
 * is then set aside on opening, with a notice, and the demo data starts over.
 */
export const SEED_GENERATOR_VERSION = 1;

/** How many incidents are generated between two progress reports. */
const PROGRESS_EVERY = 250;

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

// ------------------------------------------------------------------ the generator

class SeedGenerator {
  private readonly rng: Rng;
  private readonly nowMs: number;
  private readonly inv: Inventory;
  private readonly alertMaker: AlertMaker;
  private readonly incidents: IncidentRecord[] = [];
  private readonly drafts: Draft[][] = [];

  constructor(private readonly options: SeedOptions) {
    this.rng = new Rng(options.seed);
    this.nowMs = options.now.getTime();
    this.inv = buildInventory(this.rng, SEED_SIZES[options.size].incidents, this.nowMs);
    this.alertMaker = new AlertMaker(this.rng, this.nowMs);
  }

  run(): StoreState {
    const plans = planIncidents(this.rng, SEED_SIZES[this.options.size].incidents, this.nowMs);
    const { onProgress } = this.options;
    plans.forEach((plan, i) => {
      if (plan.status !== 'redirected') this.generateLive(plan);
      if (onProgress && (i + 1) % PROGRESS_EVERY === 0) onProgress(i + 1, plans.length);
    });
    onProgress?.(plans.length, plans.length);
    return this.assemble(plans);
  }

  // ---------------------------------------------------------------- one live incident

  private generateLive(plan: Plan): void {
    const { rng, nowMs } = this;
    const pools = new Pools(rng, this.inv, plan);
    const sourcePlan = plan.mergedFrom;
    const fromSource = sourcePlan ? plan.sourceAlertCount : 0;

    // Creation times (ms) travel beside the alerts so nothing parses ISO strings back.
    const ownTimes = this.alertMaker.alertTimes(plan.t0, plan.alertCount - fromSource);
    const ownTemplates = this.alertMaker.chooseTemplates(plan, ownTimes.length);
    const own = ownTimes.map((t, i) =>
      this.alertMaker.makeAlert(plan, plan.id, pools, ownTemplates[i] as AlertTemplate, t),
    );
    let moved: AlertRecord[] = [];
    let movedTimes: number[] = [];
    if (sourcePlan) {
      movedTimes = this.alertMaker.alertTimes(sourcePlan.t0, fromSource);
      const templates = this.alertMaker.chooseTemplates(plan, movedTimes.length);
      moved = movedTimes.map((t, i) =>
        this.alertMaker.makeAlert(plan, plan.id, pools, templates[i] as AlertTemplate, t),
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
    const owner = pickOwner(rng, plan.status, mdeOnly);
    const actor = actorFor(rng, owner, mdeOnly);
    const previousOwner =
      owner && owner.id !== 'tier1@contoso.com' && owner.id !== 'SOC Tier 1' && rng.chance(0.15)
        ? rng.pick(['tier1@contoso.com', 'SOC Tier 1'])
        : null;
    const classification = pickClassification(rng, plan);
    const customTags = pickTags(rng, plan, classification?.determination ?? null);

    // The incident merged into this one: its own story happens first, up to the merge.
    let merge: MergeStory | null = null;
    if (sourcePlan) {
      merge = generateSource(
        rng,
        nowMs,
        sourcePlan,
        plan,
        autoName,
        moved,
        movedTimes,
        previousOwner ? null : owner,
      );
      this.incidents[sourcePlan.index] = merge.record;
      this.drafts[sourcePlan.index] = merge.drafts;
    }
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
        drafts.push(filed(t, actor, audit.severitySet(before, story.severity)));
      });
    }
    if (plan.customName) {
      events.push((t) => {
        const name = customName(rng, plan.theme, pools, summary);
        drafts.push(filed(t, actor, audit.displayNameChanged(story.displayName, name)));
        story.displayName = name;
      });
    }
    if (customTags.length) events.push((t) => drafts.push(...tagsDraft(t, actor, [], customTags)));
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
    drafts.push(...severityTrail(arrivals, story.byHandAt));

    this.alertMaker.finishAlerts(
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
      const target = { id: plan.id, displayName: story.displayName };
      drafts.push(
        filed(
          merge.at,
          merge.by,
          audit.incidentsMerged(
            target,
            [src],
            moved.map((a) => a.id),
            [],
            merge.reason,
          ),
        ),
      );
      if (merge.reason) {
        story.comments.push({
          comment: merge.reason,
          createdByDisplayName: merge.by,
          createdDateTime: iso(merge.at),
        });
        drafts.push(
          filed(merge.at, merge.by, audit.mergeCommented(nameOf(merge.by), merge.reason)),
        );
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
      // Derived from the alerts when read (src/domain/naming.ts), so it never goes stale.
      summary: null,
      description: rng.chance(0.5) ? plan.theme.description : null,
      priorityScore: priorityScore(rng, story.severity, systemTags),
      nameIsAutomatic: !plan.customName,
      severitySetByHand: plan.severityByHand,
      workspace: { ...(plan.workspace ?? syncedWorkspace(plan.id)) },
      armName: guidOf(`incident:${plan.id}`),
      provider: plan.workspace ? 'sentinel' : 'defender',
      version: plan.index + 1,
    };
    this.drafts[plan.index] = drafts;
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
    const state: StoreState = {
      schemaVersion: SCHEMA_VERSION,
      seed: {
        seed: this.options.seed,
        size: this.options.size,
        now: this.options.now.toISOString(),
      },
      incidents,
      alerts: this.alertMaker.alerts,
      activities,
      relations: [],
      counters: {
        incident: plans.length + 1,
        alert: this.alertMaker.count + 1,
        activity: next,
        revision: plans.length,
      },
    };
    // Its own random stream, so the rest of the demo data does not depend on it.
    relateSomeAlerts(state, new Rng(this.options.seed ^ 0x5e1a7105), this.nowMs);
    return state;
  }
}

// ------------------------------------------------------------------ entry point

/** Generates the demo tenant's state. Same options → deep-equal state. */
export function generateSeed(options: SeedOptions): StoreState {
  return new SeedGenerator(options).run();
}
