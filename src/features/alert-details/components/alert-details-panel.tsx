import { DrawerBody, Skeleton, SkeletonItem } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { alertQueries } from '@/api/alerts/alert-queries';
import { useOpenAlertId } from '@/components/alert-panel-param';
import { SideDrawer } from '@/components/side-drawer';
import { ErrorState, RefreshFailed } from '@/components/error-state';
import { useLingeringRequest } from '@/components/use-lingering-request';
import { AlertDetails } from './alert-details';
import { useAlertDetailsPanelStyles } from './alert-details-panel.styles';

function PanelSkeleton() {
  const styles = useAlertDetailsPanelStyles();
  return (
    <div aria-busy="true" aria-label="Loading alert" role="status">
      <Skeleton className={styles.loading}>
        <SkeletonItem size={24} />
        <SkeletonItem size={16} />
        <SkeletonItem size={16} />
        <SkeletonItem size={72} />
        <SkeletonItem size={72} />
      </Skeleton>
    </div>
  );
}

export type AlertDetailsPanelProps = {
  /** Opens the move flyout for the alert. */
  onMoveAlert: (alertId: string) => void;
};

/**
 * The alert details panel: open whenever the URL carries `?alert=<id>`, from any screen. The app
 * mounts it once; closing it (close button, Escape) removes the parameter.
 */
export function AlertDetailsPanel({ onMoveAlert }: AlertDetailsPanelProps) {
  const styles = useAlertDetailsPanelStyles();
  const [alertId, close] = useOpenAlertId();
  const { shown: shownId } = useLingeringRequest(alertId);

  const query = useQuery({ ...alertQueries.detail(shownId ?? ''), enabled: shownId !== null });
  const title = query.data?.title || (query.isError ? 'Alert' : 'Alert details');

  return (
    <SideDrawer open={alertId !== null} title={title} titleClassName={styles.title} onClose={close}>
      <DrawerBody>
        <RefreshFailed query={query} what={`alert ${shownId}`} />
        {query.data !== undefined ? (
          <AlertDetails alert={query.data} onMoveAlert={onMoveAlert} />
        ) : query.isPending ? (
          <PanelSkeleton />
        ) : (
          <ErrorState
            error={query.error}
            retrying={query.isFetching}
            title={`Couldn't load alert ${shownId}`}
            onRetry={() => void query.refetch()}
          />
        )}
      </DrawerBody>
    </SideDrawer>
  );
}
