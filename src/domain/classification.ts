import type { AlertClassification, AlertDetermination } from './enums';

/**
 * Which determinations go with which classification (portal pairing mapped to Graph names,
 * SPEC.md §2.6). `unknown`/null classification allows only `unknown`/null determination.
 */
export const DETERMINATIONS_BY_CLASSIFICATION: Record<
  'truePositive' | 'informationalExpectedActivity' | 'falsePositive',
  readonly AlertDetermination[]
> = {
  truePositive: [
    'multiStagedAttack',
    'maliciousUserActivity',
    'compromisedAccount',
    'malware',
    'phishing',
    'unwantedSoftware',
    'other',
  ],
  informationalExpectedActivity: [
    'securityTesting',
    'lineOfBusinessApplication',
    'confirmedActivity',
    'other',
  ],
  falsePositive: ['notMalicious', 'notEnoughDataToValidate', 'other'],
};

type Unset = null | undefined | 'unknown' | 'unknownFutureValue';
/** Whether a classification or determination is unset: null, absent, or Graph's "unknown". */
export const isUnset = (v: string | null | undefined): v is Unset =>
  v === null || v === undefined || v === 'unknown' || v === 'unknownFutureValue';

/** Allowed determinations for a classification (`[]`-free: unset classification allows only unset). */
export function determinationsFor(
  classification: AlertClassification | null | undefined,
): readonly AlertDetermination[] {
  if (isUnset(classification)) return ['unknown'];
  return DETERMINATIONS_BY_CLASSIFICATION[classification];
}

/**
 * Checks a classification/determination pair. Returns the analyst-readable problem, or
 * `undefined` when the pair is valid. An unset determination is always allowed (it can be
 * chosen later); the deprecated `apt` and `securityPersonnel` are not offered but tolerated
 * under `truePositive` / `informationalExpectedActivity` for old data.
 */
export function checkClassificationPair(
  classification: AlertClassification | null | undefined,
  determination: AlertDetermination | null | undefined,
): string | undefined {
  if (isUnset(determination)) return undefined;
  if (isUnset(classification)) {
    return `Determination '${determination}' needs a classification; classification is not set.`;
  }
  const allowed = determinationsFor(classification);
  if (allowed.includes(determination)) return undefined;
  if (classification === 'truePositive' && determination === 'apt') return undefined;
  if (classification === 'informationalExpectedActivity' && determination === 'securityPersonnel')
    return undefined;
  return `Determination '${determination}' is not valid for classification '${classification}'. Allowed: ${allowed.join(', ')}.`;
}

/**
 * The determination an incident or alert keeps when only its classification changes: the same
 * one while the pair stays valid, otherwise none (`null`). The store applies it to a PATCH that
 * sets only the classification; the forms apply it as the analyst picks one.
 */
export function determinationAfterReclassifying(
  classification: AlertClassification | null | undefined,
  determination: AlertDetermination | null | undefined,
): AlertDetermination | null {
  return checkClassificationPair(classification, determination) === undefined
    ? (determination ?? null)
    : null;
}
