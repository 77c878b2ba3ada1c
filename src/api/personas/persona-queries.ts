import { queryOptions } from '@tanstack/react-query';
import { personaKeys } from './persona-keys';
import { getPersonas } from './personas-api';

/** Query options of the personas; they never change while the app runs. */
export const personaQueries = {
  all: () =>
    queryOptions({
      queryKey: personaKeys.all,
      queryFn: ({ signal }) => getPersonas(signal),
      staleTime: Infinity,
    }),
};
