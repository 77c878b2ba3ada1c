import { queryOptions } from '@tanstack/react-query';
import { alertKeys } from './alert-keys';
import { getAlert, getAlerts, getAlertsByIds, type AlertListParams } from './alerts-api';

/** Query options of alerts: components call `useQuery(alertQueries.list(params))`. */
export const alertQueries = {
  list: (params: AlertListParams) =>
    queryOptions({
      queryKey: alertKeys.list(params),
      queryFn: ({ signal }) => getAlerts(params, signal),
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
