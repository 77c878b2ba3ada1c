import { useParams } from 'react-router';
import { RouterLink } from '@/components/router-link';
import { IncidentHeader } from '@/features/incident-page/components/incident-header';
import { useRoutesStyles } from './routes.styles';

/** `/incidents/:id`: the incident page (its header for now; tabs come with issue 4). */
export function IncidentRoute() {
  const styles = useRoutesStyles();
  const { id = '' } = useParams();
  return (
    <div className={styles.page}>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <RouterLink to="/incidents">Incidents</RouterLink>
      </nav>
      <IncidentHeader incidentId={id} key={id} />
    </div>
  );
}
