import { incidentKeys } from '../incidents/incident-keys';
import type { ActivityFilter } from './activities-api';

/**
 * Query keys of an incident's activity log. They hang off the incident's detail key, so
 * invalidating an incident (after a change, a comment, a merge) refreshes its log too.
 */
export const activityKeys = {
  all: (incidentId: string) => [...incidentKeys.detail(incidentId), 'activities'] as const,
  list: (incidentId: string, filter: ActivityFilter) =>
    [...activityKeys.all(incidentId), filter] as const,
};
