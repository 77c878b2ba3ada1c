/**
 * What the investigation route's loader warms, in its own chunk (the first screen need not carry
 * it): the graph's code, the incident's added alerts and the Related alerts the URL asks for.
 */
import type { QueryClient } from '@tanstack/react-query';
import { alertQueries } from '@/api/alerts/alert-queries';
import { relationQueries } from '@/api/relations/relation-queries';
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
      Promise.all(
        (found ? memberBatches(found) : []).map((ids) =>
          quietly(queryClient.ensureQueryData(alertQueries.byIds(ids))),
        ),
      ),
    ),
    ...parseExplore(search).map((e) =>
      quietly(queryClient.ensureQueryData(relationQueries.entityAlerts(e.kind, e.key))),
    ),
  ]);
}
