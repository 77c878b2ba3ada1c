/**
 * What analysts decide about an incident as they work it: a classification and determination,
 * custom tags, and now and then a name of their own. The incident's story (generate.ts) decides
 * when each happens; what is decided depends only on the incident's plan and entities.
 */
import { DETERMINATIONS_BY_CLASSIFICATION } from '@/domain/classification';
import type { AlertClassification, AlertDetermination } from '@/domain/enums';
import { EXTRA_CUSTOM_TAGS, GENERIC_CUSTOM_NAMES, type Theme } from '../seed-data';
import type { Tally } from './derived';
import type { Plan } from './plans';
import type { Pools } from './pools';
import type { Rng } from './random';

export type Classified = { classification: AlertClassification; determination: AlertDetermination };

/** The tag analysts put on most incidents of a kind (campaign tracking, PCI scope…). */
const SIGNATURE_TAGS: Partial<Record<Theme['key'], string>> = {
  ransomware: 'Ransomware',
  phishing: 'Phishing campaign',
  dataLoss: 'PCI',
  bec: 'Escalated',
};

export function pickClassification(rng: Rng, plan: Plan): Classified | null {
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

export function pickTags(rng: Rng, plan: Plan, determination: AlertDetermination | null): string[] {
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

export function customName(rng: Rng, theme: Theme, pools: Pools, summary: Tally): string {
  const host = summary.firstDevice ? pools.hostOf(summary.firstDevice) : undefined;
  const userName = summary.firstUser ? pools.displayNameOf(summary.firstUser) : undefined;
  const fits = theme.customNames.filter(
    (n) => (!n.includes('{host}') || host) && (!n.includes('{user}') || userName),
  );
  const pattern = fits.length && rng.chance(0.9) ? rng.pick(fits) : rng.pick(GENERIC_CUSTOM_NAMES);
  return pattern
    .replace('{host}', host ?? '')
    .replace('{user}', userName ?? '')
    .replace('{dept}', pools.dept);
}
