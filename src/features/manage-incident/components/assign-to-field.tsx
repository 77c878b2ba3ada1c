import {
  Avatar,
  Button,
  Combobox,
  Field,
  Option,
  OptionGroup,
  Spinner,
} from '@fluentui/react-components';
import { PersonRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { personaQueries } from '@/api/personas/persona-queries';
import { useSessionUpn } from '@/api/session-store';
import type { Principal } from '@/domain/identity';
import { useManageFormStyles } from './manage-form.styles';

export type AssignToFieldProps = {
  bulk: boolean;
  disabled: boolean;
  /** The owner's UPN or group name; `null` unassigned; `undefined` no change (bulk). */
  value: string | null | undefined;
  onChange: (value: string | null | undefined) => void;
};

const matches = (p: Principal, text: string) =>
  p.displayName.toLowerCase().includes(text) || p.id.toLowerCase().includes(text);

/**
 * Assign to (seed 003): a type-ahead over the directory's users and groups, "Assign to me", and
 * the "x" that removes the owner. In bulk an empty box means "No change".
 */
export function AssignToField({ bulk, disabled, value, onChange }: AssignToFieldProps) {
  const styles = useManageFormStyles();
  const me = useSessionUpn();
  const directory = useQuery(personaQueries.all());
  const principals = directory.data?.directory ?? [];
  const nameOf = (id: string) =>
    principals.find((p) => p.id.toLowerCase() === id.toLowerCase())?.displayName ?? id;
  const [text, setText] = useState<string | undefined>(undefined);
  const shown = text ?? (value ? nameOf(value) : '');
  const needle = (text ?? '').trim().toLowerCase();
  const listed = principals.filter((p) => matches(p, needle));
  // An owner outside the directory (set by another tool) is still shown as an option.
  const unknownOwner =
    value && !principals.some((p) => p.id.toLowerCase() === value.toLowerCase()) ? value : null;

  const option = (p: Principal) => (
    <Option key={p.id} text={p.displayName} value={p.id}>
      <span className={styles.principal}>
        <Avatar
          aria-hidden
          color="colorful"
          icon={p.kind === 'group' ? <PersonRegular /> : undefined}
          name={p.displayName}
          shape={p.kind === 'group' ? 'square' : 'circular'}
          size={24}
        />
        <span className={styles.principalText}>
          <span>{p.displayName}</span>
          {p.kind === 'user' && <span className={styles.secondary}>{p.id}</span>}
        </span>
      </span>
    </Option>
  );
  const users = listed.filter((p) => p.kind === 'user');
  const groups = listed.filter((p) => p.kind === 'group');

  return (
    <Field
      hint={
        bulk
          ? value === undefined
            ? 'No change: each incident keeps its owner.'
            : undefined
          : 'Assigning an incident assigns its alerts too.'
      }
      label="Assign to"
      validationMessage={directory.isError ? "Couldn't load users and groups." : undefined}
      validationState={directory.isError ? 'warning' : undefined}
    >
      <div className={styles.assignRow}>
        <Combobox
          className={styles.grow}
          clearable
          // Fluent's clear icon is for the mouse only; make it a button keyboards reach too.
          clearIcon={{
            'aria-hidden': false,
            'aria-label': 'Remove assignment',
            role: 'button',
            tabIndex: value ? 0 : -1,
            onKeyDown: (event) => {
              if (event.key !== 'Enter' && event.key !== ' ') return;
              event.preventDefault();
              setText(undefined);
              onChange(bulk ? undefined : null);
            },
          }}
          disabled={disabled}
          placeholder={bulk ? 'No change' : 'Search users and groups'}
          selectedOptions={value ? [value] : []}
          value={shown}
          onBlur={() => setText(undefined)}
          onChange={(e) => setText(e.target.value)}
          onOptionSelect={(_, data) => {
            setText(undefined);
            onChange(data.optionValue ?? (bulk ? undefined : null));
          }}
        >
          {directory.isPending && <Spinner label="Loading users and groups…" size="tiny" />}
          {unknownOwner && (
            <Option key={unknownOwner} value={unknownOwner}>
              {unknownOwner}
            </Option>
          )}
          {users.length > 0 && <OptionGroup label="Users">{users.map(option)}</OptionGroup>}
          {groups.length > 0 && <OptionGroup label="Groups">{groups.map(option)}</OptionGroup>}
          {!directory.isPending && listed.length === 0 && (
            <div className={styles.noMatch}>No users or groups match &ldquo;{text}&rdquo;</div>
          )}
        </Combobox>
        <Button
          appearance="transparent"
          className={styles.assignMe}
          disabled={disabled || value?.toLowerCase() === me.toLowerCase()}
          onClick={() => {
            setText(undefined);
            onChange(me);
          }}
        >
          Assign to me
        </Button>
      </div>
    </Field>
  );
}
