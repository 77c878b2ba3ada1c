import { mergeClasses } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled } from '@fluentui/react-icons';
import type { MergeCheck } from '@/domain/merge';
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
              <span className={styles.visuallyHidden}>
                {check.passed ? 'Passed: ' : 'Failed: '}
              </span>
              {check.label}
            </span>
            {check.problem && <span className={styles.problem}>{check.problem}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
