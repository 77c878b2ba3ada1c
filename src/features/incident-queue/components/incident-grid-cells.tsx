/** The cells of the incident queue grid; each subscribes only to the state it shows. */
import { Badge, Button, Checkbox, mergeClasses, Spinner } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { IncidentStatusBadge } from '@/components/incident-status-badge';
import { RouterLink } from '@/components/router-link';
import { CLASSIFICATION_LABELS, DETERMINATION_LABELS } from '@/domain/enums';
import { sourceLabel } from '@/domain/sources';
import { expandedIncidents } from '../expanded-incidents-store';
import { incidentSelection } from '../incident-selection-store';
import { useIsMerging } from '../merging-incidents';
import type { QueueRow } from '../queue-rows';
import { useIncidentGridStyles } from './incident-grid.styles';

/** The id of an expanded row's alerts, for the expand button's `aria-controls`. */
export const alertsRowId = (incidentId: string) => `incident-${incidentId}-alerts`;

export function SelectIncidentCheckbox({ row }: { row: QueueRow }) {
  const checked = incidentSelection.useHas(row.id);
  const merging = useIsMerging(row.id);
  const { toggle } = incidentSelection.useActions();
  return (
    <Checkbox
      aria-label={`Select ${row.name}`}
      checked={checked}
      disabled={merging}
      onChange={(_, data) => toggle(row.id, data.checked === true)}
    />
  );
}

export function SelectPageCheckbox({ ids }: { ids: readonly string[] }) {
  const coverage = incidentSelection.useCoverage(ids);
  const { setMany } = incidentSelection.useActions();
  return (
    <Checkbox
      aria-label="Select all incidents on this page"
      checked={coverage === 'all' ? true : coverage === 'some' ? 'mixed' : false}
      disabled={ids.length === 0}
      onChange={() => setMany(ids, coverage !== 'all')}
    />
  );
}

export function ExpandButton({ row }: { row: QueueRow }) {
  const expanded = expandedIncidents.useHas(row.id);
  const { toggle } = expandedIncidents.useActions();
  return (
    <Button
      appearance="subtle"
      aria-controls={expanded ? alertsRowId(row.id) : undefined}
      aria-expanded={expanded}
      aria-label={`Alerts of ${row.name}`}
      icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
      size="small"
      onClick={() => toggle(row.id)}
    />
  );
}

export function IncidentNameLink({ row }: { row: QueueRow }) {
  const styles = useIncidentGridStyles();
  return (
    <RouterLink className={styles.text} to={`/incidents/${encodeURIComponent(row.id)}/overview`}>
      {row.name}
    </RouterLink>
  );
}

/** Text that ends in an ellipsis when the column is too narrow; the whole text stays readable. */
export function CellText({ children, muted = false }: { children: ReactNode; muted?: boolean }) {
  const styles = useIncidentGridStyles();
  const text = typeof children === 'string' ? children : undefined;
  return (
    <span className={mergeClasses(styles.text, muted && styles.muted)} title={text}>
      {children}
    </span>
  );
}

/** Tags shown in a row before the rest collapse into "+N" (all of them stay in the title). */
const VISIBLE_TAGS = 2;

export function TagsCell({ row }: { row: QueueRow }) {
  const styles = useIncidentGridStyles();
  const tags = [
    ...(row.incident.customTags ?? []).map((tag) => ({ tag, system: false })),
    ...(row.incident.systemTags ?? []).map((tag) => ({ tag, system: true })),
  ];
  if (tags.length === 0) return null;
  const hidden = tags.length - VISIBLE_TAGS;
  return (
    <span className={styles.tagList} title={tags.map((t) => t.tag).join(', ')}>
      {tags.slice(0, VISIBLE_TAGS).map(({ tag, system }) => (
        <Badge
          appearance={system ? 'tint' : 'outline'}
          className={styles.tag}
          color={system ? 'informative' : 'brand'}
          key={`${system ? 's' : 'c'}:${tag}`}
          shape="rounded"
          size="small"
        >
          <span className={styles.text}>{tag}</span>
        </Badge>
      ))}
      {hidden > 0 && (
        <Badge appearance="ghost" color="informative" shape="rounded" size="small">
          <span aria-hidden>+{hidden}</span>
          <span className={styles.visuallyHidden}>
            {tags
              .slice(VISIBLE_TAGS)
              .map((t) => t.tag)
              .join(', ')}
          </span>
        </Badge>
      )}
    </span>
  );
}

/** The status, or "Merging…" while a merge runs on the incident. */
export function StatusCell({ row }: { row: QueueRow }) {
  const styles = useIncidentGridStyles();
  if (useIsMerging(row.id)) {
    return (
      <Badge
        appearance="tint"
        className={styles.merging}
        color="informative"
        icon={<Spinner size="extra-tiny" />}
        shape="rounded"
      >
        Merging…
      </Badge>
    );
  }
  return <IncidentStatusBadge status={row.incident.status} />;
}

export function AssignedToCell({ row }: { row: QueueRow }) {
  const owner = row.incident.assignedTo;
  return owner ? <CellText>{owner}</CellText> : <CellText muted>Unassigned</CellText>;
}

export function ClassificationCell({ row }: { row: QueueRow }) {
  const value = row.incident.classification;
  if (!value || value === 'unknown' || value === 'unknownFutureValue') {
    return <CellText muted>{CLASSIFICATION_LABELS.unknown}</CellText>;
  }
  return <CellText>{CLASSIFICATION_LABELS[value]}</CellText>;
}

export function DeterminationCell({ row }: { row: QueueRow }) {
  const value = row.incident.determination;
  if (!value || value === 'unknown' || value === 'unknownFutureValue') {
    return <CellText muted>{DETERMINATION_LABELS.unknown}</CellText>;
  }
  return <CellText>{DETERMINATION_LABELS[value]}</CellText>;
}

export function SourcesCell({ row }: { row: QueueRow }) {
  if (row.sources.length === 0) return <CellText muted>—</CellText>;
  return <CellText>{row.sources.map(sourceLabel).join(', ')}</CellText>;
}
