import { Spinner } from '@fluentui/react-components';
import { useRoutesStyles } from './routes.styles';

/** What shows while the first screen's code loads: never a blank page. */
export function StartupFallback() {
  const styles = useRoutesStyles();
  return (
    <div className={styles.startup}>
      <Spinner label="Loading the console…" labelPosition="below" />
    </div>
  );
}
