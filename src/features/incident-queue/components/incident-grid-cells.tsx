/** The cells of the incident queue grid; each subscribes only to the state it shows. */
import { isUnset } from '@/domain/classification';
import {
  Badge,
  Button,
  Checkbox,
  Link,
  mergeClasses,
  Spinner,
  type CheckboxProps,
} from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import {
  memo,
  useCallback,
  useContext,
  useRef,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { IncidentStatusBadge } from '@/components/incident-status-badge';
import { IncidentTags } from '@/components/incident-tags';
import { CLASSIFICATION_LABELS, DETERMINATION_LABELS } from '@/domain/enums';
import { sourceLabel } from '@/domain/sources';
import { expandedIncidents } from '../expanded-incidents-store';
import { incidentSelection } from '../incident-selection-store';
import { useIsMerging } from '../merging-incidents';
import type { QueueRow } from '../queue-rows';
import { useIncidentGridStyles } from './incident-grid.styles';
import { incidentPagePath, IncidentRowMenuContext } from './incident-row-menu';
import { incidentOf, RowPlaceContext, useAriaLabel } from './row-place';

/**
 * A row's checkbox, holding no incident of its own (its name is set by `useAriaLabel`), so it
 * renders again only when its tick or its merge does.
 */
const RowCheckbox = memo(function RowCheckbox({
  checked,
  disabled,
  inputRef,
}: {
  checked: boolean;
  disabled: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const { toggle } = incidentSelection.useActions();
  const onChange = useCallback<NonNullable<CheckboxProps['onChange']>>(
    (event, data) => toggle(incidentOf(event.currentTarget), data.checked === true),
    [toggle],
  );
  return <Checkbox checked={checked} disabled={disabled} ref={inputRef} onChange={onChange} />;
});

export function SelectIncidentCheckbox({ row }: { row: QueueRow }) {
  const checked = incidentSelection.useHas(row.id);
  const merging = useIsMerging(row.id);
  const inputRef = useRef<HTMLInputElement>(null);
  useAriaLabel(inputRef, `Select ${row.name}`);
  return <RowCheckbox checked={checked} disabled={merging} inputRef={inputRef} />;
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

const RowExpandButton = memo(function RowExpandButton({
  buttonRef,
  controls,
  expanded,
}: {
  buttonRef: RefObject<HTMLButtonElement | null>;
  controls: string;
  expanded: boolean;
}) {
  const { toggle } = expandedIncidents.useActions();
  const onClick = useCallback(
    (event: MouseEvent<HTMLButtonElement>) => toggle(incidentOf(event.currentTarget)),
    [toggle],
  );
  return (
    <Button
      appearance="subtle"
      aria-controls={expanded ? controls : undefined}
      aria-expanded={expanded}
      icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
      ref={buttonRef}
      size="small"
      onClick={onClick}
    />
  );
});

/** "Alerts of <name>": shows or hides the incident's alerts below its row. */
export function ExpandButton({ row }: { row: QueueRow }) {
  const expanded = expandedIncidents.useHas(row.id);
  const { alertsId } = useContext(RowPlaceContext);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useAriaLabel(buttonRef, `Alerts of ${row.name}`);
  return <RowExpandButton buttonRef={buttonRef} controls={alertsId} expanded={expanded} />;
}

/**
 * The incident's name, a link to its page. A plain Fluent Link rather than a router link: those
 * read the location, so every row's link rendered again on each sort or filter. A plain click
 * navigates inside the app; ctrl/middle clicks open a new tab from the href.
 */
export function IncidentNameLink({ row }: { row: QueueRow }) {
  const styles = useIncidentGridStyles();
  const { onOpenPage } = useContext(IncidentRowMenuContext);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    onOpenPage(row.id);
  };
  return (
    <Link
      className={mergeClasses(styles.text, styles.nameLink)}
      href={incidentPagePath(row.id)}
      onClick={onClick}
    >
      {row.name}
    </Link>
  );
}

/**
 * Text that ends in an ellipsis when the column is too narrow; the whole text stays readable.
 * Memoised: a row that shows another incident with the same text keeps it.
 */
export const CellText = memo(function CellText({
  children,
  muted = false,
}: {
  children: ReactNode;
  muted?: boolean;
}) {
  const styles = useIncidentGridStyles();
  const text = typeof children === 'string' ? children : undefined;
  return (
    <span className={mergeClasses(styles.text, muted && styles.muted)} title={text}>
      {children}
    </span>
  );
});

/** Tags shown in a row before the rest collapse into "+N" (all of them stay in the title). */
const VISIBLE_TAGS = 2;

export function TagsCell({ row }: { row: QueueRow }) {
  return <IncidentTags incident={row.incident} max={VISIBLE_TAGS} />;
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
  if (!value || isUnset(value)) {
    return <CellText muted>{CLASSIFICATION_LABELS.unknown}</CellText>;
  }
  return <CellText>{CLASSIFICATION_LABELS[value]}</CellText>;
}

export function DeterminationCell({ row }: { row: QueueRow }) {
  const value = row.incident.determination;
  if (!value || isUnset(value)) {
    return <CellText muted>{DETERMINATION_LABELS.unknown}</CellText>;
  }
  return <CellText>{DETERMINATION_LABELS[value]}</CellText>;
}

export function SourcesCell({ row }: { row: QueueRow }) {
  if (row.sources.length === 0) return <CellText muted>—</CellText>;
  return <CellText>{row.sources.map(sourceLabel).join(', ')}</CellText>;
}
