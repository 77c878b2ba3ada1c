import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  Skeleton,
  SkeletonItem,
  useRestoreFocusSource,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { alertQueries } from '@/api/alerts/alert-queries';
import { useOpenAlertId } from '@/components/alert-panel-param';
import { DrawerFocusReturn } from '@/components/drawer-focus-return';
import { ErrorState } from '@/components/error-state';
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
  /** Opens the move flyout for the alert; until the app passes it, the button is disabled. */
  onMoveAlert?: (alertId: string) => void;
};

/**
 * The alert details panel: open whenever the URL carries `?alert=<id>`, from any screen. The app
 * mounts it once; closing it (close button, Escape) removes the parameter.
 */
export function AlertDetailsPanel({ onMoveAlert }: AlertDetailsPanelProps) {
  const styles = useAlertDetailsPanelStyles();
  const [alertId, close] = useOpenAlertId();
  const restoreFocusSource = useRestoreFocusSource();
  // Keep showing the last alert while the drawer animates out.
  const [shownId, setShownId] = useState(alertId);
  if (alertId !== null && alertId !== shownId) setShownId(alertId);

  const query = useQuery({ ...alertQueries.detail(shownId ?? ''), enabled: shownId !== null });
  const title = query.data?.title || (query.isError ? 'Alert' : 'Alert details');

  return (
    <OverlayDrawer
      {...restoreFocusSource}
      open={alertId !== null}
      position="end"
      size="medium"
      onOpenChange={(_, data) => {
        if (!data.open) close();
      }}
    >
      <DrawerFocusReturn />
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button
              appearance="subtle"
              aria-label="Close"
              icon={<DismissRegular />}
              onClick={close}
            />
          }
          className={styles.title}
        >
          {title}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {query.isPending ? (
          <PanelSkeleton />
        ) : query.isError ? (
          <ErrorState
            error={query.error}
            retrying={query.isFetching}
            title={`Couldn't load alert ${shownId}`}
            onRetry={() => void query.refetch()}
          />
        ) : (
          <AlertDetails alert={query.data} onMoveAlert={onMoveAlert} />
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
