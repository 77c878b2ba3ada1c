import { mergeClasses, Spinner } from '@fluentui/react-components';
import { DateTime } from '@/components/date-time';
import { Markdown } from '@/components/markdown';
import { MarkdownCommentBox } from '@/components/markdown-comment-box';
import type { Alert } from '@/domain/graph';
import { useAddAlertComment, usePendingAlertComments } from '../api/use-add-alert-comment';
import { useAlertManageStyles } from './alert-manage.styles';

export type AlertCommentsProps = {
  alert: Alert;
  /** Why the persona can't comment on this alert; the box is disabled and says so. */
  denial?: string;
};

/** An alert's comments, newest first, rendered from markdown, with the comment box above. */
export function AlertComments({ alert, denial }: AlertCommentsProps) {
  const styles = useAlertManageStyles();
  const addComment = useAddAlertComment(alert);
  const pending = usePendingAlertComments(alert.id ?? '');
  const comments = [...(alert.comments ?? [])].reverse();

  return (
    <div className={styles.comments}>
      <MarkdownCommentBox
        disabledReason={denial}
        label="Comment"
        placeholder="Add a comment"
        onPost={(text) => addComment.mutateAsync(text)}
      />
      {comments.length === 0 && pending.length === 0 ? (
        <p className={styles.muted}>No comments yet.</p>
      ) : (
        <ul aria-label="Alert comments" className={styles.commentList}>
          {[...pending].reverse().map((text, i) => (
            <li aria-busy className={mergeClasses(styles.comment, styles.pending)} key={`p${i}`}>
              <span className={styles.commentMeta}>
                <Spinner size="extra-tiny" />
                Posting…
              </span>
              <Markdown text={text} />
            </li>
          ))}
          {comments.map((c, i) => (
            <li className={styles.comment} key={`${c.createdDateTime ?? ''}-${i}`}>
              <span className={styles.commentMeta}>
                <span className={styles.commentAuthor}>{c.createdByDisplayName}</span>
                <DateTime value={c.createdDateTime} />
              </span>
              <Markdown text={c.comment ?? ''} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
