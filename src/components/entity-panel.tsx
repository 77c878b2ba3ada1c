import { DrawerBody } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { IncidentEntity } from '@/api/entities/entities-api';
import { SideDrawer } from '@/components/side-drawer';
import { useLingeringRequest } from '@/components/use-lingering-request';
import { ENTITY_KIND_LABELS } from './entity-labels';
import { useEntityPanelStyles } from './entity-panel.styles';

export type EntityPanelProps = {
  /** The entity whose panel is open; null when it is closed. */
  entity: IncidentEntity | null;
  /** What the panel shows of the entity beyond its facts: its Timeline card. */
  renderTimeline: (entity: IncidentEntity) => ReactNode;
  onClose: () => void;
};

/**
 * An entity's side panel (seed 004's "miniature entity page"), opened from the Assets tab or the investigation graph: the
 * entity's name as its title, what it is and how much of the incident it is in, and its
 * Timeline card. Escape or the close button closes it; focus goes back to the entity's name.
 */
export function EntityPanel({ entity, renderTimeline, onClose }: EntityPanelProps) {
  const styles = useEntityPanelStyles();
  // The same entity refetched is the same opening: its card keeps its state (and focus).
  const { session } = useLingeringRequest(entity && `${entity.kind}:${entity.key}`);
  const [last, setLast] = useState(entity);
  if (entity !== null && entity !== last) setLast(entity);
  const shown = entity ?? last;
  const alerts = shown?.alertIds.length ?? 0;
  return (
    <SideDrawer
      open={entity !== null}
      title={shown?.name}
      titleClassName={styles.title}
      onClose={onClose}
    >
      <DrawerBody className={styles.body}>
        {shown && (
          <>
            <dl className={styles.facts}>
              <div className={styles.fact}>
                <dt className={styles.term}>Entity type</dt>
                <dd className={styles.definition}>{ENTITY_KIND_LABELS[shown.kind]}</dd>
              </div>
              <div className={styles.fact}>
                <dt className={styles.term}>In this incident</dt>
                <dd className={styles.definition}>
                  {alerts} {alerts === 1 ? 'alert' : 'alerts'}
                </dd>
              </div>
            </dl>
            {/* Keyed by opening: another entity's card starts afresh. */}
            <div key={session}>{renderTimeline(shown)}</div>
          </>
        )}
      </DrawerBody>
    </SideDrawer>
  );
}
