import { queryOptions } from '@tanstack/react-query';
import { incidentKeys } from './incident-keys';
import { getIncident, type IncidentListParams } from './incidents-api';
import { getIncidentWindow } from './incident-pages';

/** Query options of incidents: components call `useQuery(incidentQueries.list(params))`. */
export const incidentQueries = {
  list: (params: IncidentListParams) =>
    queryOptions({
      queryKey: incidentKeys.list(params),
      // `top` may exceed Graph's 50 (a queue page of 100): read in requests of 50.
      queryFn: ({ signal }) => getIncidentWindow(params, signal),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: incidentKeys.detail(id),
      queryFn: ({ signal }) => getIncident(id, signal),
      // The route's loader already tried: a page that mounts on its failure shows it, with Retry.
      retryOnMount: false,
    }),
};
