import type { EntityKind } from '@/domain/entities';

/**
 * Query keys of Sentinel's relations and of what they change beyond an incident: an incident's
 * relations (by its ARM id) and an entity's timeline. Invalidate `all` after a relation changes.
 */
export const relationKeys = {
  all: ['relations'] as const,
  lists: () => [...relationKeys.all, 'list'] as const,
  list: (sentinelIncidentId: string) => [...relationKeys.lists(), sentinelIncidentId] as const,
  /** The Sentinel incident (its ARM id) a Graph incident is, found in live mode. */
  sentinelIncident: (incidentId: string) => [...relationKeys.all, 'sentinel', incidentId] as const,
  entityAlerts: () => [...relationKeys.all, 'entityAlerts'] as const,
  entity: (kind: EntityKind, key: string) => [...relationKeys.entityAlerts(), kind, key] as const,
};
