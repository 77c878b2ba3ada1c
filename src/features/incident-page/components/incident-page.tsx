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
import {
  Navigate,
  useHref,
  useLinkClickHandler,
  useLocation,
  useNavigate,
  useParams,
  useRevalidator,
  useSearchParams,
} from 'react-router';
import { DismissRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { IncidentEntity } from '@/api/entities/entities-api';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { ErrorState, RefreshFailed } from '@/components/error-state';
import { RouterLink } from '@/components/router-link';
import { alertSources } from '@/domain/sources';
import type { Incident } from '@/domain/graph';
import {
  INCIDENT_TABS,
  incidentPath,
  investigatePath,
  isIncidentTab,
  MERGED_FROM,
  type IncidentTab,
} from '../incident-tabs';
import { useCurrentPersona } from '@/components/use-current-persona';
import { useHeldAlertCount, useIncidentEntities } from '@/components/use-incident-members';
import { accessHint, CAN_MANAGE_ANNOTATION } from '@/domain/identity';
import { IncidentActionsMenu } from './incident-actions-menu';
import { IncidentAlerts } from './incident-alerts';
import { IncidentAssets } from './incident-assets';
import { IncidentHeader } from './incident-header';
import { IncidentOverview } from './incident-overview';
import { useIncidentPageStyles } from './incident-page.styles';

export type IncidentPageProps = {
  /** Opens the activity-log panel (Actions → Activity log, the Summary's Comments and history). */
  onActivityLog: (incidentId: string) => void;
  /** Opens Manage incident for this incident. */
  onManageIncident: (incidentId: string) => void;
  /** Opens Merge incidents from this incident. */
  onMergeIncidents: (incidentId: string) => void;
  /**
   * The Actions menu opened: Investigate may come next, and the investigation graph's code and
   * data can start loading.
   */
  onPrepareInvestigation?: (incidentId: string) => void;
  /** Opens the move flyout for selected alerts. */
  onMoveAlerts: (incidentId: string, alertIds: string[]) => void;
  /** The Activity log tab's content (the app composes the activity-log feature). */
  renderActivityLog: (incidentId: string) => ReactNode;
  /** The Timeline card of an entity's side panel, on the Assets tab (the app composes it). */
  renderEntityTimeline: (incidentId: string, entity: IncidentEntity) => ReactNode;
  /** The Overview's Incident timeline widget (the app composes it). */
  renderIncidentTimeline: (incident: Incident) => ReactNode;
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

/**
 * A merged incident whose URL the route could not follow to the incident it was merged into (a
 * chain that does not end, or a target that cannot be read): say so, and offer to try again.
 */
function BrokenRedirect({ from }: { from: string }) {
  const revalidator = useRevalidator();
  return (
    <ErrorState
      actions={<RouterLink to="/incidents">Back to incidents</RouterLink>}
      error={
        new Error(
          `The merges starting at incident ${from} do not lead to an incident that can be opened.`,
        )
      }
      retrying={revalidator.state === 'loading'}
      title={`Incident ${from} was merged, but the incident it was merged into can't be opened`}
      onRetry={() => void revalidator.revalidate()}
    />
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

  // A refresh that fails keeps the page as it was loaded (and what is typed in it), and says so.
  const loaded = query.data !== undefined && !redirectTo;
  let body;
  if (redirectTo) {
    body = <BrokenRedirect from={incidentId} />;
  } else if (query.data !== undefined) {
    body = <LoadedIncident {...actions} incident={query.data} tab={tab} />;
  } else if (query.isPending) {
    body = <HeaderSkeleton incidentId={incidentId} />;
  } else {
    body = (
      <ErrorState
        actions={<RouterLink to="/incidents">Back to incidents</RouterLink>}
        error={query.error}
        retrying={query.isFetching}
        title={`Couldn't load incident ${incidentId}`}
        onRetry={() => void query.refetch()}
      />
    );
  }

  return (
    <div className={styles.root}>
      {/* React hoists it into the document's head while the page is shown. */}
      <title>{`${name} - Incidents - SOC incident console`}</title>
      <Breadcrumb aria-label="Breadcrumb" className={styles.breadcrumb} size="small">
        <BreadcrumbItem>
          <IncidentsCrumb />
        </BreadcrumbItem>
        <BreadcrumbDivider />
        <BreadcrumbItem>
          <BreadcrumbButton current>{name}</BreadcrumbButton>
        </BreadcrumbItem>
      </Breadcrumb>
      {loaded && <MergedNotice incidentId={incidentId} />}
      {!redirectTo && <RefreshFailed query={query} what={`incident ${incidentId}`} />}
      {body}
    </div>
  );
}

function LoadedIncident({
  incident,
  tab,
  onActivityLog,
  onManageIncident,
  onMergeIncidents,
  onMoveAlerts,
  onPrepareInvestigation,
  renderActivityLog,
  renderEntityTimeline,
  renderIncidentTimeline,
}: IncidentPageProps & { incident: Incident; tab: IncidentTab }) {
  const styles = useIncidentPageStyles();
  const navigate = useNavigate();
  const tabIdPrefix = useId('incident-tab');
  const incidentId = incident.id ?? '';
  const persona = useCurrentPersona();
  const entities = useIncidentEntities(incidentId);
  // Home and related alerts alike, as Sentinel counts them.
  const alertCount = useHeldAlertCount(incident);
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
            accessDenial={accessHint(
              persona,
              sources,
              'action',
              incident[CAN_MANAGE_ANNOTATION] === false,
            )}
            onActivityLog={() => onActivityLog(incidentId)}
            onInvestigate={() => void navigate(investigatePath(incidentId))}
            onManage={() => onManageIncident(incidentId)}
            onMerge={() => onMergeIncidents(incidentId)}
            onOpen={() => onPrepareInvestigation?.(incidentId)}
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
        {tab === 'overview' && (
          <IncidentOverview
            incident={incident}
            timeline={renderIncidentTimeline(incident)}
            onCommentsAndHistory={() => onActivityLog(incidentId)}
          />
        )}
        {tab === 'alerts' && (
          <IncidentAlerts
            incident={incident}
            onMoveAlerts={(ids) => onMoveAlerts(incidentId, ids)}
          />
        )}
        {tab === 'assets' && (
          <IncidentAssets incidentId={incidentId} renderEntityTimeline={renderEntityTimeline} />
        )}
        {tab === 'activity' && renderActivityLog(incidentId)}
      </div>
    </>
  );
}
