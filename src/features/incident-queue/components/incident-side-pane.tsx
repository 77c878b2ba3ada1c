import {
  Badge,
  Button,
  DrawerBody,
  InlineDrawer,
  Skeleton,
  SkeletonItem,
  Tooltip,
  useId,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import {
  ArrowDownRegular,
  ArrowUpRegular,
  EditRegular,
  HistoryRegular,
  OpenRegular,
} from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import {
  memo,
  useEffect,
  useRef,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useNavigate } from 'react-router';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { AlertTitleLink } from '@/components/alert-title-link';
import { ErrorState } from '@/components/error-state';
import { IncidentStatusBadge } from '@/components/incident-status-badge';
import { IncidentTags } from '@/components/incident-tags';
import { SeverityBadge } from '@/components/severity-badge';
import { SideDrawerHeader } from '@/components/side-drawer';
import { useIncidentMembers } from '@/components/use-incident-members';
import { useLingeringRequest } from '@/components/use-lingering-request';
import { isUnset } from '@/domain/classification';
import {
  CLASSIFICATION_LABELS,
  DETERMINATION_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  SEVERITY_RANK,
} from '@/domain/enums';
import { mergedAwayDenial } from '@/domain/merge';
import { sourceLabel } from '@/domain/sources';
import { toQueueRow, type QueueRow } from '../queue-rows';
import { useIncidentSidePaneStyles } from './incident-side-pane.styles';

/** What the app wires into the pane: the manage-incident and activity-log features. */
export type IncidentPaneActions = {
  onManageIncidents: (incidentIds: string[]) => void;
  onActivityLog: (incidentId: string) => void;
};

/** Alerts the pane lists before "Open incident page" shows the rest. */
const FIRST_ALERTS = 5;

const numberFormat = new Intl.NumberFormat();

type Styles = ReturnType<typeof useIncidentSidePaneStyles>;

function Fact({ label, children, styles }: { label: string; children: ReactNode; styles: Styles }) {
  return (
    <>
      <dt className={styles.term}>{label}</dt>
      <dd className={styles.value}>{children}</dd>
    </>
  );
}

function PaneSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading incident" role="status">
      <Skeleton>
        <SkeletonItem size={24} />
        <SkeletonItem size={16} />
        <SkeletonItem size={16} />
        <SkeletonItem size={72} />
      </Skeleton>
    </div>
  );
}

function PaneContent({
  actions,
  readOnlyReason,
  row,
}: {
  actions: IncidentPaneActions;
  readOnlyReason: string | undefined;
  row: QueueRow;
}) {
  const styles = useIncidentSidePaneStyles();
  const navigate = useNavigate();
  const restoreFocusTarget = useRestoreFocusTarget();
  const { incident } = row;
  const alerts = useIncidentMembers(incident).members.map((m) => m.alert);
  const bySeverity = new Map<string, number>();
  const bySource = new Map<string, number>();
  for (const alert of alerts) {
    const severity = alert.severity ?? 'unknown';
    bySeverity.set(severity, (bySeverity.get(severity) ?? 0) + 1);
    const source = alert.serviceSource ? sourceLabel(alert.serviceSource) : 'Unknown';
    bySource.set(source, (bySource.get(source) ?? 0) + 1);
  }
  const severities = SEVERITIES.filter((s) => bySeverity.has(s)).sort(
    (a, b) => SEVERITY_RANK[b] - SEVERITY_RANK[a],
  );
  const sources = [...bySource].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  // The worst first, then the newest: what an analyst reads first.
  const first = [...alerts]
    .sort(
      (a, b) =>
        SEVERITY_RANK[b.severity ?? 'unknown'] - SEVERITY_RANK[a.severity ?? 'unknown'] ||
        (b.createdDateTime ?? '').localeCompare(a.createdDateTime ?? ''),
    )
    .slice(0, FIRST_ALERTS);
  const classification = incident.classification;
  const determination = incident.determination;
  const redirected = incident.status === 'redirected';
  const manageReason = readOnlyReason ?? (redirected ? mergedAwayDenial(incident) : undefined);

  return (
    <>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<OpenRegular />}
          onClick={() => void navigate(`/incidents/${encodeURIComponent(row.id)}/overview`)}
        >
          Open incident page
        </Button>
        {manageReason ? (
          <Tooltip content={manageReason} relationship="description" withArrow>
            <Button disabledFocusable icon={<EditRegular />}>
              Manage incident
            </Button>
          </Tooltip>
        ) : (
          <Button
            {...restoreFocusTarget}
            icon={<EditRegular />}
            onClick={() => actions.onManageIncidents([row.id])}
          >
            Manage incident
          </Button>
        )}
        <Button
          {...restoreFocusTarget}
          icon={<HistoryRegular />}
          onClick={() => actions.onActivityLog(row.id)}
        >
          Activity log
        </Button>
      </div>

      <section aria-labelledby="incident-pane-details" className={styles.section}>
        <h3 className={styles.heading} id="incident-pane-details">
          Incident details
        </h3>
        <dl className={styles.facts}>
          <Fact label="Incident ID" styles={styles}>
            {row.id}
          </Fact>
          <Fact label="Severity" styles={styles}>
            <SeverityBadge severity={incident.severity} />
          </Fact>
          <Fact label="Status" styles={styles}>
            <IncidentStatusBadge status={incident.status} />
          </Fact>
          <Fact label="Assigned to" styles={styles}>
            {incident.assignedTo || <span className={styles.muted}>Unassigned</span>}
          </Fact>
          <Fact label="Classification" styles={styles}>
            {!classification || isUnset(classification) ? (
              <span className={styles.muted}>{CLASSIFICATION_LABELS.unknown}</span>
            ) : (
              <>
                {CLASSIFICATION_LABELS[classification]}
                {determination && !isUnset(determination)
                  ? ` (${DETERMINATION_LABELS[determination]})`
                  : ''}
              </>
            )}
          </Fact>
          {incident.priorityScore != null && (
            <Fact label="Priority score" styles={styles}>
              {incident.priorityScore}
            </Fact>
          )}
          <Fact label="Tags" styles={styles}>
            <IncidentTags
              empty={<span className={styles.muted}>No tags</span>}
              incident={incident}
            />
          </Fact>
        </dl>
      </section>

      <section aria-labelledby="incident-pane-severity" className={styles.section}>
        <h3 className={styles.heading} id="incident-pane-severity">
          Alerts by severity
        </h3>
        {alerts.length === 0 ? (
          <span className={styles.muted}>This incident has no alerts.</span>
        ) : (
          <ul aria-labelledby="incident-pane-severity" className={styles.counts}>
            {severities.map((severity) => (
              <li className={styles.count} key={severity}>
                <Badge appearance="filled" color="informative" shape="rounded">
                  {numberFormat.format(bySeverity.get(severity) ?? 0)}
                </Badge>
                {SEVERITY_LABELS[severity]}
              </li>
            ))}
          </ul>
        )}
      </section>

      {sources.length > 0 && (
        <section aria-labelledby="incident-pane-sources" className={styles.section}>
          <h3 className={styles.heading} id="incident-pane-sources">
            Alerts by service source
          </h3>
          <ul aria-labelledby="incident-pane-sources" className={styles.counts}>
            {sources.map(([label, count]) => (
              <li className={styles.count} key={label}>
                <Badge appearance="filled" color="informative" shape="rounded">
                  {numberFormat.format(count)}
                </Badge>
                {label}
              </li>
            ))}
          </ul>
        </section>
      )}

      {first.length > 0 && (
        <section aria-labelledby="incident-pane-alerts" className={styles.section}>
          <h3 className={styles.heading} id="incident-pane-alerts">
            {alerts.length > first.length
              ? `First ${first.length} of ${numberFormat.format(alerts.length)} alerts`
              : 'Alerts'}
          </h3>
          <ul aria-labelledby="incident-pane-alerts" className={styles.alerts}>
            {first.map((alert) => (
              <li className={styles.alert} key={alert.id}>
                <AlertTitleLink
                  alertId={alert.id ?? ''}
                  className={styles.alertTitle}
                  title={alert.title || `Alert ${alert.id}`}
                />
                <SeverityBadge severity={alert.severity} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

export type IncidentSidePaneProps = {
  actions: IncidentPaneActions;
  /** The incident whose pane is open, or null. */
  openId: string | null;
  /** Why the persona may not change incidents, if so. */
  readOnlyReason: string | undefined;
  /** The incidents of the page, in the queue's order: ↑/↓ move through them. */
  rows: readonly QueueRow[];
  /**
   * Counts requests to move focus into the pane (the keyboard and the row menu open it, a mouse
   * click on a row leaves focus in the grid): each new value focuses the pane once it shows.
   */
  focusRequest?: number;
  onClose: () => void;
  /** Moves the pane to another incident of the page. */
  onMove: (incidentId: string) => void;
  /**
   * Focus was in the pane when it closed: put it back on the incident's row. Returns whether it
   * could (the incident may not be on the page); if not, focus goes to the page's main region.
   */
  onReturnFocus: (incidentId: string) => boolean;
};

/**
 * The incident's properties pane beside the queue (seed 003, "Properties pane of an incident in
 * the incident queue"): what the row shows and a little more, Open incident page, Manage
 * incident and Activity log. ↑/↓ (or the pane's arrows) move to the previous or next incident
 * of the page. An incident that is not on the page (a shared link) is read on its own.
 *
 * It sits beside the grid, not over it (Defender's pane): the queue stays visible and usable,
 * so a click on another row switches the pane and the rows can still be ticked. Escape or Close
 * closes it, and focus that was in it goes back to the incident's row.
 */
// Memoized: the page renders again for every change of its URL (a sort, a filter), which the
// pane does not show until the rows it moves through arrive.
export const IncidentSidePane = memo(function IncidentSidePane({
  actions,
  openId,
  readOnlyReason,
  rows,
  focusRequest = 0,
  onClose,
  onMove,
  onReturnFocus,
}: IncidentSidePaneProps) {
  const styles = useIncidentSidePaneStyles();
  const headingId = useId('incident-pane-title');
  const rootRef = useRef<HTMLDivElement>(null);
  const { shown: shownId } = useLingeringRequest(openId);
  const index = rows.findIndex((r) => r.id === shownId);
  const pageRow = index >= 0 ? rows[index] : undefined;
  const detail = useQuery({
    ...incidentQueries.detail(shownId ?? ''),
    enabled: shownId !== null && pageRow === undefined,
  });
  const row = pageRow ?? (detail.data ? toQueueRow(detail.data) : undefined);
  const previous = index > 0 ? rows[index - 1] : undefined;
  const next = index >= 0 && index < rows.length - 1 ? rows[index + 1] : undefined;
  const open = openId !== null;

  // Whether focus is in the pane: when it closes (Close, Escape, Back) that focus must not be
  // lost with it. Kept on focus events, as a removed element may take focus away silently.
  const focusInside = useRef(false);
  const lastOpen = useRef(openId);
  useEffect(() => {
    const closed = lastOpen.current;
    lastOpen.current = openId;
    if (openId !== null || closed === null || !focusInside.current) return;
    focusInside.current = false;
    const active = document.activeElement;
    const lost = !active || active === document.body || rootRef.current?.contains(active);
    if (lost && !onReturnFocus(closed)) document.querySelector<HTMLElement>('main')?.focus();
  }, [openId, onReturnFocus]);

  const handledFocusRequest = useRef(focusRequest);
  useEffect(() => {
    if (!open || focusRequest === handledFocusRequest.current) return;
    handledFocusRequest.current = focusRequest;
    rootRef.current?.focus();
  }, [focusRequest, open]);

  // The incident the pane is moving to. The router renders a move in a transition, so the URL can
  // name the next incident while this render still shows the one before: a second ↑/↓ pressed in
  // between goes on from where the pane is going, not from what it still shows.
  const movingTo = useRef<string | null>(null);
  useEffect(() => {
    if (movingTo.current === openId) movingTo.current = null;
  }, [openId]);
  const step = (by: -1 | 1) => {
    const from = rows.findIndex((r) => r.id === (movingTo.current ?? shownId));
    const to = from >= 0 ? rows[from + by] : undefined;
    if (!to) return false;
    movingTo.current = to.id;
    onMove(to.id);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.defaultPrevented) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // Arrow keys and Escape keep their meaning in a field, a menu or a list box.
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [role="menu"], [role="listbox"]')) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    const by = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : undefined;
    if (by === undefined) return;
    if (step(by)) event.preventDefault();
  };

  return (
    <InlineDrawer
      aria-labelledby={headingId}
      className={styles.pane}
      data-focus-home=""
      data-incident-pane=""
      open={open}
      position="end"
      ref={rootRef}
      role="region"
      tabIndex={-1}
      onBlur={(event: FocusEvent<HTMLDivElement>) => {
        if (!event.currentTarget.contains(event.relatedTarget)) focusInside.current = false;
      }}
      onFocus={() => {
        focusInside.current = true;
      }}
      onKeyDown={onKeyDown}
    >
      <SideDrawerHeader className={styles.title} headingId={headingId} onClose={onClose}>
        {row?.name ?? (detail.isError ? 'Incident' : 'Incident details')}
      </SideDrawerHeader>
      <DrawerBody className={styles.body}>
        {index >= 0 && (
          <div className={styles.position}>
            <span aria-live="polite">
              Incident {index + 1} of {rows.length} on this page
            </span>
            <span className={styles.spacer} />
            <Button
              appearance="subtle"
              aria-keyshortcuts="ArrowUp"
              aria-label="Previous incident"
              disabled={!previous}
              icon={<ArrowUpRegular />}
              size="small"
              onClick={() => step(-1)}
            />
            <Button
              appearance="subtle"
              aria-keyshortcuts="ArrowDown"
              aria-label="Next incident"
              disabled={!next}
              icon={<ArrowDownRegular />}
              size="small"
              onClick={() => step(1)}
            />
          </div>
        )}
        {row ? (
          <PaneContent actions={actions} key={row.id} readOnlyReason={readOnlyReason} row={row} />
        ) : detail.isError ? (
          <ErrorState
            error={detail.error}
            retrying={detail.isFetching}
            title={`Couldn't load incident ${shownId}`}
            onRetry={() => void detail.refetch()}
          />
        ) : (
          <PaneSkeleton />
        )}
      </DrawerBody>
    </InlineDrawer>
  );
});
