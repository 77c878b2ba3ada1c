import { Dropdown, Field, Option } from '@fluentui/react-components';
import { CORRELATION_REASON_LABELS, type CorrelationReason } from '@/domain/correlation';

const CHOICES = Object.entries(CORRELATION_REASON_LABELS) as [CorrelationReason, string][];

export type MergeReasonsFieldProps = {
  value: CorrelationReason[];
  onChange: (reasons: CorrelationReason[]) => void;
  disabled?: boolean;
};

/** "Merge reasons": the portal's predefined reasons (correlationReason flags), several at once. */
export function MergeReasonsField({ value, onChange, disabled }: MergeReasonsFieldProps) {
  const shown = CHOICES.filter(([reason]) => value.includes(reason)).map(([, label]) => label);
  return (
    <Field hint="Optional. Why these incidents belong together." label="Merge reasons">
      <Dropdown
        disabled={disabled}
        multiselect
        placeholder="Select reasons"
        selectedOptions={value}
        value={shown.join(', ')}
        onOptionSelect={(_, data) => onChange(data.selectedOptions as CorrelationReason[])}
      >
        {CHOICES.map(([reason, label]) => (
          <Option key={reason} value={reason}>
            {label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
