import { incidentKeys } from '../incidents/incident-keys';

/** Query keys of an incident's assets; they hang off the incident so they refresh with it. */
export const entityKeys = {
  all: (incidentId: string) => [...incidentKeys.detail(incidentId), 'entities'] as const,
};
