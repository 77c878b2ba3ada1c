import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useSeedProgress } from '../startup-notice';
import { useRoutesStyles } from './routes.styles';

const SeedProgressBar = lazy(() => import('./seed-progress-bar'));

/**
 * What shows while the first screen's code and data load: never a blank page. While the demo
 * data is being generated (a first visit, or the 10,000-incident store), how far it is.
 */
export function StartupFallback() {
  const styles = useRoutesStyles();
  const progress = useSeedProgress();
  const spinner = <Spinner label="Loading the console…" labelPosition="below" />;
  return (
    <div className={styles.startup}>
      {progress && progress.done < progress.total ? (
        <Suspense fallback={spinner}>
          <SeedProgressBar progress={progress} />
        </Suspense>
      ) : (
        spinner
      )}
    </div>
  );
}
