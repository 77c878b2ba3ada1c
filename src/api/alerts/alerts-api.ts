/** Fetchers for `security/alerts_v2` (SPEC.md §3.7). */
import type { Alert, ODataCollection } from '@/domain/graph';
import { http } from '../http';
import { buildODataQuery, type ODataListParams } from '../odata-query';

/** OData options of the alerts list, as Graph names them (without the `$`). */
export type AlertListParams = ODataListParams;

/** Lists alerts (one page) with Graph's OData options. */
export function getAlerts(
  params: AlertListParams,
  signal?: AbortSignal,
): Promise<ODataCollection<Alert>> {
  return http<ODataCollection<Alert>>(`/security/alerts_v2${buildODataQuery(params)}`, { signal });
}

/** Reads one alert with its evidence. */
export function getAlert(id: string, signal?: AbortSignal): Promise<Alert> {
  return http<Alert>(`/security/alerts_v2/${encodeURIComponent(id)}`, { signal });
}
