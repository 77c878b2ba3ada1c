import {
  Breadcrumb,
  BreadcrumbButton,
  BreadcrumbDivider,
  BreadcrumbItem,
  Button,
  CounterBadge,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Skeleton,
  SkeletonItem,
  Tab,
  TabList,
  useId,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  Navigate,
  useHref,
  useLinkClickHandler,
  useLocation,
  useNavigate,
  useParams,
  useSearchParams,
} from 'react-router';
import { DismissRegular } from '@fluentui/react-icons';
import { entityQueries } from '@/api/entities/entity-queries';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { ErrorState } from '@/components/error-state';
import { RouterLink } from '@/components/router-link';
import { alertSources } from '@/domain/sources';
import type { Incident } from '@/domain/graph';
import { INCIDENT_TABS, incidentPath, isIncidentTab, type IncidentTab } from '../incident-tabs';
import { missingManageAccess, useCurrentPersona } from '@/components/use-current-persona';
import { IncidentActionsMenu } from './incident-actions-menu';
import { IncidentActivity } from './incident-activity';
import { IncidentAlerts } from './incident-alerts';
import { IncidentAssets } from './incident-assets';
import { IncidentHeader } from './incident-header';
import { IncidentOverview } from './incident-overview';
import { useIncidentPageStyles } from './incident-page.styles';

export type IncidentPageProps = {
  /** Opens Manage incident for this incident; until the app passes it, the item is disabled. */
  onManageIncident?: (incidentId: string) => void;
  /** Opens Merge incidents from this incident; until the app passes it, the item is disabled. */
  onMergeIncidents?: (incidentId: string) => void;
  /** Opens the move flyout for selected alerts; until the app passes it, the button is disabled. */
  onMoveAlerts?: (incidentId: string, alertIds: string[]) => void;
};

/** `/incidents/:id/:tab`: the incident page. An unknown tab becomes Overview. */
export function IncidentPage(props: IncidentPageProps) {
  const { id = '', tab } = useParams();
  const { search } = useLocation();
  if (!isIncidentTab(tab)) {
    return <Navigate replace to={{ pathname: incidentPath(id), search }} />;
  }
  return <IncidentPageContent {...props} incidentId={id} key={id} tab={tab} />;
}

function IncidentsCrumb() {
  const href = useHref('/incidents');
  const onClick = useLinkClickHandler<HTMLAnchorElement>('/incidents');
  return (
    <BreadcrumbButton as="a" href={href} onClick={onClick}>
      Incidents
    </BreadcrumbButton>
  );
}

function HeaderSkeleton({ incidentId }: { incidentId: string }) {
  const styles = useIncidentPageStyles();
  return (
    <div aria-busy="true" aria-label={`Loading incident ${incidentId}`} role="status">
      <Skeleton className={styles.headerSkeleton}>
        <SkeletonItem className={styles.skeletonTitle} size={28} />
        <div className={styles.skeletonFacts}>
          {Array.from({ length: 6 }, (_, i) => (
            <SkeletonItem key={i} size={32} />
          ))}
        </div>
      </Skeleton>
    </div>
  );
}

/** How many merges in a row the page follows before it gives up (a chain, or a cycle). */
const MAX_REDIRECTS = 10;

/** The query parameter naming the incidents that were merged into the one shown. */
const MERGED_FROM = 'mergedFrom';

/**
 * A merged incident's page takes the analyst to the incident it was merged into, following merge
 * after merge (SPEC.md §5.4: "any reference to it redirects to the target"), and says so there.
 */
function FollowRedirect({
  from,
  seen,
  tab,
  to,
}: {
  /** The id the analyst opened. */
  from: string;
  /** The ids passed through so far, to stop on a cycle. */
  seen: readonly string[];
  tab: IncidentTab;
  /** The incident the last one was merged into. */
  to: string;
}) {
  const { search } = useLocation();
  const query = useQuery(incidentQueries.detail(to));
  const next = query.data?.status === 'redirected' ? query.data.redirectIncidentId : undefined;
  const stuck = seen.includes(to) || seen.length >= MAX_REDIRECTS;

  if (query.isError || (query.isSuccess && next !== undefined && (stuck || !next))) {
    return (
      <ErrorState
        actions={<RouterLink to="/incidents">Back to incidents</RouterLink>}
        error={query.error ?? new Error(`The merges starting at incident ${from} do not end.`)}
        retrying={query.isFetching}
        title={`Incident ${from} was merged, but the incident it was merged into can't be opened`}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (query.isSuccess && next) {
    return <FollowRedirect from={from} seen={[...seen, to]} tab={tab} to={next} />;
  }
  if (query.isSuccess) {
    const params = new URLSearchParams(search);
    params.set(MERGED_FROM, from);
    return <Navigate replace to={{ pathname: incidentPath(to, tab), search: `?${params}` }} />;
  }
  return (
    <div aria-busy="true" role="status">
      Incident {from} was merged into incident {to}. Opening incident {to}…
    </div>
  );
}

/** "Incident X was merged into incident Y", after a merge or a redirect; dismissible. */
function MergedNotice({ incidentId }: { incidentId: string }) {
  const styles = useIncidentPageStyles();
  const [params, setParams] = useSearchParams();
  const from = (params.get(MERGED_FROM) ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '' && id !== incidentId);
  if (from.length === 0) return null;
  return (
    <MessageBar className={styles.notice} intent="info">
      <MessageBarBody>
        {from.length === 1
          ? `Incident ${from[0]} was merged into incident ${incidentId}.`
          : `Incidents ${from.join(', ')} were merged into incident ${incidentId}.`}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss"
            icon={<DismissRegular />}
            onClick={() =>
              setParams(
                (p) => {
                  p.delete(MERGED_FROM);
                  return p;
                },
                { replace: true },
              )
            }
          />
        }
      />
    </MessageBar>
  );
}

type ContentProps = IncidentPageProps & { incidentId: string; tab: IncidentTab };

function IncidentPageContent({ incidentId, tab, ...actions }: ContentProps) {
  const styles = useIncidentPageStyles();
  const query = useQuery(incidentQueries.detail(incidentId));
  const name = query.data?.displayName || `Incident ${incidentId}`;
  const redirectTo =
    query.data?.status === 'redirected' ? query.data.redirectIncidentId : undefined;

  useEffect(() => {
    const previous = document.title;
    document.title = `${name} - Incidents`;
    return () => {
      document.title = previous;
    };
  }, [name]);

  let body;
  if (redirectTo) {
    body = <FollowRedirect from={incidentId} seen={[incidentId]} tab={tab} to={redirectTo} />;
  } else if (query.isPending) {
    body = <HeaderSkeleton incidentId={incidentId} />;
  } else if (query.isError) {
    body = (
      <ErrorState
        actions={<RouterLink to="/incidents">Back to incidents</RouterLink>}
        error={query.error}
        retrying={query.isFetching}
        title={`Couldn't load incident ${incidentId}`}
        onRetry={() => void query.refetch()}
      />
    );
  } else {
    body = <LoadedIncident {...actions} incident={query.data} tab={tab} />;
  }

  return (
    <div className={styles.root}>
      <Breadcrumb aria-label="Breadcrumb" className={styles.breadcrumb} size="small">
        <BreadcrumbItem>
          <IncidentsCrumb />
        </BreadcrumbItem>
        <BreadcrumbDivider />
        <BreadcrumbItem>
          <BreadcrumbButton current>{name}</BreadcrumbButton>
        </BreadcrumbItem>
      </Breadcrumb>
      {!redirectTo && query.isSuccess && <MergedNotice incidentId={incidentId} />}
      {body}
    </div>
  );
}

function LoadedIncident({
  incident,
  tab,
  onManageIncident,
  onMergeIncidents,
  onMoveAlerts,
}: IncidentPageProps & { incident: Incident; tab: IncidentTab }) {
  const styles = useIncidentPageStyles();
  const navigate = useNavigate();
  const tabIdPrefix = useId('incident-tab');
  const incidentId = incident.id ?? '';
  const persona = useCurrentPersona();
  const entities = useQuery(entityQueries.all(incidentId));
  const alertCount = incident.alerts?.length ?? 0;
  const sources = alertSources(incident.alerts);
  const counts: Partial<Record<IncidentTab, number>> = {
    alerts: alertCount,
    assets: entities.data?.value.length,
  };

  const tabId = (value: IncidentTab) => `${tabIdPrefix}-${value}`;
  const panelId = `${tabIdPrefix}-panel`;

  return (
    <>
      <IncidentHeader
        actions={
          <IncidentActionsMenu
            accessDenial={missingManageAccess(persona, sources)}
            onActivityLog={() => void navigate(incidentPath(incidentId, 'activity'))}
            onManage={onManageIncident && (() => onManageIncident(incidentId))}
            onMerge={onMergeIncidents && (() => onMergeIncidents(incidentId))}
          />
        }
        incident={incident}
      />
      <TabList
        aria-label="Incident sections"
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) =>
          void navigate(incidentPath(incidentId, data.value as IncidentTab))
        }
      >
        {INCIDENT_TABS.map((t) => {
          const count = counts[t.value];
          return (
            <Tab
              aria-controls={t.value === tab ? panelId : undefined}
              id={tabId(t.value)}
              key={t.value}
              value={t.value}
            >
              {t.label}
              {count !== undefined && (
                <>
                  {' '}
                  <CounterBadge
                    appearance="ghost"
                    color="informative"
                    count={count}
                    overflowCount={999}
                    showZero
                    size="small"
                  />
                </>
              )}
            </Tab>
          );
        })}
      </TabList>
      <div aria-labelledby={tabId(tab)} className={styles.panel} id={panelId} role="tabpanel">
        {tab === 'overview' && <IncidentOverview incident={incident} />}
        {tab === 'alerts' && (
          <IncidentAlerts
            incident={incident}
            onMoveAlerts={onMoveAlerts && ((ids) => onMoveAlerts(incidentId, ids))}
          />
        )}
        {tab === 'assets' && <IncidentAssets incidentId={incidentId} />}
        {tab === 'activity' && <IncidentActivity incidentId={incidentId} />}
      </div>
    </>
  );
}
