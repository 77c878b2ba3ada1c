import {
  CounterBadge,
  Link,
  mergeClasses,
  Skeleton,
  SkeletonItem,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { DesktopRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import type { IncidentEntity } from '@/api/entities/entities-api';
import { ENTITY_KINDS, type EntityKind } from '@/domain/entities';
import { ErrorState, RefreshFailed } from '@/components/error-state';
import { ENTITY_GROUP_LABELS, ENTITY_ICONS } from '@/components/entity-labels';
import { EntityPanel } from '@/components/entity-panel';
import { useIncidentEntities } from '@/components/use-incident-members';
import { useIncidentAssetsStyles } from './incident-assets.styles';

const alertsText = (n: number) => `${n} ${n === 1 ? 'alert' : 'alerts'}`;

type AssetGroupProps = {
  entities: IncidentEntity[];
  kind: EntityKind;
  onOpen: (entity: IncidentEntity) => void;
};

function AssetGroup({ entities, kind, onOpen }: AssetGroupProps) {
  const styles = useIncidentAssetsStyles();
  // Focus comes back to the entity's name when its side panel closes.
  const restoreFocusTarget = useRestoreFocusTarget();
  const Icon = ENTITY_ICONS[kind];
  const label = ENTITY_GROUP_LABELS[kind];
  const headingId = `assets-${kind}`;
  // Most involved first, as an analyst scopes an incident.
  const sorted = [...entities].sort(
    (a, b) => b.alertIds.length - a.alertIds.length || a.name.localeCompare(b.name),
  );
  return (
    <section aria-labelledby={headingId} className={styles.group}>
      <h2 className={styles.heading} id={headingId}>
        <Icon aria-hidden className={styles.icon} />
        {label}
        <CounterBadge
          appearance="filled"
          color="informative"
          count={entities.length}
          overflowCount={999}
        />
      </h2>
      <Table aria-labelledby={headingId} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell className={styles.alertsCell}>Appears in</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((e) => (
            <TableRow key={e.key}>
              <TableCell className={styles.nameCell}>
                <Link {...restoreFocusTarget} as="button" onClick={() => onOpen(e)}>
                  {e.name}
                </Link>
              </TableCell>
              <TableCell className={styles.alertsCell}>{alertsText(e.alertIds.length)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

export type IncidentAssetsProps = {
  incidentId: string;
  /** The Timeline card of an entity's side panel (the app composes it). */
  renderEntityTimeline: (incidentId: string, entity: IncidentEntity) => ReactNode;
};

/**
 * The Assets tab: the devices, users, mailboxes, apps… the incident's alerts name. Selecting
 * one opens its side panel, with its Timeline.
 */
export function IncidentAssets({ incidentId, renderEntityTimeline }: IncidentAssetsProps) {
  const styles = useIncidentAssetsStyles();
  const query = useIncidentEntities(incidentId);
  // By kind and key: the panel follows the entity as the assets refetch, and closes if it leaves.
  const [openKey, setOpenKey] = useState<{ kind: EntityKind; key: string } | null>(null);

  if (query.isPending) {
    return (
      <div aria-busy="true" aria-label="Loading assets" role="status">
        <Skeleton className={styles.skeleton}>
          {Array.from({ length: 4 }, (_, i) => (
            <SkeletonItem key={i} size={32} />
          ))}
        </Skeleton>
      </div>
    );
  }
  if (query.data === undefined) {
    return (
      <ErrorState
        error={query.error}
        retrying={query.isFetching}
        title="Couldn't load assets"
        onRetry={() => void query.refetch()}
      />
    );
  }

  const open =
    openKey === null
      ? null
      : (query.data.value.find((e) => e.kind === openKey.kind && e.key === openKey.key) ?? null);
  const byKind = new Map<EntityKind, IncidentEntity[]>();
  for (const e of query.data.value) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);

  // A refresh that fails keeps the assets (and an open entity's panel) as they were loaded.
  const staleBar = <RefreshFailed query={query} what="assets" />;

  if (query.data.value.length === 0) {
    return (
      <>
        {staleBar}
        <div className={styles.empty} role="status">
          <DesktopRegular aria-hidden fontSize={48} />
          <span className={styles.emptyTitle}>No assets</span>
          <span>None of this incident&apos;s alerts name a device, user, mailbox or app.</span>
        </div>
      </>
    );
  }

  return (
    <div className={styles.root}>
      {staleBar}
      <ul aria-label="Asset counts" className={styles.summary}>
        {ENTITY_KINDS.map((kind) => {
          const n = byKind.get(kind)?.length ?? 0;
          return (
            <li
              className={mergeClasses(styles.summaryItem, n === 0 && styles.summaryEmpty)}
              key={kind}
            >
              {ENTITY_GROUP_LABELS[kind]}
              <CounterBadge
                appearance={n === 0 ? 'ghost' : 'filled'}
                color="informative"
                count={n}
                overflowCount={999}
                showZero
              />
            </li>
          );
        })}
      </ul>
      <div className={styles.groups}>
        {ENTITY_KINDS.filter((kind) => byKind.has(kind)).map((kind) => (
          <AssetGroup
            entities={byKind.get(kind) ?? []}
            key={kind}
            kind={kind}
            onOpen={(e) => setOpenKey({ kind: e.kind, key: e.key })}
          />
        ))}
      </div>
      <EntityPanel
        entity={open}
        renderTimeline={(entity) => renderEntityTimeline(incidentId, entity)}
        onClose={() => setOpenKey(null)}
      />
    </div>
  );
}
