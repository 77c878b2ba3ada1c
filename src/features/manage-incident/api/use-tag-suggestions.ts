import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { incidentKeys } from '@/api/incidents/incident-keys';
import { getIncidents } from '@/api/incidents/incidents-api';
import { odataString } from '@/api/odata-query';
import { LIMITS } from '@/domain/limits';

/**
 * Graph has no list of tags, so suggestions are the custom tags of incidents that carry one
 * matching what the analyst typed (the most recently updated first), deduplicated
 * case-insensitively. Kept under the incidents' key, so any change to incidents refreshes them.
 */
const tagSuggestionQuery = (text: string) =>
  queryOptions({
    queryKey: [...incidentKeys.all, 'tagSuggestions', text.toLowerCase()] as const,
    queryFn: async ({ signal }) => {
      const filter =
        text === '' ? 'customTags/any()' : `customTags/any(t: contains(t, ${odataString(text)}))`;
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
  });

/** Tags already used across incidents that contain `text` (all recent ones when empty). */
export function useTagSuggestions(text: string, enabled: boolean) {
  return useQuery({
    ...tagSuggestionQuery(text.trim()),
    enabled,
    placeholderData: keepPreviousData,
  });
}
