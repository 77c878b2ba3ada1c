/**
 * Alerts over time, as Sentinel draws them in an entity's Timeline card and in an incident's
 * Incident timeline (seed 004): the incident's own alerts in full colour with a solid severity
 * band; alerts external to it greyed, with a dotted band. Each row reads, to a screen reader as
 * to the eye: the alert's name, its severity, its time, and where it is ("In this incident" or
 * "External, in incident 12"), then the row's action (a button or a menu) if it has one.
 */
import { mergeClasses } from '@fluentui/react-components';
import { ShieldFilled, ShieldRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { SEVERITY_LABELS } from '@/domain/enums';
import type { Alert } from '@/domain/graph';
import { alertTitle } from './alert-columns';
import { AlertTitleLink } from './alert-title-link';
import { useAlertTimelineStyles } from './alert-timeline.styles';
import { DateTime } from './date-time';

/** Where an alert stands to the incident being looked at. */
type TimelinePlacement =
  /** `relatedFrom`: it was added to this incident, and its home is that incident. */
  | { kind: 'inIncident'; relatedFrom?: string }
  /** In other incidents only; `incidentId` is its home. */
  | { kind: 'external'; incidentId: string };

export type AlertTimelineItem = {
  /** The row's own control (a button or a menu), at its end. */
  action?: ReactNode;
  alert: Alert;
  placement: TimelinePlacement;
};

export type AlertTimelineProps = {
  items: readonly AlertTimelineItem[];
  /** The list's accessible name, e.g. "Alerts involving FIN-WS-01, oldest first". */
  label: string;
  /** Each title opens the alert details panel (`?alert=<id>`); plain text otherwise. @default false */
  linkTitles?: boolean;
  /** The DOM id of an alert's row, so a caller can move focus to it (rows take focus by script). */
  rowId?: (alertId: string) => string;
};

type Shown = 'high' | 'medium' | 'low' | 'informational';

const shownSeverity = (alert: Alert): Shown =>
  alert.severity === 'high' || alert.severity === 'medium' || alert.severity === 'low'
    ? alert.severity
    : 'informational';

const SHIELD_CLASS = {
  high: 'shieldHigh',
  medium: 'shieldMedium',
  low: 'shieldLow',
  informational: 'shieldInformational',
} as const;

/** What the row says of where the alert is. */
function placementText(placement: TimelinePlacement): string {
  if (placement.kind === 'external') return `External, in incident ${placement.incidentId}`;
  return placement.relatedFrom
    ? `In this incident, added from incident ${placement.relatedFrom}`
    : 'In this incident';
}

/** A list of alerts over time, each with its severity band and where it stands. */
export function AlertTimeline({ items, label, linkTitles = false, rowId }: AlertTimelineProps) {
  const styles = useAlertTimelineStyles();
  return (
    <ol aria-label={label} className={styles.list}>
      {items.map(({ action, alert, placement }) => {
        const severity = shownSeverity(alert);
        const external = placement.kind === 'external';
        const Shield = external ? ShieldRegular : ShieldFilled;
        const title = alertTitle(alert);
        const id = alert.id ?? '';
        return (
          <li
            className={mergeClasses(styles.item, styles[severity], external && styles.external)}
            id={rowId?.(id)}
            key={id}
            tabIndex={rowId ? -1 : undefined}
          >
            <Shield
              aria-hidden
              className={mergeClasses(
                styles.shield,
                external ? styles.shieldExternal : styles[SHIELD_CLASS[severity]],
              )}
            />
            <div className={styles.body}>
              <span className={mergeClasses(styles.title, external && styles.titleExternal)}>
                {linkTitles ? <AlertTitleLink alertId={id} title={title} /> : title}
              </span>
              <span className={styles.meta}>
                <span>{SEVERITY_LABELS[alert.severity ?? 'unknown']} severity</span>
                <span aria-hidden>·</span>
                <DateTime value={alert.createdDateTime} />
                <span aria-hidden>·</span>
                <span className={styles.placement}>{placementText(placement)}</span>
              </span>
            </div>
            {action && <div className={styles.action}>{action}</div>}
          </li>
        );
      })}
    </ol>
  );
}
