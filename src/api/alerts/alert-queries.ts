import { queryOptions } from '@tanstack/react-query';
import { alertKeys } from './alert-keys';
import { getAlert, getAlerts, type AlertListParams } from './alerts-api';

/** Query options of alerts: components call `useQuery(alertQueries.list(params))`. */
export const alertQueries = {
  list: (params: AlertListParams) =>
    queryOptions({
      queryKey: alertKeys.list(params),
      queryFn: ({ signal }) => getAlerts(params, signal),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: alertKeys.detail(id),
      queryFn: ({ signal }) => getAlert(id, signal),
    }),
};
