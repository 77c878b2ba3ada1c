import { mergeClasses } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled } from '@fluentui/react-icons';
import type { MergeCheck } from '@/domain/merge';
import { VisuallyHidden } from '@/components/visually-hidden';
import { useMergeIncidentsStyles } from './merge-incidents.styles';

/** Every precondition of the merge, passed or failed; a failed one names what to fix. */
export function MergeChecks({ checks, labelledBy }: { checks: MergeCheck[]; labelledBy: string }) {
  const styles = useMergeIncidentsStyles();
  return (
    <ul aria-labelledby={labelledBy} className={styles.checks}>
      {checks.map((check) => (
        <li className={styles.check} key={check.id}>
          {check.passed ? (
            <CheckmarkCircleFilled
              aria-hidden
              className={mergeClasses(styles.checkIcon, styles.passed)}
            />
          ) : (
            <DismissCircleFilled
              aria-hidden
              className={mergeClasses(styles.checkIcon, styles.failed)}
            />
          )}
          <span className={styles.checkText}>
            <span>
              <VisuallyHidden>{check.passed ? 'Passed: ' : 'Failed: '}</VisuallyHidden>
              {check.label}
            </span>
            {check.problem && <span className={styles.problem}>{check.problem}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
