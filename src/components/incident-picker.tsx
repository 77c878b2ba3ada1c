/**
 * "Incident name or ID": a type-ahead that searches the server as the analyst types (merge and
 * move destinations). It lists open incidents only (active or in progress: resolved and
 * merged ones can receive nothing), and leaves out those the caller says cannot be chosen.
 */
import { Combobox, Field, Option, Spinner } from '@fluentui/react-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { incidentQueries } from '@/api/incidents/incident-queries';
import type { IncidentListParams } from '@/api/incidents/incidents-api';
import { odataString } from '@/api/odata-query';
import type { Incident } from '@/domain/graph';
import { useIncidentPickerStyles } from './incident-picker.styles';
import { useDebouncedValue } from './use-debounced';

const SUGGESTIONS = 10;

/** The list request for a search text: open incidents whose name contains it or whose id is it. */
function incidentSearchParams(text: string): IncidentListParams {
  const open = "(status eq 'active' or status eq 'inProgress')";
  const term = text.trim();
  const literal = odataString(term);
  return {
    filter: term ? `${open} and (contains(displayName,${literal}) or id eq ${literal})` : open,
    orderby: 'lastUpdateDateTime desc',
    top: SUGGESTIONS,
    expand: 'alerts',
  };
}

export type IncidentPickerProps = {
  /** The field's label, e.g. "Incident name or ID". */
  label: string;
  /** The chosen incident, or null. */
  value: Incident | null;
  onChange: (incident: Incident | null) => void;
  /** Tells whether an incident may be offered (e.g. not this one, not one the persona cannot edit). */
  isEligible?: (incident: Incident) => boolean;
  /**
   * Why an offered incident cannot be chosen, or `undefined` when it can. Such matches stay in
   * the list, disabled, with the reason under their name (e.g. "Assigned to differs: …").
   */
  ineligibleReason?: (incident: Incident) => string | undefined;
  /** Empties the text after a choice, to pick several one after the other. @default false */
  clearOnSelect?: boolean;
  /** @default 'Type a name or an ID' */
  placeholder?: string;
  /** A hint under the field; by default, how many matches are left out. */
  hint?: string;
  /** A message under the field (e.g. why the choice cannot be used). */
  validationMessage?: string;
  validationState?: 'error' | 'warning' | 'success' | 'none';
  required?: boolean;
  disabled?: boolean;
};

/** A server-searched combobox of incidents, by name or id. */
export function IncidentPicker({
  label,
  value,
  onChange,
  isEligible,
  ineligibleReason,
  clearOnSelect = false,
  placeholder = 'Type a name or an ID',
  hint,
  validationMessage,
  validationState,
  required,
  disabled,
}: IncidentPickerProps) {
  const styles = useIncidentPickerStyles();
  const [text, setText] = useState(value ? (value.displayName ?? value.id ?? '') : '');
  const search = useDebouncedValue(text);
  const params = useMemo(() => incidentSearchParams(search), [search]);
  const results = useQuery({ ...incidentQueries.list(params), placeholderData: keepPreviousData });
  // Suggestions for an older text are never offered: a quick Enter must not pick one of them.
  const stale = text !== search || results.isPlaceholderData;
  const matches = useMemo(() => (stale ? [] : (results.data?.value ?? [])), [stale, results.data]);
  const options = useMemo(
    () => matches.filter((i) => !isEligible || isEligible(i)),
    [matches, isEligible],
  );
  const hidden = matches.length - options.length;
  const searching = results.isFetching || stale;

  return (
    <Field
      hint={
        hint ??
        (hidden === 0
          ? undefined
          : hidden === 1
            ? '1 match is not listed: it cannot be chosen here.'
            : `${hidden} matches are not listed: they cannot be chosen here.`)
      }
      label={label}
      required={required}
      validationMessage={validationMessage}
      validationState={validationState}
    >
      <Combobox
        clearable
        disabled={disabled}
        freeform
        placeholder={placeholder}
        selectedOptions={value?.id ? [value.id] : []}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (value) onChange(null);
        }}
        onOptionSelect={(_, data) => {
          const found = options.find((i) => i.id === data.optionValue) ?? null;
          const chosen = found && !ineligibleReason?.(found) ? found : null;
          setText(chosen && !clearOnSelect ? (chosen.displayName ?? chosen.id ?? '') : '');
          onChange(chosen);
        }}
      >
        {options.map((incident) => {
          const reason = ineligibleReason?.(incident);
          const name = `${incident.displayName ?? ''} (ID ${incident.id ?? ''})`;
          return (
            <Option
              disabled={reason !== undefined}
              key={incident.id}
              text={incident.displayName ?? incident.id ?? ''}
              value={incident.id ?? ''}
            >
              {reason === undefined ? (
                name
              ) : (
                <span className={styles.ineligible}>
                  <span>{name}</span>
                  <span className={styles.reason}>{reason}</span>
                </span>
              )}
            </Option>
          );
        })}
        {options.length === 0 && (
          <Option disabled text="" value="">
            {searching ? (
              <Spinner label="Searching…" size="tiny" />
            ) : results.isError ? (
              `Search failed: ${results.error.message}`
            ) : (
              'No incident matches that can be chosen'
            )}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
