import { useQuery } from '@tanstack/react-query';
import { useLiveMode } from '@/api/config';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { useCurrentPersona } from '@/components/use-current-persona';
import type { Alert } from '@/domain/graph';
import { accessHint, CAN_MANAGE_ANNOTATION } from '@/domain/identity';
import { alertSources } from '@/domain/sources';
import { useSentinelIncident, type SentinelIncident } from './use-sentinel-incident';

export type RelationChangeHints = {
  /** The incident as Sentinel's relations API addresses it, or why it cannot be. */
  sentinel: SentinelIncident;
  /** Why alerts cannot be added to or removed from the incident here, if they cannot. */
  denial: string | undefined;
  /** Why this alert cannot be added or removed, if it cannot (the incident's denial, or its own). */
  hintFor: (alert: Alert) => string | undefined;
};

/**
 * What adding and removing alerts (seed 004) both check before the click: the incident is
 * loaded and in a Sentinel workspace, the persona may change it, and the alert is in Sentinel.
 */
export function useRelationChangeHints(incidentId: string): RelationChangeHints {
  const persona = useCurrentPersona();
  const incident = useQuery(incidentQueries.detail(incidentId)).data;
  const sentinel = useSentinelIncident(incidentId);
  const live = useLiveMode();
  const denial = !incident
    ? 'Loading the incident…'
    : sentinel.kind !== 'ready'
      ? sentinel.reason
      : accessHint(
          persona,
          alertSources(incident.alerts),
          'action',
          incident[CAN_MANAGE_ANNOTATION] === false,
        );
  // In live mode the alert's ARM id is only found when it is changed (Graph does not carry it).
  const hintFor = (alert: Alert) =>
    denial ??
    (live || alert['@mock.sentinelAlertId']
      ? undefined
      : 'This alert is not in a Microsoft Sentinel workspace');
  return { sentinel, denial, hintFor };
}
