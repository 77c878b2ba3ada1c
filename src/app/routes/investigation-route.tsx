import { useParams } from 'react-router';
import type { IncidentEntity } from '@/api/entities/entities-api';
import { InvestigationPage } from '@/features/investigation/components/investigation-page';
import { EntityTimelineCard } from '@/features/relations/components/entity-timeline-card';
import { useAddAlertFlow } from '@/features/relations/components/use-add-alert-flow';
import { useRemoveAlertFlow } from '@/features/relations/components/use-remove-alert-flow';
import { APP_TOASTER_ID } from '../toaster';

// Seed 004: the relations feature's Timeline card, in the entity's side pane.
const renderEntityTimeline = (incidentId: string, entity: IncidentEntity) => (
  <EntityTimelineCard entity={entity} incidentId={incidentId} toasterId={APP_TOASTER_ID} />
);

/**
 * The investigation graph, with the relations feature adding and removing alerts from it. The
 * flows live here, above the graph's buttons: an added alert's button is gone before the
 * relation's toast is due, and the flow must outlive it.
 */
export function InvestigationRoute() {
  const { id = '' } = useParams();
  const add = useAddAlertFlow({ incidentId: id, toasterId: APP_TOASTER_ID });
  const remove = useRemoveAlertFlow({ incidentId: id, toasterId: APP_TOASTER_ID });
  return (
    <>
      <InvestigationPage
        addAlert={add}
        removeAlert={remove}
        renderEntityTimeline={renderEntityTimeline}
      />
      {add.dialog}
      {remove.dialog}
    </>
  );
}
