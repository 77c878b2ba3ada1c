import { queryOptions } from '@tanstack/react-query';
import type { EntityKind } from '@/domain/entities';
import { relationKeys } from './relation-keys';
import { getEntityAlerts, listRelations } from './relations-api';
import { findSentinelIncidentId, sentinelIncidentAlerts } from './sentinel-lookup';

/** Query options of relations and of an entity's alerts. */
export const relationQueries = {
  list: (sentinelIncidentId: string) =>
    queryOptions({
      queryKey: relationKeys.list(sentinelIncidentId),
      queryFn: ({ signal }) => listRelations(sentinelIncidentId, signal),
    }),
  entityAlerts: (kind: EntityKind, key: string) =>
    queryOptions({
      queryKey: relationKeys.entity(kind, key),
      queryFn: ({ signal }) => getEntityAlerts(kind, key, signal),
    }),
  /** Live mode: the ARM id of the Sentinel incident that is this Graph incident, or null. */
  sentinelIncident: (incidentId: string) =>
    queryOptions({
      queryKey: relationKeys.sentinelIncident(incidentId),
      queryFn: ({ signal }) => findSentinelIncidentId(incidentId, signal),
      staleTime: Infinity,
    }),
  /**
   * Live mode: the provider ids of every alert Sentinel holds in the incident, home and related
   * (Graph lists only the home ones).
   */
  sentinelMembers: (sentinelIncidentId: string) =>
    queryOptions({
      queryKey: [...relationKeys.list(sentinelIncidentId), 'members'] as const,
      queryFn: async ({ signal }) =>
        new Set(
          (await sentinelIncidentAlerts(sentinelIncidentId, signal)).map((a) =>
            (a.properties.providerAlertId ?? '').toLowerCase(),
          ),
        ),
    }),
};
