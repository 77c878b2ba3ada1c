import { queryOptions } from '@tanstack/react-query';
import { LIMITS } from '@/domain/limits';
import { isLiveMode } from '../config';
import { odataString } from '../odata-query';
import { incidentKeys } from './incident-keys';
import { getIncidents } from './incidents-api';

/**
 * Graph has no list of tags, so suggestions are the custom tags of incidents that carry one
 * matching what the analyst typed (the most recently updated first), deduplicated
 * case-insensitively. Kept under the incidents' key, so any change to incidents refreshes them.
 * Manage incident suggests them; the queue's Filters pane lists them. In live mode, only the 50
 * most recently updated incidents are looked at.
 */
export const tagQueries = {
  suggestions: (text: string) =>
    queryOptions({
      queryKey: [...incidentKeys.all, 'tagSuggestions', text.toLowerCase()] as const,
      queryFn: async ({ signal }) => {
        // Real Graph refuses lambdas on customTags: live mode reads the latest incidents instead.
        const filter = isLiveMode()
          ? undefined
          : text === ''
            ? 'customTags/any()'
            : `customTags/any(t: contains(t, ${odataString(text)}))`;
        const page = await getIncidents(
          {
            filter,
            select: 'id,customTags',
            orderby: 'lastUpdateDateTime desc',
            top: LIMITS.maxIncidentsTop,
          },
          signal,
        );
        const seen = new Map<string, string>();
        const needle = text.toLowerCase();
        for (const incident of page.value) {
          for (const tag of incident.customTags ?? []) {
            const key = tag.toLowerCase();
            if (key.includes(needle) && !seen.has(key)) seen.set(key, tag);
          }
        }
        return [...seen.values()].sort((a, b) => a.localeCompare(b));
      },
      staleTime: 60_000,
    }),
};
