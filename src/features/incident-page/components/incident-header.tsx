import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { IncidentStatusBadge } from '@/components/incident-status-badge';
import { IncidentTags } from '@/components/incident-tags';
import { RouterLink } from '@/components/router-link';
import { SeverityBadge } from '@/components/severity-badge';
import { isUnset } from '@/domain/classification';
import { CLASSIFICATION_LABELS, DETERMINATION_LABELS } from '@/domain/enums';
import type { Incident } from '@/domain/graph';
import { incidentPath } from '../incident-tabs';
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

/** "True positive · Multi-staged attack", or "Not set" (muted) when nobody classified it. */
function Classification({ incident }: { incident: Incident }) {
  const styles = useIncidentHeaderStyles();
  const { classification, determination } = incident;
  if (!classification || isUnset(classification)) {
    return <span className={styles.muted}>Not set</span>;
  }
  const detail =
    determination && determination !== 'unknown' && determination !== 'unknownFutureValue'
      ? ` · ${DETERMINATION_LABELS[determination]}`
      : '';
  return (
    <>
      {CLASSIFICATION_LABELS[classification]}
      {detail}
    </>
  );
}

export type IncidentHeaderProps = {
  /** The Actions menu, next to the name. */
  actions?: ReactNode;
  incident: Incident;
};

/** The head of the incident page: name, id, severity, status, owner, classification and tags. */
export function IncidentHeader({ actions, incident }: IncidentHeaderProps) {
  const styles = useIncidentHeaderStyles();
  return (
    <header className={styles.root}>
      <div className={styles.titleRow}>
        <h1 className={styles.title}>{incident.displayName || `Incident ${incident.id}`}</h1>
        {actions}
      </div>
      {incident.status === 'redirected' && incident.redirectIncidentId && (
        <MessageBar intent="info">
          <MessageBarBody>
            This incident was merged into{' '}
            <RouterLink to={incidentPath(incident.redirectIncidentId)}>
              incident {incident.redirectIncidentId}
            </RouterLink>
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
          {incident.assignedTo || <span className={styles.muted}>Unassigned</span>}
        </Fact>
        <Fact label="Classification">
          <Classification incident={incident} />
        </Fact>
        <Fact label="Tags">
          <IncidentTags empty={<span className={styles.muted}>No tags</span>} incident={incident} />
        </Fact>
      </dl>
    </header>
  );
}
