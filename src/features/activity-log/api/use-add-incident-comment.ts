import {
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryKey,
} from '@tanstack/react-query';
import type { ActivityFilter, ActivityPage } from '@/api/activities/activities-api';
import { activityKeys } from '@/api/activities/activity-keys';
import { afterWrite } from '@/api/after-write';
import { incidentKeys } from '@/api/incidents/incident-keys';
import { addIncidentComment } from '@/api/incidents/incidents-api';
import type { ActivityEntry } from '@/domain/activity';

/** Ids of comments shown before the server has them start with this. */
export const PENDING_COMMENT_PREFIX = 'pending-comment-';

let pendingCount = 0;

/** Whether a log of this filter lists a new comment of the incident itself. */
function listsNewComments(key: QueryKey): boolean {
  const filter = key[key.length - 1] as ActivityFilter | undefined;
  return filter?.kind !== 'audit' && filter?.origin !== 'merged';
}

/**
 * Posts a comment to an incident. It shows in the activity log at once (marked as posting),
 * disappears again if the server refuses it, and the log and incident are refetched after.
 */
export function useAddIncidentComment(incidentId: string, author: string) {
  const qc = useQueryClient();
  const mutationKey = [...incidentKeys.detail(incidentId), 'addComment'];
  return useMutation({
    mutationKey,
    mutationFn: (text: string) => addIncidentComment(incidentId, text),
    onMutate: async (text) => {
      const logs = activityKeys.all(incidentId);
      // Cancel first so an in-flight refetch can't overwrite the optimistic entry.
      await qc.cancelQueries({ queryKey: logs });
      const snapshot = qc.getQueriesData<InfiniteData<ActivityPage>>({ queryKey: logs });
      const entry: ActivityEntry = {
        id: `${PENDING_COMMENT_PREFIX}${++pendingCount}`,
        incidentId,
        kind: 'comment',
        createdDateTime: new Date().toISOString(),
        performedBy: author,
        category: 'comment',
        action: 'commentAdded',
        description: 'Posting comment…',
        comment: text,
      };
      for (const [key, data] of snapshot) {
        if (!data || !listsNewComments(key)) continue;
        qc.setQueryData<InfiniteData<ActivityPage>>(key, {
          ...data,
          pages: data.pages.map((page, i) =>
            i === 0
              ? { ...page, '@odata.count': page['@odata.count'] + 1, value: [entry, ...page.value] }
              : page,
          ),
        });
      }
      return { snapshot };
    },
    onError: (_error, _text, context) =>
      context?.snapshot.forEach(([key, data]) => qc.setQueryData(key, data)),
    onSettled: (_data, error) =>
      afterWrite(
        error,
        // Only the last of several quick comments refetches, so none flickers away meanwhile.
        qc.isMutating({ mutationKey }) === 1
          ? Promise.all([
              qc.invalidateQueries({ queryKey: incidentKeys.detail(incidentId) }),
              qc.invalidateQueries({ queryKey: incidentKeys.lists() }),
            ])
          : undefined,
      ),
  });
}
