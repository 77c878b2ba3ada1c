import { queryOptions } from '@tanstack/react-query';
import { incidentKeys } from './incident-keys';
import { getIncident, getIncidents, type IncidentListParams } from './incidents-api';

/** Query options of incidents: components call `useQuery(incidentQueries.list(params))`. */
export const incidentQueries = {
  list: (params: IncidentListParams) =>
    queryOptions({
      queryKey: incidentKeys.list(params),
      queryFn: ({ signal }) => getIncidents(params, signal),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: incidentKeys.detail(id),
      queryFn: ({ signal }) => getIncident(id, signal),
    }),
};
