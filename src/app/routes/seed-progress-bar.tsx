import { Field, ProgressBar } from '@fluentui/react-components';
import type { SeedProgress } from '../startup-notice';
import { useRoutesStyles } from './routes.styles';

const count = (n: number) => n.toLocaleString('en-US');

/** How far generating the demo data is; its own chunk, as most starts never show it. */
export default function SeedProgressBar({ progress }: { progress: SeedProgress }) {
  const styles = useRoutesStyles();
  return (
    <Field
      className={styles.seedProgress}
      label="Preparing the demo data"
      validationMessage={`${count(progress.done)} of ${count(progress.total)} incidents`}
      validationState="none"
    >
      <ProgressBar max={progress.total} thickness="large" value={progress.done} />
    </Field>
  );
}
