import {
  Button,
  Dropdown,
  Label,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Option,
  Skeleton,
  SkeletonItem,
  Spinner,
  useId,
} from '@fluentui/react-components';
import { CommentRegular, HistoryRegular, MergeRegular } from '@fluentui/react-icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { listsOwnComments, type ActivityOrigin } from '@/api/activities/activities-api';
import { useLiveMode } from '@/api/config';
import { activityQueries } from '@/api/activities/activity-queries';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { useSessionUpn } from '@/api/session-store';
import { DateTime } from '@/components/date-time';
import { ErrorState, RefreshFailed } from '@/components/error-state';
import { Markdown } from '@/components/markdown';
import { MarkdownCommentBox } from '@/components/markdown-comment-box';
import { RouterLink } from '@/components/router-link';
import { useCurrentPersona } from '@/components/use-current-persona';
import type { ActivityEntry, ActivityKind } from '@/domain/activity';
import { incidentWriteDenial } from '@/domain/identity';
import { mergedAwayDenial } from '@/domain/merge';
import {
  notYetInLog,
  PENDING_COMMENT_PREFIX,
  useAddIncidentComment,
  usePendingIncidentComments,
  type PendingComment,
} from '../api/use-add-incident-comment';
import { useActivityLogStyles } from './activity-log.styles';

const CONTENT_OPTIONS: readonly { value: ActivityKind; label: string }[] = [
  { value: 'audit', label: 'Audits' },
  { value: 'comment', label: 'Comments' },
];

const ORIGIN_OPTIONS: readonly { value: ActivityOrigin; label: string }[] = [
  { value: 'all', label: 'All incidents' },
  { value: 'this', label: 'This incident' },
  { value: 'merged', label: 'Merged incidents' },
];

const numberFormat = new Intl.NumberFormat();

/** The Activity log tab of an incident, where an entry copied in from a merge came from. */
const activityPath = (incidentId: string) =>
  `/incidents/${encodeURIComponent(incidentId)}/activity`;

function Entry({ entry, onNavigate }: { entry: ActivityEntry; onNavigate?: () => void }) {
  const styles = useActivityLogStyles();
  const isComment = entry.kind === 'comment';
  const pending = entry.id.startsWith(PENDING_COMMENT_PREFIX);
  const Icon = isComment ? CommentRegular : HistoryRegular;
  return (
    <li
      aria-busy={pending || undefined}
      className={mergeClasses(styles.entry, pending && styles.pending)}
    >
      <span className={mergeClasses(styles.icon, isComment && styles.commentIcon)}>
        <Icon aria-label={isComment ? 'Comment' : 'Audit'} role="img" />
      </span>
      <div className={styles.body}>
        <div className={styles.meta}>
          <span className={styles.actor}>{entry.performedBy}</span>
          {pending ? (
            <span className={styles.posting}>
              <Spinner size="extra-tiny" />
              Posting…
            </span>
          ) : (
            <DateTime value={entry.createdDateTime} />
          )}
          {entry.originIncidentId && (
            <span className={styles.origin}>
              <MergeRegular aria-hidden />
              From{' '}
              <RouterLink to={activityPath(entry.originIncidentId)} onNavigate={onNavigate}>
                incident {entry.originIncidentId}
              </RouterLink>
            </span>
          )}
        </div>
        {!pending && <p className={styles.description}>{entry.description}</p>}
        {entry.comment &&
          (isComment ? (
            <Markdown className={styles.comment} text={entry.comment} />
          ) : (
            // A note on an audit (the resolving comment) is plain text, shown as typed.
            <p className={mergeClasses(styles.comment, styles.note)}>{entry.comment}</p>
          ))}
      </div>
    </li>
  );
}

function ActivitySkeleton() {
  const styles = useActivityLogStyles();
  return (
    <div aria-busy="true" aria-label="Loading the activity log" role="status">
      <Skeleton className={styles.skeleton}>
        {Array.from({ length: 5 }, (_, i) => (
          <div className={styles.skeletonRow} key={i}>
            <SkeletonItem shape="circle" size={32} />
            <SkeletonItem size={16} />
          </div>
        ))}
      </Skeleton>
    </div>
  );
}

/** A comment still being posted, as the log shows it until the server has it. */
function pendingEntry(incidentId: string, pending: PendingComment): ActivityEntry {
  return {
    id: pending.id,
    incidentId,
    kind: 'comment',
    createdDateTime: new Date(pending.postedAt).toISOString(),
    performedBy: pending.author ?? '',
    category: 'comment',
    action: 'commentAdded',
    description: 'Posting comment…',
    comment: pending.text,
  };
}

/** The comment box of the log: posts optimistically; disabled, with the reason, if not allowed. */
function IncidentCommentBox({ incidentId }: { incidentId: string }) {
  const styles = useActivityLogStyles();
  const upn = useSessionUpn();
  const persona = useCurrentPersona();
  const incident = useQuery(incidentQueries.detail(incidentId));
  // By the persona acting, or in live mode the signed-in user.
  const addComment = useAddIncidentComment(incidentId, persona?.upn ?? upn);
  const denial = incident.data ? incidentWriteDenial(persona, incident.data) : undefined;
  const redirected = incident.data?.status === 'redirected';
  return (
    <section aria-label="Add a comment" className={styles.composer}>
      <MarkdownCommentBox
        disabledReason={
          denial ?? (redirected && incident.data ? mergedAwayDenial(incident.data) : undefined)
        }
        label="Comment"
        placeholder="Add a comment"
        onPost={(text) => addComment.mutateAsync(text)}
      />
    </section>
  );
}

export type ActivityLogProps = {
  incidentId: string;
  /** A link in the log leads to another page (the flyout closes then). */
  onNavigate?: () => void;
};

/**
 * An incident's Activity log (seed 003): the comment box, the **Content: Audits, Comments**
 * filter, the origin filter for merged incidents, then audits and comments, newest first, 50 at
 * a time. The same component is the incident page's Activity log tab and the activity-log panel
 * (a flyout from the queue's side pane and row menu, the Actions menu, and the Overview's
 * "Comments and history").
 */
export function ActivityLog({ incidentId, onNavigate }: ActivityLogProps) {
  const styles = useActivityLogStyles();
  const contentId = useId('activity-content');
  const originId = useId('activity-origin');
  const live = useLiveMode();
  const [chosenKinds, setKinds] = useState<ActivityKind[]>(['audit', 'comment']);
  const [chosenOrigin, setOrigin] = useState<ActivityOrigin>('all');
  // Graph keeps an incident's comments but no audits, nor where a merged comment came from.
  const kinds: ActivityKind[] = live ? ['comment'] : chosenKinds;
  const origin: ActivityOrigin = live ? 'all' : chosenOrigin;
  const kind = kinds.length === 1 ? kinds[0] : undefined;
  const query = useInfiniteQuery({
    ...activityQueries.list(incidentId, { kind, origin }),
    enabled: kinds.length > 0,
  });

  // Comments still being posted, newest first, on top of what the server has: where the log
  // lists the incident's own comments, and once it has loaded.
  const posting = usePendingIncidentComments(incidentId);
  const listsNewComments = listsOwnComments({ kind, origin }) && query.data !== undefined;
  const loaded = query.data?.pages.flatMap((p) => p.value) ?? [];
  const pending = listsNewComments
    ? notYetInLog(loaded, posting)
        .map((p) => pendingEntry(incidentId, p))
        .reverse()
    : [];
  const entries = [...pending, ...loaded];
  const stored = query.data?.pages[0]?.['@odata.count'];
  const total = stored === undefined ? undefined : stored + pending.length;
  const contentLabel = CONTENT_OPTIONS.filter((o) => kinds.includes(o.value))
    .map((o) => o.label)
    .join(', ');
  const noun = kind === 'audit' ? 'audits' : kind === 'comment' ? 'comments' : 'entries';
  const totalNoun =
    total === 1 ? (kind === 'audit' ? 'audit' : kind === 'comment' ? 'comment' : 'entry') : noun;

  let content;
  if (kinds.length === 0) {
    content = (
      <div className={styles.empty} role="status">
        <span className={styles.emptyTitle}>Nothing to show</span>
        <span>Choose Audits, Comments or both under Content.</span>
      </div>
    );
  } else if (query.isPending) {
    content = <ActivitySkeleton />;
  } else if (query.isLoadingError) {
    content = (
      <ErrorState
        error={query.error}
        retrying={query.isFetching}
        title="Couldn't load the activity log"
        onRetry={() => void query.refetch()}
      />
    );
  } else if (entries.length === 0) {
    content = (
      <div className={styles.empty} role="status">
        <HistoryRegular aria-hidden fontSize={48} />
        <span className={styles.emptyTitle}>No {noun}</span>
        <span>
          {origin === 'merged'
            ? 'No entries were copied in from merged incidents.'
            : `This incident has no ${noun} yet.`}
        </span>
      </div>
    );
  } else {
    content = (
      <>
        <ol aria-label="Activity log" className={styles.list}>
          {entries.map((entry) => (
            <Entry entry={entry} key={entry.id} onNavigate={onNavigate} />
          ))}
        </ol>
        {query.isFetchNextPageError && (
          <ErrorState
            error={query.error}
            retrying={query.isFetchingNextPage}
            title="Couldn't load more entries"
            onRetry={() => void query.fetchNextPage()}
          />
        )}
        {query.hasNextPage && !query.isFetchNextPageError && (
          <div className={styles.more}>
            <Button
              disabled={query.isFetchingNextPage}
              icon={query.isFetchingNextPage ? <Spinner size="tiny" /> : undefined}
              onClick={() => void query.fetchNextPage()}
            >
              {query.isFetchingNextPage ? 'Loading more…' : 'Load more'}
            </Button>
          </div>
        )}
      </>
    );
  }

  return (
    <div className={styles.root}>
      <IncidentCommentBox incidentId={incidentId} />
      {live && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            Audits are not available from Microsoft Graph: the log shows the incident&apos;s
            comments only.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.toolbar}>
        {!live && (
          <>
            <div className={styles.filter}>
              <Label id={contentId}>Content</Label>
              <Dropdown
                aria-labelledby={contentId}
                className={styles.dropdown}
                multiselect
                placeholder="None"
                selectedOptions={kinds}
                value={contentLabel}
                onOptionSelect={(_, data) => setKinds(data.selectedOptions as ActivityKind[])}
              >
                {CONTENT_OPTIONS.map((o) => (
                  <Option key={o.value} value={o.value}>
                    {o.label}
                  </Option>
                ))}
              </Dropdown>
            </div>
            <div className={styles.filter}>
              <Label id={originId}>Origin</Label>
              <Dropdown
                aria-labelledby={originId}
                className={styles.dropdown}
                selectedOptions={[origin]}
                value={ORIGIN_OPTIONS.find((o) => o.value === origin)?.label}
                onOptionSelect={(_, data) =>
                  setOrigin((data.optionValue as ActivityOrigin) ?? 'all')
                }
              >
                {ORIGIN_OPTIONS.map((o) => (
                  <Option key={o.value} value={o.value}>
                    {o.label}
                  </Option>
                ))}
              </Dropdown>
            </div>
          </>
        )}
        {kinds.length > 0 && total !== undefined && (
          <span aria-live="polite" className={styles.count}>
            Showing {numberFormat.format(entries.length)} of {numberFormat.format(total)}{' '}
            {totalNoun}
          </span>
        )}
      </div>
      <RefreshFailed query={query} what="the activity log" />
      <div className={styles.surface}>{content}</div>
    </div>
  );
}
