import { mergeClasses } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Incident } from '@/domain/graph';
import { useIncidentTagsStyles } from './incident-tags.styles';
import { VisuallyHidden } from './visually-hidden';

export type IncidentTagsProps = {
  /** What to show when the incident has no tags. @default nothing */
  empty?: ReactNode;
  incident: Pick<Incident, 'customTags' | 'systemTags'>;
  /**
   * Show at most this many tags on one line, and the rest as "+N" (a grid cell). Absent: every
   * tag, wrapping (a header, a pane).
   */
  max?: number;
};

type Tag = { text: string; system: boolean };

/**
 * An incident's tags as chips, the same wherever they show (the queue, the incident page's
 * header, the side pane): the analysts' own tags light, the system's tags dark (and named so to
 * screen readers), in that order.
 */
export function IncidentTags({ empty = null, incident, max }: IncidentTagsProps) {
  const styles = useIncidentTagsStyles();
  const tags: Tag[] = [
    ...(incident.customTags ?? []).map((text) => ({ text, system: false })),
    ...(incident.systemTags ?? []).map((text) => ({ text, system: true })),
  ];
  if (tags.length === 0) return <>{empty}</>;
  const shown = max === undefined ? tags : tags.slice(0, max);
  const hidden = tags.slice(shown.length);
  return (
    <ul
      aria-label="Tags"
      className={mergeClasses(styles.list, max !== undefined && styles.oneLine)}
      title={tags.map((t) => t.text).join(', ')}
    >
      {shown.map((tag) => (
        <li
          className={mergeClasses(styles.chip, tag.system ? styles.system : styles.custom)}
          key={`${tag.system ? 's' : 'c'}:${tag.text}`}
        >
          {tag.system && <VisuallyHidden>System tag: </VisuallyHidden>}
          <span className={styles.text}>{tag.text}</span>
        </li>
      ))}
      {hidden.length > 0 && (
        <li className={mergeClasses(styles.chip, styles.more)}>
          <span aria-hidden>+{hidden.length}</span>
          <VisuallyHidden>{hidden.map((t) => t.text).join(', ')}</VisuallyHidden>
        </li>
      )}
    </ul>
  );
}
