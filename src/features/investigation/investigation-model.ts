/**
 * The investigation graph as data (seed 004, "Add alerts using the investigation graph"): the
 * incident's alerts and their entities are nodes, an edge says "this alert involves this entity".
 * Entities whose **Related alerts** were asked for bring the alerts that involve them but are not
 * in the incident, joined by dotted edges. The graph view and the list view draw the same model.
 */
import type { IncidentEntity } from '@/api/entities/entities-api';
import { ENTITY_KINDS, type EntityKind } from '@/domain/entities';
import type { EntityAlert } from '@/api/relations/relations-api';
import type { IncidentMember } from '@/components/use-incident-members';
import type { Alert } from '@/domain/graph';

/** Where an alert stands: a home alert, an alert added to the incident, or a related alert. */
type AlertPlacement = 'home' | 'added' | 'related';

export type AlertNode = {
  id: string;
  alert: Alert;
  placement: AlertPlacement;
  /** A related alert as the entity query answered it (with its incidents): what adding it asks. */
  entityAlert?: EntityAlert;
};

export type EntityNode = {
  id: string;
  entity: IncidentEntity;
  /** Its Related alerts have been asked for. */
  explored: boolean;
};

type GraphEdge = {
  id: string;
  /** The entity's node. */
  source: string;
  /** The alert's node. */
  target: string;
  /** A related alert's edge: dotted until the alert joins the incident. */
  dotted: boolean;
};

export type InvestigationGraph = {
  /** The incident's alerts (oldest first), then related alerts (oldest first). */
  alerts: AlertNode[];
  /** By kind, in the Assets tab's order, then by name. */
  entities: EntityNode[];
  edges: GraphEdge[];
};

const alertNodeId = (alertId: string) => `alert:${alertId}`;
export const entityNodeId = (entity: Pick<IncidentEntity, 'kind' | 'key'>) =>
  `entity:${entity.kind}:${entity.key}`;

const KIND_ORDER = new Map<EntityKind, number>(ENTITY_KINDS.map((k, i) => [k, i]));

const byTime = (a: Alert, b: Alert) =>
  (a.createdDateTime ?? '').localeCompare(b.createdDateTime ?? '') ||
  (a.id ?? '').localeCompare(b.id ?? '');

/** What the related-alerts query of one entity answered (or nothing yet). */
export type Exploration = { entity: Pick<IncidentEntity, 'kind' | 'key'>; alerts?: EntityAlert[] };

/**
 * Builds the graph: `members` are the incident's alerts (home and added), `entities` what the
 * incident's alerts name, `explorations` the entities whose Related alerts were asked for. An
 * explored entity's alert that is in the incident is already joined to it; the others are
 * related alerts, each once however many entities lead to it.
 */
export function buildInvestigation({
  incidentId,
  members,
  entities,
  explorations,
}: {
  incidentId: string;
  members: readonly IncidentMember[];
  entities: readonly IncidentEntity[];
  explorations: readonly Exploration[];
}): InvestigationGraph {
  const alerts = [...members]
    .sort((a, b) => byTime(a.alert, b.alert))
    .map((m): AlertNode => ({
      id: alertNodeId(m.alert.id ?? ''),
      alert: m.alert,
      placement: m.related ? 'added' : 'home',
    }));
  const inIncident = new Set(members.map((m) => m.alert.id ?? ''));
  const explored = new Set(explorations.map((x) => entityNodeId(x.entity)));
  const entityNodes = [...entities]
    .sort(
      (a, b) =>
        (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) ||
        a.name.localeCompare(b.name),
    )
    .map((entity): EntityNode => {
      const id = entityNodeId(entity);
      return { id, entity, explored: explored.has(id) };
    });
  const present = new Set(entityNodes.map((e) => e.id));
  const edges: GraphEdge[] = [];
  for (const { id, entity } of entityNodes) {
    for (const alertId of entity.alertIds) {
      if (!inIncident.has(alertId)) continue;
      const target = alertNodeId(alertId);
      edges.push({ id: `${id}->${target}`, source: id, target, dotted: false });
    }
  }
  const related = new Map<string, AlertNode>();
  for (const { entity, alerts: found = [] } of explorations) {
    const source = entityNodeId(entity);
    if (!present.has(source)) continue;
    for (const entityAlert of found) {
      const alertId = entityAlert.alert.id ?? '';
      if (inIncident.has(alertId)) continue;
      if (entityAlert.incidents.some((i) => i.incidentId === incidentId)) continue;
      const target = alertNodeId(alertId);
      if (!related.has(target)) {
        related.set(target, {
          id: target,
          alert: entityAlert.alert,
          placement: 'related',
          entityAlert,
        });
      }
      edges.push({ id: `${source}->${target}`, source, target, dotted: true });
    }
  }
  const relatedNodes = [...related.values()].sort((a, b) => byTime(a.alert, b.alert));
  return { alerts: [...alerts, ...relatedNodes], entities: entityNodes, edges };
}
