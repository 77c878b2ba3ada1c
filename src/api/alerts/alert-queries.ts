import { queryOptions } from '@tanstack/react-query';
import { ApiError } from '../http';
import { scanList } from '../list-pages';
import { alertKeys } from './alert-keys';
import { getAlert, getAlerts, getAlertsByIds, type AlertListParams } from './alerts-api';

/** Query options of alerts: components call `useQuery(alertQueries.list(params))`. */
export const alertQueries = {
  list: (params: AlertListParams) =>
    queryOptions({
      queryKey: alertKeys.list(params),
      queryFn: ({ signal }) => getAlerts(params, signal),
    }),
  /**
   * The first `limit` alerts of a list, read through its `@odata.nextLink`s, for a search the
   * console applies itself (live mode). Under the lists' key, so alert changes refresh it.
   */
  scan: (params: AlertListParams, limit: number) =>
    queryOptions({
      queryKey: [...alertKeys.lists(), 'scan', params, limit] as const,
      queryFn: ({ signal }) =>
        scanList((top) => getAlerts({ ...params, skip: undefined, top }, signal), limit, signal),
    }),
  /** One alert by its id, or null when there is none (a search by id). */
  lookup: (id: string) =>
    queryOptions({
      queryKey: [...alertKeys.lists(), 'lookup', id] as const,
      queryFn: async ({ signal }) => {
        try {
          return await getAlert(id, signal);
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) return null;
          throw error;
        }
      },
    }),
  /** Up to 50 alerts by id in one read; each also fills its detail's cache. */
  byIds: (ids: readonly string[]) =>
    queryOptions({
      queryKey: alertKeys.byIds(ids),
      queryFn: async ({ signal, client }) => {
        const alerts = await getAlertsByIds(ids, signal);
        for (const alert of alerts) client.setQueryData(alertKeys.detail(alert.id ?? ''), alert);
        return alerts;
      },
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: alertKeys.detail(id),
      queryFn: ({ signal }) => getAlert(id, signal),
    }),
};
