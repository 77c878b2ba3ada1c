import { useLocation } from 'react-router';
import { RouterLink } from '@/components/router-link';
import { useRoutesStyles } from './routes.styles';

/** Any path the console does not have. */
export function NotFoundRoute() {
  const styles = useRoutesStyles();
  const { pathname } = useLocation();
  return (
    <div className={styles.message}>
      <h1 className={styles.title}>Page not found</h1>
      <span>There is no page at {pathname}.</span>
      <RouterLink to="/incidents">Go to incidents</RouterLink>
    </div>
  );
}
