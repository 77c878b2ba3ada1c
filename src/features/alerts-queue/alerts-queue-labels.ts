/**
 * The alerts queue's filter choices, in the order and words of Defender's alerts queue
 * (SPEC.md §12.6). Wire values come from src/domain; only the detection-source names, which the
 * domain does not label yet, are written here.
 */
import { DETECTION_SOURCE_LABELS } from '@/domain/detection-sources';
import {
  ALERT_STATUS_LABELS,
  CLASSIFICATION_LABELS,
  SEVERITY_LABELS,
  type AlertClassification,
  type AlertSeverity,
  type AlertStatus,
  type ServiceSource,
} from '@/domain/enums';
import { CATEGORY_LABELS } from '@/domain/naming';
import { PRODUCT_SOURCES, SOURCE_INFO } from '@/domain/sources';

/** A filter value as the URL writes it and as the portal names it. */
export type FilterOption<V extends string = string> = { value: V; label: string };

export type StatusFilterValue = Extract<AlertStatus, 'new' | 'inProgress' | 'resolved'>;
export type SeverityFilterValue = Extract<
  AlertSeverity,
  'high' | 'medium' | 'low' | 'informational'
>;
/** `unknown` stands for "Not set": Graph's `unknown`, or no classification at all. */
export type ClassificationFilterValue = Extract<
  AlertClassification,
  'unknown' | 'truePositive' | 'informationalExpectedActivity' | 'falsePositive'
>;
export type AssignmentFilterValue = 'me' | 'unassigned';

export const STATUS_OPTIONS: readonly FilterOption<StatusFilterValue>[] = (
  ['new', 'inProgress', 'resolved'] as const
).map((value) => ({ value, label: ALERT_STATUS_LABELS[value] }));

export const SEVERITY_OPTIONS: readonly FilterOption<SeverityFilterValue>[] = (
  ['high', 'medium', 'low', 'informational'] as const
).map((value) => ({ value, label: SEVERITY_LABELS[value] }));

export const SERVICE_SOURCE_OPTIONS: readonly FilterOption<ServiceSource>[] = PRODUCT_SOURCES.map(
  (value) => ({ value, label: SOURCE_INFO[value].label }),
);

/**
 * Alphabetical for these English labels without `localeCompare`: its first call sets up ICU's
 * collator, ~40 ms on the main thread while the app starts (this module loads with the router).
 */
const byLabel = (a: FilterOption, b: FilterOption) => {
  const x = a.label.toLowerCase();
  const y = b.label.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

export const DETECTION_SOURCE_OPTIONS: readonly FilterOption[] = Object.entries(
  DETECTION_SOURCE_LABELS,
)
  .filter(([value]) => value !== 'unknown' && value !== 'unknownFutureValue')
  .map(([value, label]) => ({ value, label }))
  .sort(byLabel);

export const CATEGORY_OPTIONS: readonly FilterOption[] = Object.entries(CATEGORY_LABELS)
  .map(([value, label]) => ({ value, label }))
  .sort(byLabel);

export const CLASSIFICATION_OPTIONS: readonly FilterOption<ClassificationFilterValue>[] = (
  ['unknown', 'truePositive', 'informationalExpectedActivity', 'falsePositive'] as const
).map((value) => ({ value, label: CLASSIFICATION_LABELS[value] }));

export const ASSIGNMENT_OPTIONS: readonly FilterOption<AssignmentFilterValue>[] = [
  { value: 'me', label: 'Assigned to me' },
  { value: 'unassigned', label: 'Unassigned' },
];
