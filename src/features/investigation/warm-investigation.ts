/**
 * What the investigation route's loader warms, in its own chunk (the first screen need not carry
 * it): the graph's code, the incident's added alerts and the Related alerts the URL asks for.
 */
import type { QueryClient } from '@tanstack/react-query';
import { alertQueries } from '@/api/alerts/alert-queries';
import { isLiveMode } from '@/api/config';
import { entityQueries } from '@/api/entities/entity-queries';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { personaQueries } from '@/api/personas/persona-queries';
import { relationQueries } from '@/api/relations/relation-queries';
import { relatedAlertsQuery } from '@/api/relations/live-related';
import { memberBatches } from '@/components/use-incident-members';
import type { Incident } from '@/domain/graph';
import { parseExplore } from './explore-param';
import { loadInvestigationGraph } from './load-graph';

/** Resolves when all of it is in, or failed (the page shows a failed read with its retry). */
export async function warmInvestigation(
  queryClient: QueryClient,
  search: URLSearchParams,
  incident: Promise<Incident | undefined>,
) {
  const quietly = (read: Promise<unknown>) => read.catch(() => undefined);
  await Promise.all([
    search.get('view') === 'list' ? undefined : quietly(loadInvestigationGraph()),
    incident.then((found) =>
      Promise.all([
        ...(found ? memberBatches(found) : []).map((ids) =>
          quietly(queryClient.ensureQueryData(alertQueries.byIds(ids))),
        ),
        // Live mode reads the added alerts from Sentinel instead.
        found?.id && isLiveMode()
          ? quietly(queryClient.ensureQueryData(relatedAlertsQuery(found.id)))
          : undefined,
      ]),
    ),
    ...parseExplore(search).map((e) =>
      quietly(queryClient.ensureQueryData(relationQueries.entityAlerts(e.kind, e.key))),
    ),
  ]);
}

/**
 * What Investigate will need, started from the incident page (its Actions menu opened): the
 * route loader's reads and the above. The loader then finds them in, or on their way.
 */
export async function prepareInvestigation(queryClient: QueryClient, incidentId: string) {
  const quietly = <T>(read: Promise<T>) => read.catch(() => undefined);
  const incident = quietly(queryClient.ensureQueryData(incidentQueries.detail(incidentId)));
  await Promise.all([
    quietly(queryClient.ensureQueryData(personaQueries.all())),
    quietly(queryClient.ensureQueryData(entityQueries.all(incidentId))),
    warmInvestigation(queryClient, new URLSearchParams(), incident),
  ]);
}
