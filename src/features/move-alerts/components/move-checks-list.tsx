import { CheckmarkCircleFilled, DismissCircleFilled } from '@fluentui/react-icons';
import type { MoveCheck } from '@/domain/move';
import { useMoveChecksStyles } from './move-alerts-flyout.styles';

/** The preconditions of the move, each passed or failed (with what is wrong). */
export function MoveChecksList({ checks }: { checks: readonly MoveCheck[] }) {
  const styles = useMoveChecksStyles();
  return (
    <ul aria-label="Checks before moving" className={styles.list}>
      {checks.map((check) => (
        <li className={styles.item} key={check.id}>
          {check.passed ? (
            <CheckmarkCircleFilled aria-label="Passed" className={styles.passed} role="img" />
          ) : (
            <DismissCircleFilled aria-label="Failed" className={styles.failed} role="img" />
          )}
          <span>{check.label}</span>
          {!check.passed && check.problem && (
            <span className={styles.problem}>{check.problem}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
