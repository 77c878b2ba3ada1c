import {
  Dropdown,
  Field,
  Input,
  Option,
  Switch,
  Textarea,
  mergeClasses,
} from '@fluentui/react-components';
import { ClassificationFields } from '@/components/classification-fields';
import { INCIDENT_STATUS_LABELS, SEVERITY_LABELS } from '@/domain/enums';
import { LIMITS } from '@/domain/limits';
import { SETTABLE_SEVERITIES } from '@/domain/severity';
import { NO_CHANGE, type ManageErrors, type ManageValues } from '../manage-form';
import { AssignToField } from './assign-to-field';
import { useManageFormStyles } from './manage-form.styles';
import { TagsField } from './tags-field';

const OPEN_STATUSES = ['active', 'inProgress'] as const;
const NO_CHANGE_LABEL = 'No change';

export type ManageIncidentFormProps = {
  bulk: boolean;
  disabled: boolean;
  errors: ManageErrors;
  values: ManageValues;
  onChange: (change: Partial<ManageValues>) => void;
};

/** A dropdown's shown text: the label of its value, or "No change" in bulk. */
function shown<T extends string>(labels: Record<T, string>, value: T | '') {
  return value === NO_CHANGE ? NO_CHANGE_LABEL : labels[value];
}

/**
 * The fields of the Manage incident pane, in the seed's order and wording. Controlled: the
 * drawer owns the values and decides what a save sends.
 */
export function ManageIncidentForm({
  bulk,
  disabled,
  errors,
  values,
  onChange,
}: ManageIncidentFormProps) {
  const styles = useManageFormStyles();
  const commentLength = values.resolvingComment.length;

  return (
    <div className={styles.form}>
      <div className={styles.section}>
        {!bulk && (
          <Field label="Incident name" required validationMessage={errors.displayName}>
            <Input
              disabled={disabled}
              maxLength={LIMITS.maxDisplayNameLength}
              value={values.displayName}
              onChange={(_, data) => onChange({ displayName: data.value })}
            />
          </Field>
        )}
        <Field label="Severity">
          <Dropdown
            disabled={disabled}
            selectedOptions={[values.severity]}
            value={
              values.severity === NO_CHANGE ? NO_CHANGE_LABEL : SEVERITY_LABELS[values.severity]
            }
            onOptionSelect={(_, data) =>
              onChange({ severity: (data.optionValue ?? NO_CHANGE) as ManageValues['severity'] })
            }
          >
            {bulk && <Option value={NO_CHANGE}>{NO_CHANGE_LABEL}</Option>}
            {SETTABLE_SEVERITIES.map((s) => (
              <Option key={s} value={s}>
                {SEVERITY_LABELS[s]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <TagsField
          bulk={bulk}
          disabled={disabled}
          error={errors.customTags}
          tags={values.customTags}
          onChange={(customTags) => onChange({ customTags })}
        />
        <AssignToField
          bulk={bulk}
          disabled={disabled}
          value={values.assignedTo}
          onChange={(assignedTo) => onChange({ assignedTo })}
        />
      </div>

      <div className={mergeClasses(styles.section, styles.divided)}>
        <Field
          hint={values.resolve ? 'A resolved incident has no other status.' : undefined}
          label="Status"
        >
          <Dropdown
            disabled={disabled || values.resolve}
            selectedOptions={values.resolve ? [] : [values.status]}
            value={
              values.resolve
                ? INCIDENT_STATUS_LABELS.resolved
                : shown(INCIDENT_STATUS_LABELS, values.status)
            }
            onOptionSelect={(_, data) =>
              onChange({ status: (data.optionValue ?? NO_CHANGE) as ManageValues['status'] })
            }
          >
            {bulk && <Option value={NO_CHANGE}>{NO_CHANGE_LABEL}</Option>}
            {OPEN_STATUSES.map((s) => (
              <Option key={s} value={s}>
                {INCIDENT_STATUS_LABELS[s]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <div className={styles.resolve}>
          <Switch
            checked={values.resolve}
            disabled={disabled}
            label="Resolve incident"
            onChange={(_, data) => onChange({ resolve: data.checked })}
          />
          {values.resolve && (
            <Field
              hint={`Resolving the incident also resolves its active alerts. ${commentLength.toLocaleString()} / ${LIMITS.maxCommentLength.toLocaleString()} characters.`}
              label="Comment"
              validationMessage={errors.resolvingComment}
            >
              <Textarea
                disabled={disabled}
                placeholder="Why the incident is resolved"
                resize="vertical"
                rows={3}
                value={values.resolvingComment}
                onChange={(_, data) => onChange({ resolvingComment: data.value })}
              />
            </Field>
          )}
        </div>
      </div>

      <div className={mergeClasses(styles.section, styles.divided)}>
        <div className={styles.section}>
          <ClassificationFields
            classification={values.classification}
            classificationError={errors.classification}
            determination={values.determination}
            determinationError={errors.determination}
            disabled={disabled}
            noChange={bulk}
            onChange={onChange}
          />
        </div>
      </div>
    </div>
  );
}
