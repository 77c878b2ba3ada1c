import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useLiveMode } from '@/api/config';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { relationQueries } from '@/api/relations/relation-queries';
import type { EntityAlert } from '@/api/relations/relations-api';
import { providerAlertIdOf } from '@/api/relations/sentinel-lookup';
import { involves, type EntityKind } from '@/domain/entities';
import type { Incident } from '@/domain/graph';

type TimelineEntity = { kind: EntityKind; key: string };

/**
 * Live mode's timeline, made whole: the recent alerts Graph gave, plus the incident's own alerts
 * on the entity however old, each marked as in the incident when Sentinel holds it there (Graph
 * names only an alert's home incident). Oldest first.
 */
function completeLiveTimeline(
  scanned: readonly EntityAlert[],
  incident: Incident,
  members: ReadonlySet<string> | undefined,
  entity: TimelineEntity,
): EntityAlert[] {
  const here = {
    incidentId: incident.id ?? '',
    displayName: incident.displayName ?? '',
    status: incident.status ?? 'active',
    alertCount: incident.alerts?.length ?? 0,
  };
  const seen = new Set(scanned.map((e) => e.alert.id));
  const own = (incident.alerts ?? [])
    .filter((a) => !seen.has(a.id) && involves(a, entity.kind, entity.key))
    .map((alert): EntityAlert => ({ alert, incidents: [here] }));
  return [...scanned, ...own]
    .map((e) =>
      members?.has(providerAlertIdOf(e.alert)) &&
      !e.incidents.some((i) => i.incidentId === here.incidentId)
        ? { ...e, incidents: [...e.incidents, here] }
        : e,
    )
    .sort((a, b) => (a.alert.createdDateTime ?? '').localeCompare(b.alert.createdDateTime ?? ''));
}

/**
 * Every alert that involves the entity, oldest first, with the incidents each belongs to: the
 * mock answers it whole; live mode completes what it matched among Graph's recent alerts.
 */
export function useEntityTimeline(entity: TimelineEntity, incidentId: string, sentinelId?: string) {
  const live = useLiveMode();
  const timeline = useQuery(relationQueries.entityAlerts(entity.kind, entity.key));
  const incident = useQuery({ ...incidentQueries.detail(incidentId), enabled: live });
  const members = useQuery({
    ...relationQueries.sentinelMembers(sentinelId ?? ''),
    enabled: live && sentinelId !== undefined,
  }).data;
  const data = useMemo(() => {
    if (!live || !timeline.data) return timeline.data;
    // Without the incident (not read yet, or refused) the timeline shows what Graph matched.
    if (!incident.data) return incident.isError ? timeline.data : undefined;
    return completeLiveTimeline(timeline.data, incident.data, members, entity);
    // The entity is keyed by kind and key, which the timeline's query already follows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live, timeline.data, incident.data, incident.isError, members]);
  return { timeline, data };
}
