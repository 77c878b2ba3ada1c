import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { DateTime } from '@/components/date-time';
import { ErrorState } from '@/components/error-state';
import { IncidentStatusBadge } from '@/components/incident-status-badge';
import { RouterLink } from '@/components/router-link';
import { SeverityBadge } from '@/components/severity-badge';
import { useIncidentHeaderStyles } from './incident-header.styles';

function Fact({ children, label }: { children: ReactNode; label: string }) {
  const styles = useIncidentHeaderStyles();
  return (
    <div className={styles.fact}>
      <dt className={styles.term}>{label}</dt>
      <dd className={styles.definition}>{children}</dd>
    </div>
  );
}

/** The head of the incident page: name, id, severity, status and owner, read from Graph. */
export function IncidentHeader({ incidentId }: { incidentId: string }) {
  const styles = useIncidentHeaderStyles();
  const query = useQuery(incidentQueries.detail(incidentId));

  if (query.isPending) {
    return (
      <div className={styles.loading}>
        <Spinner label={`Loading incident ${incidentId}…`} />
      </div>
    );
  }
  if (query.isError) {
    return (
      <ErrorState
        actions={<RouterLink to="/incidents">Back to incidents</RouterLink>}
        error={query.error}
        retrying={query.isFetching}
        title={`Couldn't load incident ${incidentId}`}
        onRetry={() => void query.refetch()}
      />
    );
  }

  const incident = query.data;
  const alertCount = incident.alerts?.length;
  return (
    <header className={styles.root}>
      <h1 className={styles.title}>{incident.displayName || `Incident ${incident.id}`}</h1>
      {incident.status === 'redirected' && incident.redirectIncidentId && (
        <MessageBar intent="info">
          <MessageBarBody>
            This incident was merged into{' '}
            <RouterLink to={`/incidents/${encodeURIComponent(incident.redirectIncidentId)}`}>
              incident {incident.redirectIncidentId}
            </RouterLink>
            .
          </MessageBarBody>
        </MessageBar>
      )}
      <dl className={styles.facts}>
        <Fact label="Incident ID">{incident.id}</Fact>
        <Fact label="Severity">
          <SeverityBadge severity={incident.severity} />
        </Fact>
        <Fact label="Status">
          <IncidentStatusBadge status={incident.status} />
        </Fact>
        <Fact label="Assigned to">
          {incident.assignedTo ?? <span className={styles.muted}>Unassigned</span>}
        </Fact>
        {alertCount !== undefined && <Fact label="Alerts">{alertCount}</Fact>}
        <Fact label="Last update time">
          <DateTime value={incident.lastUpdateDateTime} />
        </Fact>
      </dl>
    </header>
  );
}
