import { Badge, Button, mergeClasses, Tooltip } from '@fluentui/react-components';
import { ArrowMoveRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useLiveMode } from '@/api/config';
import { DateTime } from '@/components/date-time';
import { RouterLink } from '@/components/router-link';
import { SeverityBadge } from '@/components/severity-badge';
import { detectionSourceLabel } from '@/domain/detection-sources';
import type { ServiceSource } from '@/domain/enums';
import type { Alert } from '@/domain/graph';
import { accessHint, alertWriteDenial } from '@/domain/identity';
import { categoryLabel } from '@/domain/naming';
import { SOURCE_INFO } from '@/domain/sources';
import { useCurrentPersona } from '@/components/use-current-persona';
import { AlertComments } from './alert-comments';
import { AlertEvidenceList } from './alert-evidence';
import { AlertManage } from './alert-manage';
import { AlertStatusBadge } from '@/components/alert-status-badge';
import { useAlertDetailsStyles } from './alert-details.styles';

function Fact({
  children,
  label,
  wide = false,
}: {
  children: ReactNode;
  label: string;
  wide?: boolean;
}) {
  const styles = useAlertDetailsStyles();
  return (
    <div className={mergeClasses(styles.fact, wide && styles.wideFact)}>
      <dt className={styles.term}>{label}</dt>
      <dd className={styles.definition}>{children}</dd>
    </div>
  );
}

export type AlertDetailsProps = {
  alert: Alert;
  /** Opens the move flyout for this alert. */
  onMoveAlert: (alertId: string) => void;
};

/** What the alert details panel shows about one alert (SPEC.md §12.6). */
export function AlertDetails({ alert, onMoveAlert }: AlertDetailsProps) {
  const styles = useAlertDetailsStyles();
  const persona = useCurrentPersona();
  const source = alert.serviceSource as ServiceSource | null | undefined;
  const moveHint = accessHint(persona, source ? [source] : []);
  const categories = alert.categories?.length
    ? alert.categories
    : alert.category
      ? [alert.category]
      : [];
  const live = useLiveMode();
  // Every incident it belongs to, its home first (Sentinel relates alerts to several; seed 004).
  // Real Graph names only the home incident, and Sentinel cannot be asked which incidents hold
  // an alert: live mode lists the home one and says so.
  const incidentIds =
    !live && alert['@mock.incidentIds']?.length
      ? alert['@mock.incidentIds']
      : alert.incidentId
        ? [alert.incidentId]
        : [];
  // The whole sentence (who, what role, which permission) for the manage and comment sections.
  const denial = persona
    ? alertWriteDenial(persona, alert.id ?? '', source ? [source] : [])
    : undefined;

  return (
    <div className={styles.root}>
      <div className={styles.summary}>
        <SeverityBadge severity={alert.severity} />
        <AlertStatusBadge status={alert.status} />
        <span className={styles.id}>Alert ID: {alert.id}</span>
      </div>

      <div className={styles.actions}>
        <Tooltip
          content={moveHint ?? 'Move this alert to another incident'}
          relationship="description"
        >
          <Button
            disabledFocusable={moveHint !== undefined}
            icon={<ArrowMoveRegular />}
            onClick={() => alert.id && onMoveAlert(alert.id)}
          >
            Move alert to another incident
          </Button>
        </Tooltip>
      </div>

      <section aria-labelledby="alert-details-manage" className={styles.section}>
        <h3 className={styles.heading} id="alert-details-manage">
          Manage alert
        </h3>
        {/* Keyed by alert: a half-edited form never carries over to another alert. */}
        <AlertManage alert={alert} denial={denial} key={alert.id} />
      </section>

      <section aria-labelledby="alert-details-facts" className={styles.section}>
        <h3 className={styles.heading} id="alert-details-facts">
          Alert details
        </h3>
        <dl className={styles.facts}>
          <Fact label="Service source">
            {source ? (SOURCE_INFO[source]?.label ?? source) : '—'}
          </Fact>
          <Fact label="Detection source">{detectionSourceLabel(alert.detectionSource)}</Fact>
          <Fact label="Category">
            {categories.length ? categories.map(categoryLabel).join(', ') : '—'}
          </Fact>
          <Fact label="MITRE ATT&CK techniques">
            {alert.mitreTechniques?.length ? (
              <ul aria-label="MITRE ATT&CK techniques" className={styles.techniques}>
                {alert.mitreTechniques.map((t) => (
                  <li key={t}>
                    <Badge appearance="outline" color="informative" shape="rounded">
                      {t}
                    </Badge>
                  </li>
                ))}
              </ul>
            ) : (
              '—'
            )}
          </Fact>
          <Fact label={incidentIds.length > 1 ? 'Incidents' : 'Incident'}>
            {incidentIds.length === 0 ? (
              '—'
            ) : (
              <ul aria-label="Incidents this alert belongs to" className={styles.incidents}>
                {incidentIds.map((id) => (
                  <li className={styles.incident} key={id}>
                    <RouterLink to={`/incidents/${encodeURIComponent(id)}/overview`}>
                      Incident {id}
                    </RouterLink>
                    {incidentIds.length > 1 && (
                      <span className={styles.muted}>
                        {id === alert.incidentId ? 'Home incident' : 'Related'}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {live && (
              <p className={mergeClasses(styles.muted, styles.note)}>
                Home incident only: Microsoft Graph does not say which other incidents an alert is
                related to. Those incidents list it on their Alerts tab.
              </p>
            )}
          </Fact>
          <Fact label="Created">
            <DateTime value={alert.createdDateTime} />
          </Fact>
          <Fact label="First activity">
            <DateTime value={alert.firstActivityDateTime} />
          </Fact>
          <Fact label="Last activity">
            <DateTime value={alert.lastActivityDateTime} />
          </Fact>
        </dl>
      </section>

      <section aria-labelledby="alert-details-description" className={styles.section}>
        <h3 className={styles.heading} id="alert-details-description">
          Description
        </h3>
        <p className={mergeClasses(styles.text, !alert.description && styles.muted)}>
          {alert.description || 'No description.'}
        </p>
      </section>

      <section aria-labelledby="alert-details-recommended" className={styles.section}>
        <h3 className={styles.heading} id="alert-details-recommended">
          Recommended actions
        </h3>
        <p className={mergeClasses(styles.text, !alert.recommendedActions && styles.muted)}>
          {alert.recommendedActions || 'No recommended actions.'}
        </p>
      </section>

      <section aria-labelledby="alert-details-evidence" className={styles.section}>
        <h3 className={styles.heading} id="alert-details-evidence">
          Evidence
        </h3>
        <AlertEvidenceList evidence={alert.evidence ?? []} />
      </section>

      <section aria-labelledby="alert-details-comments" className={styles.section}>
        <h3 className={styles.heading} id="alert-details-comments">
          Comments ({alert.comments?.length ?? 0})
        </h3>
        <AlertComments alert={alert} denial={denial} key={alert.id} />
      </section>
    </div>
  );
}
