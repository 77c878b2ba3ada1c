import { mergeClasses, Spinner } from '@fluentui/react-components';
import { CheckmarkCircleFilled, ErrorCircleFilled } from '@fluentui/react-icons';
import { useManageDrawerStyles } from './manage-drawer.styles';

/** Where one incident of a bulk change stands. */
export type BulkResult =
  { state: 'saving' } | { state: 'succeeded' } | { state: 'failed'; message: string };

export type BulkResultsProps = {
  incidentIds: string[];
  names: Record<string, string>;
  results: Record<string, BulkResult>;
  running: boolean;
};

/** One line per incident: updated, or failed with the server's reason. */
export function BulkResults({ incidentIds, names, results, running }: BulkResultsProps) {
  const styles = useManageDrawerStyles();
  const failed = incidentIds.filter((id) => results[id]?.state === 'failed').length;
  const done = incidentIds.filter((id) => results[id]?.state === 'succeeded').length;
  return (
    <>
      <h3 className={styles.sectionTitle}>Results</h3>
      <p aria-live="polite" className={styles.summary} role="status">
        {running
          ? 'Updating incidents…'
          : failed === 0
            ? `All ${done} incidents were updated.`
            : `${done} of ${incidentIds.length} incidents were updated; ${failed} failed.`}
      </p>
      <ul aria-label="Results" className={styles.results}>
        {incidentIds.map((id) => {
          const result = results[id];
          const name = names[id] ? `Incident ${id} · ${names[id]}` : `Incident ${id}`;
          return (
            <li className={styles.result} key={id}>
              <span className={styles.resultIcon}>
                {result?.state === 'succeeded' ? (
                  <CheckmarkCircleFilled
                    aria-label="Succeeded"
                    className={styles.succeeded}
                    fontSize={20}
                    role="img"
                  />
                ) : result?.state === 'failed' ? (
                  <ErrorCircleFilled
                    aria-label="Failed"
                    className={styles.failed}
                    fontSize={20}
                    role="img"
                  />
                ) : (
                  <Spinner aria-label="Updating" size="extra-tiny" />
                )}
              </span>
              <span className={styles.resultName}>{name}</span>
              <span
                className={mergeClasses(
                  styles.resultText,
                  result?.state === 'failed' && styles.resultError,
                )}
              >
                {result?.state === 'succeeded'
                  ? 'Updated'
                  : result?.state === 'failed'
                    ? result.message
                    : 'Updating…'}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
