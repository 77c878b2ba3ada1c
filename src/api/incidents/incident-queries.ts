import { queryOptions } from '@tanstack/react-query';
import { ApiError } from '../http';
import { incidentKeys } from './incident-keys';
import { getIncident, type IncidentListParams } from './incidents-api';
import { getIncidentWindow, scanIncidents } from './incident-pages';

/** Query options of incidents: components call `useQuery(incidentQueries.list(params))`. */
export const incidentQueries = {
  list: (params: IncidentListParams) =>
    queryOptions({
      queryKey: incidentKeys.list(params),
      // `top` may exceed Graph's 50 (a queue page of 100): read in requests of 50.
      queryFn: ({ signal }) => getIncidentWindow(params, signal),
    }),
  /**
   * The first `limit` incidents of a list, read through its `@odata.nextLink`s, for filters the
   * console applies itself. Under the lists' key, so every change to incidents refreshes it.
   */
  scan: (params: IncidentListParams, limit: number) =>
    queryOptions({
      queryKey: [...incidentKeys.lists(), 'scan', params, limit] as const,
      queryFn: ({ signal }) => scanIncidents(params, limit, signal),
    }),
  /** One incident by its id, or null when there is none (a search by id). */
  lookup: (id: string) =>
    queryOptions({
      queryKey: [...incidentKeys.lists(), 'lookup', id] as const,
      queryFn: async ({ signal }) => {
        try {
          return await getIncident(id, signal);
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) return null;
          throw error;
        }
      },
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: incidentKeys.detail(id),
      queryFn: ({ signal }) => getIncident(id, signal),
      // The route's loader already tried: a page that mounts on its failure shows it, with Retry.
      retryOnMount: false,
    }),
};
