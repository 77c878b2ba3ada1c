import { queryOptions } from '@tanstack/react-query';
import { getIncidentEntities } from './entities-api';
import { entityKeys } from './entity-keys';

/** Query options of an incident's assets. */
export const entityQueries = {
  all: (incidentId: string) =>
    queryOptions({
      queryKey: entityKeys.all(incidentId),
      queryFn: ({ signal }) => getIncidentEntities(incidentId, signal),
    }),
};
