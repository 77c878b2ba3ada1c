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
import { useEffect, useRef, useState } from 'react';
import { alertQueries } from '@/api/alerts/alert-queries';
import { useOpenAlertId } from '@/components/alert-panel-param';
import { ErrorState } from '@/components/error-state';
import { AlertDetails } from './alert-details';
import { useAlertDetailsPanelStyles } from './alert-details-panel.styles';

/** Where focus goes when the panel closes and nothing else claimed it. */
function restoreFocus(lastOutside: HTMLElement | null) {
  if (document.activeElement && document.activeElement !== document.body) return;
  if (lastOutside?.isConnected) {
    lastOutside.focus();
    if (document.activeElement === lastOutside) return;
  }
  document.querySelector<HTMLElement>('main')?.focus();
}

/** Runs `onUnmount` once the drawer's content is gone, i.e. when the panel has fully closed. */
function UnmountWatcher({ onUnmount }: { onUnmount: () => void }) {
  const callback = useRef(onUnmount);
  useEffect(() => {
    callback.current = onUnmount;
  }, [onUnmount]);
  useEffect(() => () => callback.current(), []);
  return null;
}

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

  // The element that had focus before the panel opened: the fallback when focus would drop to
  // the body (an opener without a restore-focus target, or one that is gone).
  const lastOutside = useRef<HTMLElement | null>(
    document.activeElement instanceof HTMLElement && document.activeElement !== document.body
      ? document.activeElement
      : null,
  );
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      if (target instanceof HTMLElement && !target.closest('[role="dialog"], [role="menu"]')) {
        lastOutside.current = target;
      }
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);

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
      <UnmountWatcher onUnmount={() => setTimeout(() => restoreFocus(lastOutside.current), 0)} />
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
