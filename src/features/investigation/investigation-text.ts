import { alertTitle } from '@/components/alert-columns';
import { ENTITY_KIND_LABELS } from '@/components/entity-labels';
import { SEVERITY_LABELS } from '@/domain/enums';
import type { AlertNode, EntityNode } from './investigation-model';

/** "3 alerts and 1 entity": how many of each the graph or the list shows. */
export function countsText(alerts: number, entities: number): string {
  return `${alerts} ${alerts === 1 ? 'alert' : 'alerts'} and ${entities} ${entities === 1 ? 'entity' : 'entities'}`;
}

/** Where an alert stands, in words (the list view's Placement, the graph's announcements). */
export function placementText(node: AlertNode): string {
  if (node.placement === 'home') return 'In this incident';
  if (node.placement === 'added')
    return `Added to this incident (from incident ${node.alert.incidentId ?? '—'})`;
  const other = node.entityAlert?.incidents.map((i) => i.incidentId) ?? [];
  return other.length === 0
    ? 'Related alert, in no incident you can see'
    : `Related alert, in incident ${other.join(', ')}`;
}

/** A node as one sentence: what it is and where it stands. */
export function describeNode(node: AlertNode | EntityNode): string {
  if ('entity' in node) {
    const n = node.entity.alertIds.length;
    return `${ENTITY_KIND_LABELS[node.entity.kind]} ${node.entity.name}: in ${n} ${n === 1 ? 'alert' : 'alerts'} of this incident.`;
  }
  const severity = SEVERITY_LABELS[node.alert.severity ?? 'unknown'];
  return `Alert ${alertTitle(node.alert)}, ${severity} severity. ${placementText(node)}.`;
}
