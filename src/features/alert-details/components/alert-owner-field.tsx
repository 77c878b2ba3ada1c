import { Button, Combobox, Field, Option, useId } from '@fluentui/react-components';
import { PeopleRegular, PersonRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { personaQueries } from '@/api/personas/persona-queries';
import { useAlertManageStyles } from './alert-manage.styles';

export type AlertOwnerFieldProps = {
  disabled: boolean;
  /** The current persona's UPN, for "Assign to me". */
  me: string;
  onChange: (assignedTo: string | null) => void;
  /** A UPN, a group name, or `null` when unassigned. */
  value: string | null;
};

/**
 * "Assigned to": a type-ahead over the directory's users and groups that also takes any name
 * typed in, with "Assign to me" and a clear button (seed 003, "Assign an incident").
 */
export function AlertOwnerField({ disabled, me, onChange, value }: AlertOwnerFieldProps) {
  const styles = useAlertManageStyles();
  const labelId = useId('alert-owner');
  const personas = useQuery(personaQueries.all());
  // What the analyst is typing; while unset the list shows everyone.
  const [typed, setTyped] = useState<string>();
  const directory = personas.data?.directory ?? [];
  const query = typed?.trim().toLowerCase() ?? '';
  const matches = query
    ? directory.filter(
        (p) => p.displayName.toLowerCase().includes(query) || p.id.toLowerCase().includes(query),
      )
    : directory;

  return (
    <Field label={{ children: 'Assigned to', id: labelId }}>
      <div className={styles.owner}>
        <Combobox
          aria-labelledby={labelId}
          className={styles.control}
          clearable
          disabled={disabled}
          freeform
          placeholder="Unassigned"
          selectedOptions={value ? [value] : []}
          value={typed ?? value ?? ''}
          onBlur={() => setTyped(undefined)}
          onChange={(event) => {
            const text = event.target.value;
            setTyped(text);
            onChange(text.trim() === '' ? null : text);
          }}
          onOptionSelect={(_, data) => {
            setTyped(undefined);
            onChange(data.optionValue ?? null);
          }}
        >
          {matches.map((p) => (
            <Option key={p.id} text={p.id} value={p.id}>
              <span className={styles.option}>
                {p.kind === 'group' ? <PeopleRegular aria-hidden /> : <PersonRegular aria-hidden />}
                <span>
                  {p.displayName}
                  {p.kind === 'user' && <span className={styles.optionId}> {p.id}</span>}
                </span>
              </span>
            </Option>
          ))}
          {matches.length === 0 && query && (
            <Option disabled text="" value="">
              {`No match in the directory; "${typed?.trim()}" will be used as typed`}
            </Option>
          )}
        </Combobox>
        <Button
          appearance="transparent"
          className={styles.assignToMe}
          disabled={disabled || value?.toLowerCase() === me.toLowerCase()}
          onClick={() => {
            setTyped(undefined);
            onChange(me);
          }}
        >
          Assign to me
        </Button>
      </div>
    </Field>
  );
}
