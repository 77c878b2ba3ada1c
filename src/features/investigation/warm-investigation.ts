/**
 * What the investigation route's loader warms, in its own chunk (the first screen need not carry
 * it): the graph's code, the incident's added alerts and the Related alerts the URL asks for —
 * and, once they are in, the graph's layout, which then runs while the graph's code loads and
 * its canvas is created.
 */
import type { QueryClient } from '@tanstack/react-query';
import { alertQueries } from '@/api/alerts/alert-queries';
import { isLiveMode } from '@/api/config';
import { entityQueries } from '@/api/entities/entity-queries';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { personaQueries } from '@/api/personas/persona-queries';
import { relationQueries } from '@/api/relations/relation-queries';
import { beyondHome, liveEntitiesQuery, relatedAlertsQuery } from '@/api/relations/live-related';
import { memberBatches, type IncidentMember } from '@/components/use-incident-members';
import type { Incident } from '@/domain/graph';
import { graphLayoutRequest } from './components/layout-request';
import { layoutOf, warmLayoutWorker } from './components/run-layout';
import { parseExplore } from './explore-param';
import { buildInvestigation, entityNodeId, type InvestigationGraph } from './investigation-model';
import { loadInvestigationGraph } from './load-graph';

/**
 * The graph as the page first draws it (every alert of the incident in), from the query cache;
 * undefined while a part of it is not in. Read as investigation-page.tsx reads it.
 */
function cachedGraph(
  queryClient: QueryClient,
  incident: Incident,
  search: URLSearchParams,
): InvestigationGraph | undefined {
  const incidentId = incident.id ?? '';
  const entities = (
    isLiveMode()
      ? queryClient.getQueryData(liveEntitiesQuery(incidentId).queryKey)
      : queryClient.getQueryData(entityQueries.all(incidentId).queryKey)
  )?.value;
  if (!entities) return undefined;
  const members: IncidentMember[] = (incident.alerts ?? []).map((alert) => ({
    alert,
    related: false,
  }));
  for (const ids of memberBatches(incident)) {
    const alerts = queryClient.getQueryData(alertQueries.byIds(ids).queryKey);
    if (!alerts) return undefined;
    for (const alert of alerts) members.push({ alert, related: true });
  }
  if (isLiveMode()) {
    const fromSentinel = queryClient.getQueryData(relatedAlertsQuery(incidentId).queryKey);
    if (!fromSentinel) return undefined;
    for (const alert of beyondHome(incident, fromSentinel)) members.push({ alert, related: true });
  }
  const known = new Set(entities.map(entityNodeId));
  const explorations = parseExplore(search)
    .filter((e) => known.has(entityNodeId(e)))
    .map((entity) => ({
      entity,
      alerts: queryClient.getQueryData(
        relationQueries.entityAlerts(entity.kind, entity.key).queryKey,
      ),
    }));
  return buildInvestigation({ incidentId, members, entities, explorations });
}

/** Resolves when all of it is in, or failed (the page shows a failed read with its retry). */
export async function warmInvestigation(
  queryClient: QueryClient,
  search: URLSearchParams,
  incident: Promise<Incident | undefined>,
) {
  const quietly = (read: Promise<unknown>) => read.catch(() => undefined);
  const drawn = search.get('view') !== 'list';
  if (drawn) warmLayoutWorker();
  const data = Promise.all([
    incident.then((found) =>
      Promise.all([
        ...(found ? memberBatches(found) : []).map((ids) =>
          quietly(queryClient.ensureQueryData(alertQueries.byIds(ids))),
        ),
        // Live mode reads the added alerts from Sentinel instead.
        found?.id && isLiveMode()
          ? quietly(queryClient.ensureQueryData(relatedAlertsQuery(found.id)))
          : undefined,
        // The layout needs the entities too (the loader and the Actions menu read them anyway).
        found?.id
          ? quietly(
              isLiveMode()
                ? queryClient.ensureQueryData(liveEntitiesQuery(found.id))
                : queryClient.ensureQueryData(entityQueries.all(found.id)),
            )
          : undefined,
      ]),
    ),
    ...parseExplore(search).map((e) =>
      quietly(queryClient.ensureQueryData(relationQueries.entityAlerts(e.kind, e.key))),
    ),
  ]);
  // The layout starts with the data, not after the graph's code.
  const laidOut = data.then(async () => {
    const found = await incident;
    const graph = drawn && found ? cachedGraph(queryClient, found, search) : undefined;
    if (graph) void layoutOf(graphLayoutRequest(graph)).catch(() => undefined);
  });
  await Promise.all([drawn ? quietly(loadInvestigationGraph()) : undefined, laidOut]);
}

/**
 * What Investigate will need, started from the incident page (once it is idle, or when its
 * Actions menu opens if that comes first): the route loader's reads and the above, the layout
 * included. The loader then finds them in, or on their way: an analyst moving to Investigate
 * finds the graph laid out. If Investigate is not chosen, the layout ran in the worker, off the
 * page's thread, for nothing.
 */
export async function prepareInvestigation(queryClient: QueryClient, incidentId: string) {
  const quietly = <T>(read: Promise<T>) => read.catch(() => undefined);
  const incident = quietly(queryClient.ensureQueryData(incidentQueries.detail(incidentId)));
  await Promise.all([
    quietly(queryClient.ensureQueryData(personaQueries.all())),
    warmInvestigation(queryClient, new URLSearchParams(), incident),
  ]);
}
