/**
 * From Graph's ids to Sentinel's ARM ids, for relations. The mock writes the ARM ids on Graph's
 * objects (`@mock.sentinelIncidentId`, `@mock.sentinelAlertId`); real Graph has nothing of the
 * kind, so live mode asks Sentinel: the incident that mirrors a Defender incident carries its
 * Graph id as `properties.providerIncidentId`, and an alert's SecurityAlert entity is found
 * among its home incident's alerts by the provider's alert id, which both APIs carry.
 */
import type { Alert } from '@/domain/graph';
import { armBase, isLiveMode, sentinelWorkspaces } from '../config';
import { http } from '../http';
import { odataString } from '../odata-query';

/** The seed's `api-version` of Microsoft.SecurityInsights. */
export const SENTINEL_API_VERSION = '2022-07-01-preview';

type ArmList<T> = { value: T[]; nextLink?: string };
type SentinelIncident = { id: string; name: string };
/** A SecurityAlert as Sentinel lists an incident's alerts: `id` is its entity's ARM id. */
type SentinelAlert = {
  id: string;
  properties: { providerAlertId?: string | null; productName?: string | null };
};

/**
 * The ARM id of the Sentinel incident that is this Graph incident, in the configured
 * workspaces (`$filter=properties/providerIncidentId eq '<id>'`, each workspace in turn), or
 * null when none holds it.
 */
export async function findSentinelIncidentId(
  graphIncidentId: string,
  signal?: AbortSignal,
): Promise<string | null> {
  const filter = encodeURIComponent(
    `properties/providerIncidentId eq ${odataString(graphIncidentId)}`,
  );
  for (const workspace of sentinelWorkspaces()) {
    const url = `${armBase()}${workspace}/providers/Microsoft.SecurityInsights/incidents?api-version=${SENTINEL_API_VERSION}&$top=1&$filter=${filter}`;
    const page = await http<ArmList<SentinelIncident>>(url, { signal });
    const found = page.value[0];
    if (found) return found.id;
  }
  return null;
}

/** Every alert Sentinel holds in the incident, home and related (a POST, as Sentinel lists them). */
export async function sentinelIncidentAlerts(
  sentinelIncidentId: string,
  signal?: AbortSignal,
): Promise<SentinelAlert[]> {
  const url = `${armBase()}${sentinelIncidentId}/alerts?api-version=${SENTINEL_API_VERSION}`;
  const body = await http<ArmList<SentinelAlert>>(url, { method: 'POST', signal });
  return body.value;
}

/** The id Sentinel and Graph both give an alert: its provider's id (Graph's id without one). */
export const providerAlertIdOf = (alert: Pick<Alert, 'id' | 'providerAlertId'>) =>
  (alert.providerAlertId ?? alert.id ?? '').toLowerCase();

/**
 * The alert's ARM id as a relation names it (its SecurityAlert entity): the mock's annotation,
 * or in live mode the entity of the alert's home incident in Sentinel that has the alert's
 * provider id. Null when Sentinel does not hold it.
 */
export async function sentinelAlertIdOf(
  alert: Pick<Alert, 'id' | 'providerAlertId' | 'incidentId' | '@mock.sentinelAlertId'>,
  signal?: AbortSignal,
): Promise<string | null> {
  if (!isLiveMode()) return alert['@mock.sentinelAlertId'] ?? null;
  if (!alert.incidentId) return null;
  const home = await findSentinelIncidentId(alert.incidentId, signal);
  if (!home) return null;
  const wanted = providerAlertIdOf(alert);
  const found = (await sentinelIncidentAlerts(home, signal)).find(
    (a) => (a.properties.providerAlertId ?? '').toLowerCase() === wanted,
  );
  return found ? found.id : null;
}
