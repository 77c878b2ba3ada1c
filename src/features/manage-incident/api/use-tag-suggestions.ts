import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { tagQueries } from '@/api/incidents/tag-queries';

/** Tags already used across incidents that contain `text` (all recent ones when empty). */
export function useTagSuggestions(text: string, enabled: boolean) {
  return useQuery({
    ...tagQueries.suggestions(text.trim()),
    enabled,
    placeholderData: keepPreviousData,
  });
}
