import { isUnset } from '@/domain/classification';
import { Dropdown, Field, Option } from '@fluentui/react-components';
import { determinationAfterReclassifying, determinationsFor } from '@/domain/classification';
import {
  CLASSIFICATION_LABELS,
  DETERMINATION_LABELS,
  type AlertClassification,
  type AlertDetermination,
} from '@/domain/enums';

/** `''` is "No change" (bulk editing): the field keeps each item's own value. */
export type NoChange = '';
const NO_CHANGE: NoChange = '';
const NO_CHANGE_LABEL = 'No change';

/** The classifications an analyst can choose ('unknown' is "Not set"). */
const CLASSIFICATIONS = [
  'unknown',
  'truePositive',
  'informationalExpectedActivity',
  'falsePositive',
] as const satisfies readonly AlertClassification[];

const notSet = (v: string) => isUnset(v);

/** A dropdown's shown text: the label of its value, or "No change". */
function shown<T extends string>(labels: Record<T, string>, value: T | NoChange) {
  return value === NO_CHANGE ? NO_CHANGE_LABEL : labels[value];
}

export type ClassificationFieldsProps<
  C extends AlertClassification | NoChange,
  D extends AlertDetermination | NoChange,
> = {
  classification: C;
  determination: D;
  disabled: boolean;
  /** Offer "No change" for the classification (bulk editing). */
  noChange?: boolean;
  classificationError?: string;
  determinationError?: string;
  /**
   * A new classification comes with the determination that goes with it: the current one if it
   * still fits, otherwise "Not set" ("No change" when the classification goes back to it).
   */
  onChange: (change: { classification?: C; determination: D }) => void;
};

/**
 * The Classification and Determination fields (seed wording). Determination offers only what
 * the chosen classification allows (`determinationsFor`), waits for a classification, and
 * still shows an older determination the portal no longer offers (apt, securityPersonnel).
 */
export function ClassificationFields<
  C extends AlertClassification | NoChange,
  D extends AlertDetermination | NoChange,
>({
  classification,
  determination,
  disabled,
  noChange = false,
  classificationError,
  determinationError,
  onChange,
}: ClassificationFieldsProps<C, D>) {
  const unclassified = classification === NO_CHANGE || notSet(classification);
  const allowed = unclassified ? [] : determinationsFor(classification);
  // Widened from the generic so that comparisons narrow it.
  const current: AlertDetermination | NoChange = determination;
  const determinations: AlertDetermination[] = [
    'unknown',
    ...allowed,
    ...(current !== NO_CHANGE && !notSet(current) && !allowed.includes(current) ? [current] : []),
  ];

  /** The determination to keep under a new classification. */
  const determinationAfter = (next: C): D => {
    if (next === NO_CHANGE) return NO_CHANGE as D;
    if (current === NO_CHANGE) return 'unknown' as D;
    return (determinationAfterReclassifying(next, current) ?? 'unknown') as D;
  };

  return (
    <>
      <Field label="Classification" validationMessage={classificationError}>
        <Dropdown
          disabled={disabled}
          selectedOptions={[classification]}
          value={shown(CLASSIFICATION_LABELS, classification)}
          onOptionSelect={(_, data) => {
            const next = (data.optionValue ?? NO_CHANGE) as C;
            onChange({ classification: next, determination: determinationAfter(next) });
          }}
        >
          {noChange && <Option value={NO_CHANGE}>{NO_CHANGE_LABEL}</Option>}
          {CLASSIFICATIONS.map((c) => (
            <Option key={c} value={c}>
              {CLASSIFICATION_LABELS[c]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field
        hint={
          classification !== NO_CHANGE && notSet(classification)
            ? 'Choose a classification first.'
            : undefined
        }
        label="Determination"
        validationMessage={determinationError}
      >
        <Dropdown
          disabled={disabled || unclassified}
          selectedOptions={[determination]}
          value={shown(DETERMINATION_LABELS, determination)}
          onOptionSelect={(_, data) =>
            onChange({ determination: (data.optionValue ?? 'unknown') as D })
          }
        >
          {determinations.map((d) => (
            <Option key={d} value={d}>
              {DETERMINATION_LABELS[d]}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </>
  );
}
