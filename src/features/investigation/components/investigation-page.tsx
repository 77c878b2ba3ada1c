import {
  Breadcrumb,
  BreadcrumbButton,
  BreadcrumbDivider,
  BreadcrumbItem,
  Skeleton,
  SkeletonItem,
  Spinner,
  ToggleButton,
  useId,
} from '@fluentui/react-components';
import { TextBulletListLtrRegular } from '@fluentui/react-icons';
import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { IncidentEntity } from '@/api/entities/entities-api';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { relationQueries } from '@/api/relations/relation-queries';
import type { EntityAlert } from '@/api/relations/relations-api';
import { EntityPanel } from '@/components/entity-panel';
import { ErrorState, RefreshFailed } from '@/components/error-state';
import { IncidentMembersError } from '@/components/incident-members-error';
import { RouterLink } from '@/components/router-link';
import { useIncidentEntities, useIncidentMembers } from '@/components/use-incident-members';
import type { Incident } from '@/domain/graph';
import {
  buildInvestigation,
  entityNodeId,
  type AlertNode,
  type EntityNode,
  type Exploration,
} from '../investigation-model';
import { countsText, describeNode } from '../investigation-text';
import { EXPLORE_PARAM, parseExplore, withExplored } from '../explore-param';
import { loadedInvestigationGraph, loadInvestigationGraph } from '../load-graph';
import type { InvestigationGraphViewProps } from './investigation-graph';
import { InvestigationList } from './investigation-list';
import { useInvestigationPageStyles } from './investigation-page.styles';
import {
  AlertActions,
  EntityActions,
  type AlertActionFlows,
  type ExplorationState,
} from './node-actions';

// Cytoscape.js and fcose come with the graph, in their own chunk: the list view needs neither.
const LazyGraphView = lazy(async () => ({
  default: (await loadInvestigationGraph()).InvestigationGraphView,
}));

/**
 * The graph's canvas, rendered at once when its chunk is already in (the route's loader waits
 * for it): a lazy component suspends at least once, and a fallback shown even for a frame holds
 * the graph back by React's reveal throttle (up to 300 ms).
 */
function GraphView(props: InvestigationGraphViewProps) {
  const module = loadedInvestigationGraph();
  return module ? <module.InvestigationGraphView {...props} /> : <LazyGraphView {...props} />;
}

export type InvestigationPageProps = AlertActionFlows & {
  /** The Timeline card of an entity's side pane (the app composes it). */
  renderEntityTimeline: (incidentId: string, entity: IncidentEntity) => ReactNode;
};

/** The query parameter of the list view (`?view=list`), so it can be bookmarked too. */
const VIEW_PARAM = 'view';

/** `/incidents/:id/investigate`: the investigation graph of an incident (seed 004). */
export function InvestigationPage(props: InvestigationPageProps) {
  const { id = '' } = useParams();
  return <InvestigationContent {...props} incidentId={id} key={id} />;
}

function Crumbs({ incidentId, name }: { incidentId: string; name: string }) {
  const styles = useInvestigationPageStyles();
  return (
    <Breadcrumb aria-label="Breadcrumb" className={styles.breadcrumb} size="small">
      <BreadcrumbItem>
        <RouterLink to="/incidents">Incidents</RouterLink>
      </BreadcrumbItem>
      <BreadcrumbDivider />
      <BreadcrumbItem>
        <RouterLink to={`/incidents/${encodeURIComponent(incidentId)}/overview`}>{name}</RouterLink>
      </BreadcrumbItem>
      <BreadcrumbDivider />
      <BreadcrumbItem>
        <BreadcrumbButton current>Investigate</BreadcrumbButton>
      </BreadcrumbItem>
    </Breadcrumb>
  );
}

function InvestigationContent({
  incidentId,
  ...slots
}: InvestigationPageProps & { incidentId: string }) {
  const styles = useInvestigationPageStyles();
  const query = useQuery(incidentQueries.detail(incidentId));
  const name = query.data?.displayName || `Incident ${incidentId}`;
  // A refresh that fails keeps the graph as it was drawn, and says so.
  let body;
  if (query.data !== undefined) {
    body = <Investigation {...slots} incident={query.data} />;
  } else if (query.isPending) {
    body = (
      <div aria-busy="true" aria-label={`Loading incident ${incidentId}`} role="status">
        <Skeleton>
          <SkeletonItem size={28} />
        </Skeleton>
      </div>
    );
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
      <title>{`Investigate ${name} - Incidents - SOC incident console`}</title>
      <Crumbs incidentId={incidentId} name={name} />
      <RefreshFailed query={query} what={`incident ${incidentId}`} />
      {body}
    </div>
  );
}

const noAlerts: EntityAlert[] = [];

function Investigation({
  incident,
  renderEntityTimeline,
  addAlert,
  removeAlert,
}: InvestigationPageProps & { incident: Incident }) {
  const styles = useInvestigationPageStyles();
  const headingId = useId('investigation-heading');
  const incidentId = incident.id ?? '';
  const [params, setParams] = useSearchParams();
  const listView = params.get(VIEW_PARAM) === 'list';
  const members = useIncidentMembers(incident);
  const entities = useIncidentEntities(incidentId);
  // The explored entities come from the URL; those the incident does not name are ignored.
  const exploreKey = params.getAll(EXPLORE_PARAM).join('\n');
  const entityList = entities.data?.value;
  const explored = useMemo(() => {
    const known = new Set((entityList ?? []).map(entityNodeId));
    return parseExplore(new URLSearchParams(params)).filter(
      (e) => entityList === undefined || known.has(entityNodeId(e)),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the param's values
  }, [exploreKey, entityList]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [openEntityId, setOpenEntityId] = useState<string | null>(null);

  const combine = useCallback((results: UseQueryResult<EntityAlert[]>[]) => results, []);
  const explorationResults = useQueries({
    queries: explored.map((e) => relationQueries.entityAlerts(e.kind, e.key)),
    combine,
  });
  const explorations: Exploration[] = useMemo(
    () =>
      explored.map((entity, i) => ({
        entity,
        alerts:
          explorationResults[i]?.data ?? (explorationResults[i]?.isPending ? undefined : noAlerts),
      })),
    [explored, explorationResults],
  );
  const graph = useMemo(
    () =>
      buildInvestigation({
        incidentId,
        members: members.members,
        entities: entities.data?.value ?? [],
        explorations,
      }),
    [incidentId, members.members, entities.data, explorations],
  );
  const nodes = useMemo(() => {
    const map = new Map<string, AlertNode | EntityNode>();
    for (const a of graph.alerts) map.set(a.id, a);
    for (const e of graph.entities) map.set(e.id, e);
    return map;
  }, [graph]);

  const explorationResult = (node: EntityNode) => {
    const i = explored.findIndex((e) => entityNodeId(e) === node.id);
    return i === -1 ? undefined : explorationResults[i];
  };
  const explorationState = (node: EntityNode): ExplorationState => {
    const result = explorationResult(node);
    if (!result) return { kind: 'idle' };
    if (result.isPending) return { kind: 'loading' };
    if (result.isLoadingError) return { kind: 'failed', message: result.error.message };
    const related = graph.edges.filter((e) => e.dotted && e.source === node.id).length;
    return result.isRefetchError
      ? {
          kind: 'done',
          related,
          refreshFailed: result.error.message,
          retrying: result.isFetching,
        }
      : { kind: 'done', related };
  };
  const toggleRelated = (node: EntityNode) =>
    setParams((p) => withExplored(p, node.entity, !node.explored), { replace: true });

  const entityActions = (node: EntityNode) => (
    <EntityActions
      node={node}
      state={explorationState(node)}
      onOpen={() => setOpenEntityId(node.id)}
      onRelatedAlerts={() => toggleRelated(node)}
      onRetry={() => void explorationResult(node)?.refetch()}
    />
  );
  const alertActions = (node: AlertNode, onChanged: () => void) => (
    <AlertActions addAlert={addAlert} node={node} removeAlert={removeAlert} onChanged={onChanged} />
  );
  // An added or removed alert's button is gone: focus comes back to the page's heading.
  const focusHeading = () => document.getElementById(headingId)?.focus();

  const openEntity = openEntityId ? nodes.get(openEntityId) : undefined;
  const related = graph.alerts.filter((a) => a.placement === 'related').length;
  // Only the first load waits: an alert added later joins the graph in place, without a flash.
  const loading = entities.isPending;

  return (
    <>
      <div className={styles.header}>
        <div>
          <h1 className={styles.title} id={headingId} tabIndex={-1}>
            Investigate: {incident.displayName}
          </h1>
          <p className={styles.summary}>
            {countsText(graph.alerts.length - related, graph.entities.length)} in this incident
            {related > 0 && `, ${related} related ${related === 1 ? 'alert' : 'alerts'} shown`}
          </p>
        </div>
        <ToggleButton
          checked={listView}
          icon={<TextBulletListLtrRegular />}
          onClick={() =>
            setParams(
              (p) => {
                if (listView) p.delete(VIEW_PARAM);
                else p.set(VIEW_PARAM, 'list');
                return p;
              },
              { replace: true },
            )
          }
        >
          List view
        </ToggleButton>
      </div>
      {entities.isLoadingError && (
        <ErrorState
          error={entities.error}
          retrying={entities.isFetching}
          title="Couldn't load the incident's entities"
          onRetry={() => void entities.refetch()}
        />
      )}
      <RefreshFailed query={entities} what="the incident's entities" />
      <IncidentMembersError {...members} />
      <div className={styles.body}>
        {loading ? (
          <Spinner label="Loading the graph" />
        ) : listView ? (
          <InvestigationList
            graph={graph}
            renderAlertActions={(node) => alertActions(node, focusHeading)}
            renderEntityActions={entityActions}
          />
        ) : (
          <Suspense fallback={<Spinner label="Loading the graph" />}>
            <GraphView
              activeId={activeId}
              describe={(id) => {
                const node = nodes.get(id);
                return node ? describeNode(node) : '';
              }}
              complete={!members.isPending}
              graph={graph}
              renderActions={(id) => {
                const node = nodes.get(id);
                if (!node) return null;
                return 'entity' in node ? entityActions(node) : alertActions(node, focusHeading);
              }}
              onActiveChange={setActiveId}
              onOpenEntity={setOpenEntityId}
            />
          </Suspense>
        )}
      </div>
      <EntityPanel
        entity={openEntity && 'entity' in openEntity ? openEntity.entity : null}
        renderTimeline={(entity) => renderEntityTimeline(incidentId, entity)}
        onClose={() => setOpenEntityId(null)}
      />
    </>
  );
}
