import {
  useMutation,
  useMutationState,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import type { ActivityPage } from '@/api/activities/activities-api';
import { activityKeys } from '@/api/activities/activity-keys';
import { afterWrite } from '@/api/after-write';
import { incidentKeys } from '@/api/incidents/incident-keys';
import { addIncidentComment } from '@/api/incidents/incidents-api';
import type { ActivityEntry } from '@/domain/activity';

/** Ids of comments shown before the server has them start with this. */
export const PENDING_COMMENT_PREFIX = 'pending-comment-';

const commentKey = (incidentId: string) => [...incidentKeys.detail(incidentId), 'addComment'];

/**
 * What a comment being posted keeps from the moment it was posted: who posted it, and the
 * log's entries of the same text then (so that once the log has it, it shows once).
 */
type Posting = { author: string; shownBefore: string[] };

/** Ids of the comments of this text in the incident's logs as they are cached now. */
function commentIdsWithText(qc: QueryClient, incidentId: string, text: string): string[] {
  const ids = new Set<string>();
  const logs = qc.getQueriesData<InfiniteData<ActivityPage>>({
    queryKey: activityKeys.all(incidentId),
  });
  for (const [, data] of logs) {
    for (const page of data?.pages ?? []) {
      for (const entry of page.value) {
        if (entry.kind === 'comment' && entry.comment === text) ids.add(entry.id);
      }
    }
  }
  return [...ids];
}

/**
 * Posts a comment to an incident. While it is on its way, usePendingIncidentComments lists it,
 * so the activity log shows it at once, marked as posting, whatever refetches the log meanwhile;
 * if refused it simply stops being pending, nothing to roll back.
 */
export function useAddIncidentComment(incidentId: string, author: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: commentKey(incidentId),
    mutationFn: (text: string) => addIncidentComment(incidentId, text),
    onMutate: (text): Posting => ({
      author,
      shownBefore: commentIdsWithText(qc, incidentId, text),
    }),
    // After a success it stays pending until the incident and its activity logs (whose keys
    // hang off the incident's) are refetched, so the comment never shows twice or not at all;
    // the queue refreshes after, unawaited. A refusal is not held up by that refetch (afterWrite).
    onSettled: (_data, error) =>
      afterWrite(
        error,
        qc
          .invalidateQueries({ queryKey: incidentKeys.detail(incidentId) })
          .then(() => void qc.invalidateQueries({ queryKey: incidentKeys.lists() })),
      ),
  });
}

/** A comment of this incident still being posted: its text, when and by whom it was posted. */
export type PendingComment = { id: string; text: string; postedAt: number } & Posting;

/** This incident's comments that are still being posted, oldest first. */
export function usePendingIncidentComments(incidentId: string): PendingComment[] {
  return useMutationState({
    filters: { mutationKey: commentKey(incidentId), status: 'pending' },
    select: (mutation) => {
      const posting = mutation.state.context as Posting | undefined;
      return {
        id: `${PENDING_COMMENT_PREFIX}${mutation.mutationId}`,
        text: mutation.state.variables as string,
        postedAt: mutation.state.submittedAt,
        author: posting?.author ?? '',
        shownBefore: posting?.shownBefore ?? [],
      };
    },
  });
}

/**
 * Whether `entries` (a log as loaded) hold the comment being posted already: a comment of its
 * text that the log did not show when it was posted. Something else may refetch the log after
 * the server has stored the comment and before the post's own refetch: then it shows once.
 */
export function logHasComment(entries: readonly ActivityEntry[], pending: PendingComment): boolean {
  return entries.some(
    (e) =>
      e.kind === 'comment' && e.comment === pending.text && !pending.shownBefore.includes(e.id),
  );
}
