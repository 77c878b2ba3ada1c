import {
  CounterBadge,
  mergeClasses,
  Skeleton,
  SkeletonItem,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import {
  AppsRegular,
  BoxRegular,
  DesktopRegular,
  DocumentRegular,
  GlobeRegular,
  LinkRegular,
  MailRegular,
  PersonRegular,
  type FluentIcon,
} from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { ENTITY_KINDS, type EntityKind, type IncidentEntity } from '@/api/entities/entities-api';
import { entityQueries } from '@/api/entities/entity-queries';
import { ErrorState } from '@/components/error-state';
import { useIncidentAssetsStyles } from './incident-assets.styles';

/** The portal's name of each asset group. */
export const ENTITY_GROUP_LABELS: Record<EntityKind, string> = {
  device: 'Devices',
  user: 'Users',
  mailbox: 'Mailboxes',
  app: 'Apps',
  ip: 'IPs',
  url: 'URLs',
  file: 'Files',
  process: 'Processes',
};

const ENTITY_ICONS: Record<EntityKind, FluentIcon> = {
  device: DesktopRegular,
  user: PersonRegular,
  mailbox: MailRegular,
  app: AppsRegular,
  ip: GlobeRegular,
  url: LinkRegular,
  file: DocumentRegular,
  process: BoxRegular,
};

const alertsText = (n: number) => `${n} ${n === 1 ? 'alert' : 'alerts'}`;

function AssetGroup({ entities, kind }: { entities: IncidentEntity[]; kind: EntityKind }) {
  const styles = useIncidentAssetsStyles();
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
              <TableCell className={styles.nameCell}>{e.name}</TableCell>
              <TableCell className={styles.alertsCell}>{alertsText(e.alertIds.length)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

/** The Assets tab: the devices, users, mailboxes, apps… the incident's alerts name. */
export function IncidentAssets({ incidentId }: { incidentId: string }) {
  const styles = useIncidentAssetsStyles();
  const query = useQuery(entityQueries.all(incidentId));

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
  if (query.isError) {
    return (
      <ErrorState
        error={query.error}
        retrying={query.isFetching}
        title="Couldn't load assets"
        onRetry={() => void query.refetch()}
      />
    );
  }

  const byKind = new Map<EntityKind, IncidentEntity[]>();
  for (const e of query.data.value) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);

  if (query.data.value.length === 0) {
    return (
      <div className={styles.empty} role="status">
        <DesktopRegular aria-hidden fontSize={48} />
        <span className={styles.emptyTitle}>No assets</span>
        <span>None of this incident&apos;s alerts name a device, user, mailbox or app.</span>
      </div>
    );
  }

  return (
    <div className={styles.root}>
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
          <AssetGroup entities={byKind.get(kind) ?? []} key={kind} kind={kind} />
        ))}
      </div>
    </div>
  );
}
