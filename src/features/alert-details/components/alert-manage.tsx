import { isUnset } from '@/domain/classification';
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AlertPatch } from '@/api/alerts/alerts-api';
import { useSessionUpn } from '@/api/session-store';
import { ClassificationFields } from '@/components/classification-fields';
import {
  ALERT_STATUS_LABELS,
  type AlertClassification,
  type AlertDetermination,
  type AlertStatus,
} from '@/domain/enums';
import type { Alert } from '@/domain/graph';
import { useUpdateAlert } from '../api/use-update-alert';
import { AlertOwnerField } from './alert-owner-field';
import { useAlertManageStyles } from './alert-manage.styles';

/** What an analyst can set an alert's status to (seed wording). */
const STATUSES = ['new', 'inProgress', 'resolved'] as const satisfies readonly AlertStatus[];

/** The fields the panel manages, unset values as `null` / `'unknown'`. */
type Values = {
  status: AlertStatus;
  assignedTo: string | null;
  classification: AlertClassification;
  determination: AlertDetermination;
};

const unset = (v: string | null | undefined) => !v || isUnset(v);

function valuesOf(alert: Alert): Values {
  return {
    status: alert.status ?? 'unknown',
    assignedTo: alert.assignedTo || null,
    classification: unset(alert.classification) ? 'unknown' : alert.classification!,
    determination: unset(alert.determination) ? 'unknown' : alert.determination!,
  };
}

/** Only the fields that differ from the alert, as Graph takes them (unset → null). */
function patchOf(current: Values, next: Values): AlertPatch {
  const patch: AlertPatch = {};
  if (next.status !== current.status) patch.status = next.status;
  const owner = next.assignedTo?.trim() || null;
  if (owner !== current.assignedTo) patch.assignedTo = owner;
  if (next.classification !== current.classification) {
    patch.classification = next.classification === 'unknown' ? null : next.classification;
  }
  if (next.determination !== current.determination) {
    patch.determination = next.determination === 'unknown' ? null : next.determination;
  }
  return patch;
}

export type AlertManageProps = {
  alert: Alert;
  /** Why the persona can't change this alert; the controls are disabled and say so. */
  denial?: string;
};

/**
 * "Manage alert": status, owner, classification and determination, saved in one PATCH of the
 * changed fields. Shown at once, rolled back with the server's reason if refused.
 */
export function AlertManage({ alert, denial }: AlertManageProps) {
  const styles = useAlertManageStyles();
  const upn = useSessionUpn();
  const update = useUpdateAlert(alert);
  // Only what the analyst changed; everything else follows the alert as it refreshes.
  const [draft, setDraft] = useState<Partial<Values>>({});
  const [outcome, setOutcome] = useState<{ kind: 'saved' } | { kind: 'failed'; message: string }>();
  const current = valuesOf(alert);
  const values: Values = { ...current, ...draft };
  const patch = patchOf(current, values);
  const dirty = Object.keys(patch).length > 0;
  const disabled = denial !== undefined;

  const change = (next: Partial<Values>) => {
    setOutcome(undefined);
    setDraft((d) => ({ ...d, ...next }));
  };

  const save = () => {
    if (!dirty) return;
    setDraft({});
    setOutcome(undefined);
    update.mutateAsync(patch).then(
      () => setOutcome({ kind: 'saved' }),
      (error: unknown) => {
        // Give the analyst their choices back so they can fix and retry.
        setDraft((d) => ({ ...values, ...d }));
        setOutcome({
          kind: 'failed',
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
  };

  return (
    <form
      aria-label="Manage alert"
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      {denial && (
        <MessageBar intent="info">
          <MessageBarBody>{denial}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.grid}>
        <Field label="Status">
          <Dropdown
            disabled={disabled}
            selectedOptions={[values.status]}
            value={ALERT_STATUS_LABELS[values.status]}
            onOptionSelect={(_, data) => change({ status: data.optionValue as AlertStatus })}
          >
            {STATUSES.map((s) => (
              <Option key={s} value={s}>
                {ALERT_STATUS_LABELS[s]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <AlertOwnerField
          disabled={disabled}
          me={upn}
          value={values.assignedTo}
          onChange={(assignedTo) => change({ assignedTo })}
        />
        <ClassificationFields
          classification={values.classification}
          determination={values.determination}
          disabled={disabled}
          onChange={change}
        />
      </div>
      {outcome?.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Couldn&apos;t update the alert</MessageBarTitle>
            {outcome.message}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label="Dismiss"
                icon={<DismissRegular />}
                onClick={() => setOutcome(undefined)}
              />
            }
          />
        </MessageBar>
      )}
      {outcome?.kind === 'saved' && !update.isPending && (
        <MessageBar intent="success">
          <MessageBarBody>
            Alert updated. The change is in the incident&apos;s activity log.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.footer}>
        <Button
          appearance="primary"
          disabled={disabled || !dirty}
          icon={update.isPending ? <Spinner size="tiny" /> : undefined}
          type="submit"
        >
          Save
        </Button>
        <Button
          disabled={disabled || !dirty}
          onClick={() => {
            setDraft({});
            setOutcome(undefined);
          }}
        >
          Discard changes
        </Button>
        {dirty && (
          <span className={styles.changed}>
            {Object.keys(patch).length} unsaved change{Object.keys(patch).length === 1 ? '' : 's'}
          </span>
        )}
      </div>
    </form>
  );
}
