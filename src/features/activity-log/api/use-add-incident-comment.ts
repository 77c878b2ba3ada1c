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
 * What a comment being posted keeps from the moment it was posted: who posted it, and what the
 * incident's logs held then (so that once the log has it, it shows once): the ids of the
 * comments of the same text, and the time of the newest entry, by the server's clock.
 */
type Posting = { author: string; shownBefore: string[]; newestBefore?: number };

/** Whether `entry` is a comment posted on the incident itself with this text. */
const isOwnComment = (entry: ActivityEntry, text: string) =>
  entry.kind === 'comment' &&
  entry.action === 'commentAdded' &&
  entry.originIncidentId === undefined &&
  entry.comment === text;

/** What the incident's logs, as they are cached now, hold of a comment of this text. */
function logsNow(qc: QueryClient, incidentId: string, text: string): Omit<Posting, 'author'> {
  const ids = new Set<string>();
  let newest: number | undefined;
  const logs = qc.getQueriesData<InfiniteData<ActivityPage>>({
    queryKey: activityKeys.all(incidentId),
  });
  for (const [, data] of logs) {
    for (const page of data?.pages ?? []) {
      for (const entry of page.value) {
        if (isOwnComment(entry, text)) ids.add(entry.id);
        const at = Date.parse(entry.createdDateTime);
        if (!Number.isNaN(at) && (newest === undefined || at > newest)) newest = at;
      }
    }
  }
  return { shownBefore: [...ids], newestBefore: newest };
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
    onMutate: (text): Posting => ({ author, ...logsNow(qc, incidentId, text) }),
    // After a success it stays pending until the incident and its activity logs are read
    // again, so the comment never shows twice or not at all; the queue refreshes after,
    // unawaited. A refusal is not held up by that refetch (afterWrite).
    onSettled: (_data, error) =>
      afterWrite(
        error,
        Promise.all([
          qc.invalidateQueries({ queryKey: incidentKeys.detail(incidentId), exact: true }),
          qc.invalidateQueries({ queryKey: activityKeys.all(incidentId) }),
        ]).then(() => void qc.invalidateQueries({ queryKey: incidentKeys.lists() })),
      ),
  });
}

/**
 * A comment of this incident still being posted: its text, when and by whom it was posted, and
 * (once its post has started) what the log showed of the same text then.
 */
export type PendingComment = { id: string; text: string; postedAt: number } & Partial<Posting>;

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
        author: posting?.author,
        shownBefore: posting?.shownBefore,
        newestBefore: posting?.newestBefore,
      };
    },
  });
}

/**
 * The comments being posted that `entries` (a log as loaded) do not hold yet, oldest first.
 * Something else may read the log again after the server has stored a comment and before the
 * post's own refetch: then the log has it, and it shows once. A stored comment stands for a
 * pending one if it has its text, was not in the logs when it was posted, and is not older than
 * their newest entry then (an older page loaded later holds no new comment); each stands for
 * one, oldest first, so the same words posted twice show twice.
 */
export function notYetInLog(
  entries: readonly ActivityEntry[],
  pending: readonly PendingComment[],
): PendingComment[] {
  const used = new Set<string>();
  return pending.filter(({ text, shownBefore, newestBefore }) => {
    if (shownBefore === undefined) return true;
    const stored = entries.find(
      (e) =>
        !used.has(e.id) &&
        isOwnComment(e, text) &&
        !shownBefore.includes(e.id) &&
        (newestBefore === undefined || Date.parse(e.createdDateTime) >= newestBefore),
    );
    if (stored) used.add(stored.id);
    return stored === undefined;
  });
}
