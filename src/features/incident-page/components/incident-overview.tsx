import { Badge, Link, mergeClasses, useRestoreFocusTarget } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { DateTime } from '@/components/date-time';
import { useIncidentMembers } from '@/components/use-incident-members';
import { SEVERITY_LABELS, type AlertSeverity, type ServiceSource } from '@/domain/enums';
import type { Alert, Incident } from '@/domain/graph';
import { categoryLabel } from '@/domain/naming';
import { SOURCE_INFO } from '@/domain/sources';
import { useIncidentOverviewStyles } from './incident-overview.styles';

const SHOWN_SEVERITIES = ['high', 'medium', 'low', 'informational'] as const;

type Styles = ReturnType<typeof useIncidentOverviewStyles>;

/** First and last activity over the alerts: what the incident spans. */
function activitySpan(alerts: readonly Alert[]) {
  let first: string | undefined;
  let last: string | undefined;
  for (const a of alerts) {
    if (a.firstActivityDateTime && (!first || a.firstActivityDateTime < first)) {
      first = a.firstActivityDateTime;
    }
    if (a.lastActivityDateTime && (!last || a.lastActivityDateTime > last)) {
      last = a.lastActivityDateTime;
    }
  }
  return { first, last };
}

function CountRow({
  barClass,
  count,
  label,
  max,
  styles,
}: {
  barClass?: string;
  count: number;
  label: string;
  max: number;
  styles: Styles;
}) {
  return (
    <div className={styles.countRow}>
      <dt className={styles.countLabel}>{label}</dt>
      <div aria-hidden className={styles.bar}>
        <div
          className={mergeClasses(styles.barFill, barClass)}
          // The bar's length is data, not style: no token can express it.
          style={{ width: `${max === 0 ? 0 : (count / max) * 100}%` }}
        />
      </div>
      <dd className={styles.countValue}>{count}</dd>
    </div>
  );
}

function Detail({
  children,
  label,
  styles,
}: {
  children: ReactNode;
  label: string;
  styles: Styles;
}) {
  return (
    <div className={styles.detail}>
      <dt className={styles.term}>{label}</dt>
      <dd className={styles.definition}>{children}</dd>
    </div>
  );
}

export type IncidentOverviewProps = {
  incident: Incident;
  /** The Summary's "Comments and history": opens the activity-log panel. */
  onCommentsAndHistory: () => void;
  /** The Incident timeline widget, below the counts (the app composes it). */
  timeline: ReactNode;
};

/**
 * The Overview tab: what happened, the alerts (home and related) by severity and source, the
 * key times, and the Incident timeline.
 */
export function IncidentOverview({
  incident,
  onCommentsAndHistory,
  timeline,
}: IncidentOverviewProps) {
  const styles = useIncidentOverviewStyles();
  // Focus comes back to the link when the panel it opens closes.
  const restoreFocusTarget = useRestoreFocusTarget();
  const alerts = useIncidentMembers(incident).members.map((m) => m.alert);
  const active = alerts.filter((a) => a.status !== 'resolved').length;

  const bySeverity = new Map<AlertSeverity, number>();
  for (const a of alerts) {
    if (a.severity) bySeverity.set(a.severity, (bySeverity.get(a.severity) ?? 0) + 1);
  }
  const bySource = new Map<string, number>();
  for (const a of alerts) {
    const label = a.serviceSource
      ? (SOURCE_INFO[a.serviceSource as ServiceSource]?.label ?? a.serviceSource)
      : 'Unknown';
    bySource.set(label, (bySource.get(label) ?? 0) + 1);
  }
  const sources = [...bySource].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const categories = [
    ...new Set(alerts.flatMap((a) => (a.categories?.length ? a.categories : [a.category ?? '']))),
  ]
    .filter(Boolean)
    .map(categoryLabel)
    .sort();
  const span = activitySpan(alerts);
  const maxSeverity = Math.max(0, ...SHOWN_SEVERITIES.map((s) => bySeverity.get(s) ?? 0));
  const maxSource = Math.max(0, ...sources.map(([, n]) => n));

  return (
    <div className={styles.root}>
      <section
        aria-labelledby="overview-summary"
        className={mergeClasses(styles.card, styles.wide)}
      >
        <h2 className={styles.heading} id="overview-summary">
          Summary
        </h2>
        {incident.summary ? (
          <p className={styles.text}>{incident.summary}</p>
        ) : (
          <p className={mergeClasses(styles.text, styles.muted)}>No summary.</p>
        )}
        {incident.description && (
          <>
            <h3 className={styles.subheading}>Description</h3>
            <p className={styles.text}>{incident.description}</p>
          </>
        )}
        <Link
          {...restoreFocusTarget}
          as="button"
          className={styles.summaryLink}
          onClick={onCommentsAndHistory}
        >
          Comments and history
        </Link>
      </section>

      <section aria-labelledby="overview-severity" className={styles.card}>
        <h2 className={styles.heading} id="overview-severity">
          Alerts by severity
        </h2>
        <p className={styles.total}>
          {alerts.length === 0
            ? 'This incident has no alerts.'
            : `${active} active of ${alerts.length} ${alerts.length === 1 ? 'alert' : 'alerts'}`}
        </p>
        <dl aria-label="Alerts by severity" className={styles.counts}>
          {SHOWN_SEVERITIES.map((severity) => (
            <CountRow
              barClass={styles[severity]}
              count={bySeverity.get(severity) ?? 0}
              key={severity}
              label={SEVERITY_LABELS[severity]}
              max={maxSeverity}
              styles={styles}
            />
          ))}
        </dl>
      </section>

      <section aria-labelledby="overview-sources" className={styles.card}>
        <h2 className={styles.heading} id="overview-sources">
          Alerts by service source
        </h2>
        {sources.length === 0 ? (
          <p className={mergeClasses(styles.text, styles.muted)}>No alerts.</p>
        ) : (
          <dl aria-label="Alerts by service source" className={styles.counts}>
            {sources.map(([label, count]) => (
              <CountRow count={count} key={label} label={label} max={maxSource} styles={styles} />
            ))}
          </dl>
        )}
      </section>

      <div className={mergeClasses(styles.card, styles.wide)}>{timeline}</div>

      <section
        aria-labelledby="overview-details"
        className={mergeClasses(styles.card, styles.wide)}
      >
        <h2 className={styles.heading} id="overview-details">
          Incident details
        </h2>
        <dl className={styles.details}>
          <Detail label="First activity" styles={styles}>
            <DateTime value={span.first} />
          </Detail>
          <Detail label="Last activity" styles={styles}>
            <DateTime value={span.last} />
          </Detail>
          <Detail label="Created" styles={styles}>
            <DateTime value={incident.createdDateTime} />
          </Detail>
          <Detail label="Last update time" styles={styles}>
            <DateTime value={incident.lastUpdateDateTime} />
          </Detail>
          <Detail label="Priority score" styles={styles}>
            {incident.priorityScore ?? '—'}
          </Detail>
          <Detail label="Last modified by" styles={styles}>
            {incident.lastModifiedBy || '—'}
          </Detail>
        </dl>
        {categories.length > 0 && (
          <>
            <h3 className={styles.subheading}>Categories</h3>
            <ul aria-label="Categories" className={styles.categories}>
              {categories.map((c) => (
                <li key={c}>
                  <Badge appearance="tint" color="informative" shape="rounded">
                    {c}
                  </Badge>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
