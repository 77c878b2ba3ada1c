import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  useId,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { alertTitle } from '@/components/alert-columns';
import { ENTITY_ICONS, ENTITY_KIND_LABELS } from '@/components/entity-labels';
import { SeverityBadge } from '@/components/severity-badge';
import type { AlertNode, EntityNode, InvestigationGraph } from '../investigation-model';
import { placementText } from '../investigation-text';
import { useInvestigationPageStyles } from './investigation-page.styles';

export type InvestigationListProps = {
  graph: InvestigationGraph;
  /** Each entity's names of the entities that lead to a related alert. */
  renderAlertActions: (node: AlertNode) => ReactNode;
  renderEntityActions: (node: EntityNode) => ReactNode;
};

/**
 * The graph as two tables (the "List view", seed 004's graph for keyboard and screen-reader
 * use): its alerts — the incident's, then related ones — with their placement, entities and
 * actions, and its entities with their exploration queries. The same actions as the graph.
 */
export function InvestigationList({
  graph,
  renderAlertActions,
  renderEntityActions,
}: InvestigationListProps) {
  const styles = useInvestigationPageStyles();
  const alertsId = useId('investigation-alerts');
  const entitiesId = useId('investigation-entities');
  const names = new Map(graph.entities.map((e) => [e.id, e.entity.name]));
  const entitiesOf = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const list = entitiesOf.get(edge.target) ?? [];
    list.push(names.get(edge.source) ?? '');
    entitiesOf.set(edge.target, list);
  }
  return (
    <>
      <section aria-labelledby={alertsId} className={styles.section}>
        <h2 className={styles.sectionTitle} id={alertsId}>
          Alerts
        </h2>
        <Table aria-labelledby={alertsId} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Alert</TableHeaderCell>
              <TableHeaderCell>Severity</TableHeaderCell>
              <TableHeaderCell>Placement</TableHeaderCell>
              <TableHeaderCell>Entities</TableHeaderCell>
              <TableHeaderCell>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {graph.alerts.map((node) => (
              <TableRow key={node.id}>
                <TableCell className={styles.cellText}>{alertTitle(node.alert)}</TableCell>
                <TableCell>
                  <SeverityBadge severity={node.alert.severity} />
                </TableCell>
                <TableCell>{placementText(node)}</TableCell>
                <TableCell className={styles.cellText}>
                  {(entitiesOf.get(node.id) ?? []).join(', ') || '—'}
                </TableCell>
                <TableCell>{renderAlertActions(node)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <section aria-labelledby={entitiesId} className={styles.section}>
        <h2 className={styles.sectionTitle} id={entitiesId}>
          Entities
        </h2>
        <Table aria-labelledby={entitiesId} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Entity</TableHeaderCell>
              <TableHeaderCell>Type</TableHeaderCell>
              <TableHeaderCell>Alerts in this incident</TableHeaderCell>
              <TableHeaderCell>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {graph.entities.map((node) => {
              const Icon = ENTITY_ICONS[node.entity.kind];
              return (
                <TableRow key={node.id}>
                  <TableCell className={styles.cellText}>{node.entity.name}</TableCell>
                  <TableCell>
                    <span className={styles.kind}>
                      <Icon aria-hidden />
                      {ENTITY_KIND_LABELS[node.entity.kind]}
                    </span>
                  </TableCell>
                  <TableCell>{node.entity.alertIds.length}</TableCell>
                  <TableCell>{renderEntityActions(node)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </section>
    </>
  );
}
