import { Tag, TagGroup } from '@fluentui/react-components';
import { ArrowEnterRegular } from '@fluentui/react-icons';
import { Fragment } from 'react';
import { CLASSIFICATION_LABELS, DETERMINATION_LABELS } from '@/domain/enums';
import type { AlertClassification, AlertDetermination } from '@/domain/enums';
import { distinctSetValues } from '@/domain/merge';
import type { MergePreview } from '../merge-preview';
import { useMergeIncidentsStyles } from './merge-incidents.styles';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The incident that will remain and why (the documented rule, not a guess). */
export function MergeTarget({ preview }: { preview: MergePreview }) {
  const styles = useMergeIncidentsStyles();
  const { target, targetReason, candidates } = preview;
  const others = candidates.length - 1;
  return (
    <div aria-label="Target incident" className={styles.target} role="group">
      <ArrowEnterRegular aria-hidden className={styles.targetIcon} />
      <div className={styles.targetText}>
        <span>
          Target: <span className={styles.targetName}>{target.displayName}</span> (ID {target.id})
        </span>
        <span>{targetReason}</span>
        <span className={styles.muted}>
          {others === 1
            ? 'The other incident is merged into it, then closed and redirected to it.'
            : `The other ${others} incidents are merged into it, then closed and redirected to it.`}
        </span>
      </div>
    </div>
  );
}

export type MergeEffectsProps = {
  preview: MergePreview;
  /** Distinct assets of all the incidents; undefined while counting, null when unknown. */
  assetCount: number | null | undefined;
};

/** What the target will hold after the merge: alerts, tags, assets, and the values it carries. */
export function MergeEffects({ preview, assetCount }: MergeEffectsProps) {
  const styles = useMergeIncidentsStyles();
  const { candidates, tags, alertTotal, alertsMoving } = preview;
  const carried = [
    ['Assigned to', distinctSetValues(candidates, 'assignedTo')[0]],
    [
      'Classification',
      CLASSIFICATION_LABELS[
        distinctSetValues(candidates, 'classification')[0] as AlertClassification
      ],
    ],
    [
      'Determination',
      DETERMINATION_LABELS[distinctSetValues(candidates, 'determination')[0] as AlertDetermination],
    ],
  ].filter((pair): pair is [string, string] => pair[1] !== undefined);

  return (
    <dl className={styles.facts}>
      <dt className={styles.factTerm}>Alerts</dt>
      <dd className={styles.factValue}>
        {plural(alertsMoving, 'alert moves', 'alerts move')} to the target; it will hold{' '}
        {plural(alertTotal, 'alert', 'alerts')}.
      </dd>
      <dt className={styles.factTerm}>Tags</dt>
      <dd className={styles.factValue}>
        {tags.length === 0 ? (
          <span className={styles.muted}>No custom tags</span>
        ) : (
          <TagGroup aria-label="Tags after merging" size="extra-small">
            {tags.map((tag) => (
              <Tag appearance="outline" key={tag} shape="rounded" value={tag}>
                {tag}
              </Tag>
            ))}
          </TagGroup>
        )}
      </dd>
      <dt className={styles.factTerm}>Assets</dt>
      <dd className={styles.factValue}>
        {assetCount === undefined ? (
          <span className={styles.muted}>Counting…</span>
        ) : assetCount === null ? (
          <span className={styles.muted}>Assets follow their alerts.</span>
        ) : (
          `${plural(assetCount, 'asset', 'assets')} (devices, users, mailboxes…) follow their alerts.`
        )}
      </dd>
      {carried.map(([label, value]) => (
        <Fragment key={label}>
          <dt className={styles.factTerm}>{label}</dt>
          <dd className={styles.factValue}>{value}</dd>
        </Fragment>
      ))}
      <dt className={styles.factTerm}>Activity log</dt>
      <dd className={styles.factValue}>
        The merge is logged on the target, and the other incidents&apos; entries are copied to it,
        each marked with the incident it came from.
      </dd>
    </dl>
  );
}
