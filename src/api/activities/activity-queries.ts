import { infiniteQueryOptions } from '@tanstack/react-query';
import { ACTIVITY_PAGE_SIZE, getActivities, type ActivityFilter } from './activities-api';
import { activityKeys } from './activity-keys';

/** Query options of the activity log: pages of 50, newest first, fetched on "Load more". */
export const activityQueries = {
  list: (incidentId: string, filter: ActivityFilter) =>
    infiniteQueryOptions({
      queryKey: activityKeys.list(incidentId, filter),
      queryFn: ({ pageParam, signal }) =>
        getActivities(incidentId, filter, { top: ACTIVITY_PAGE_SIZE, skip: pageParam }, signal),
      initialPageParam: 0,
      getNextPageParam: (last, pages) =>
        last['@odata.nextLink'] ? pages.length * ACTIVITY_PAGE_SIZE : undefined,
    }),
};
