import {
  Field,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
} from '@fluentui/react-components';
import { useState } from 'react';
import { CORRELATION_REASON_LABELS, type CorrelationReason } from '@/domain/correlation';

const OFFERED = Object.keys(CORRELATION_REASON_LABELS) as CorrelationReason[];
const labelOf = (reason: CorrelationReason) => CORRELATION_REASON_LABELS[reason] ?? reason;

export type CorrelationReasonsPickerProps = {
  value: readonly CorrelationReason[];
  onChange: (reasons: CorrelationReason[]) => void;
  disabled?: boolean;
};

/**
 * "Correlation reasons": why the alerts belong with their destination, picked from the reasons
 * the portal offers (sent as `newCorrelationReasons`). Type to filter; chosen ones become tags.
 */
export function CorrelationReasonsPicker({
  value,
  onChange,
  disabled,
}: CorrelationReasonsPickerProps) {
  const [query, setQuery] = useState('');
  const available = OFFERED.filter(
    (r) => !value.includes(r) && labelOf(r).toLowerCase().includes(query.trim().toLowerCase()),
  );

  return (
    <Field
      hint="Why these alerts belong with the destination incident. Recorded in its activity log."
      label="Correlation reasons"
    >
      <TagPicker
        disabled={disabled}
        selectedOptions={[...value]}
        onOptionSelect={(_, data) => {
          if (!data.value) return;
          onChange(OFFERED.filter((r) => data.selectedOptions.includes(r)));
          setQuery('');
        }}
      >
        <TagPickerControl>
          <TagPickerGroup aria-label="Chosen correlation reasons">
            {value.map((reason) => (
              <Tag key={reason} shape="rounded" value={reason}>
                {labelOf(reason)}
              </Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput
            aria-label="Correlation reasons"
            placeholder={value.length === 0 ? 'Choose one or more reasons' : undefined}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </TagPickerControl>
        <TagPickerList>
          {available.length > 0
            ? available.map((reason) => (
                <TagPickerOption key={reason} value={reason}>
                  {labelOf(reason)}
                </TagPickerOption>
              ))
            : value.length === OFFERED.length
              ? 'Every reason is chosen'
              : 'No reason matches'}
        </TagPickerList>
      </TagPicker>
    </Field>
  );
}
