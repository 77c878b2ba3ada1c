import { queryOptions } from '@tanstack/react-query';
import type { EntityKind } from '../entities/entities-api';
import { relationKeys } from './relation-keys';
import { getEntityAlerts, listRelations } from './relations-api';

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
};
