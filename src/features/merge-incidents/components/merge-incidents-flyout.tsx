import {
  Button,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  useRestoreFocusSource,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { MergeForm, type MergeFormRequest, type MergeResult } from './merge-form';

/** Where focus goes when the flyout has closed and nothing else claimed it. */
function restoreFocus(lastOutside: HTMLElement | null) {
  if (document.activeElement && document.activeElement !== document.body) return;
  if (lastOutside?.isConnected) {
    lastOutside.focus();
    if (document.activeElement === lastOutside) return;
  }
  // The opener is gone (e.g. the page changed after the merge): the page's main region.
  document.querySelector<HTMLElement>('main')?.focus();
}

/** The element that opened the flyout: the focused one, or the button of the menu focused. */
function focusedOpener(): HTMLElement | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body) return null;
  if (!active.closest('[role="menu"]')) return active;
  return document.querySelector<HTMLElement>('[aria-haspopup="menu"][aria-expanded="true"]');
}

/** Runs `onUnmount` once the drawer's content is gone, i.e. when the flyout has fully closed. */
function UnmountWatcher({ onUnmount }: { onUnmount: () => void }) {
  const callback = useRef(onUnmount);
  useEffect(() => {
    callback.current = onUnmount;
  }, [onUnmount]);
  useEffect(() => () => callback.current(), []);
  return null;
}

export type MergeIncidentsFlyoutProps = {
  /** What to merge and where it was asked from; the flyout is open while there is one. */
  request: MergeFormRequest | null;
  /** The analyst closed the flyout (close button, Cancel, Escape). */
  onClose: () => void;
  /** The server merged the incidents; the caller announces it and closes the flyout. */
  onMerged: (result: MergeResult) => void;
};

/**
 * "Merge incidents" (seed 000): from the queue with 2–5 incidents, or from an incident page with
 * "Other incident name or ID". Every check of the merge is shown before the click; the "Merge
 * incidents" button stays disabled while any fails.
 */
export function MergeIncidentsFlyout({ request, onClose, onMerged }: MergeIncidentsFlyoutProps) {
  // Keep showing the last request while the drawer animates out; a new request starts afresh.
  const [shown, setShown] = useState<{ request: MergeFormRequest; session: number } | null>(
    request ? { request, session: 0 } : null,
  );
  if (request !== null && request !== shown?.request) {
    setShown({ request, session: (shown?.session ?? 0) + 1 });
  }
  if (!shown) return null;
  return (
    <MergeDrawer
      key={shown.session}
      open={request !== null}
      request={shown.request}
      onClose={onClose}
      onMerged={onMerged}
    />
  );
}

type MergeDrawerProps = {
  open: boolean;
  request: MergeFormRequest;
  onClose: () => void;
  onMerged: (result: MergeResult) => void;
};

function MergeDrawer({ open, request, onClose, onMerged }: MergeDrawerProps) {
  const restoreFocusSource = useRestoreFocusSource();
  const [busy, setBusy] = useState(false);

  // The element focused before the flyout opened (a menu's button rather than its item): the
  // fallback when focus would drop to the body as the flyout closes.
  const lastOutside = useRef<HTMLElement | null>(focusedOpener());
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

  return (
    <OverlayDrawer
      {...restoreFocusSource}
      open={open}
      position="end"
      size="medium"
      onOpenChange={(_, data) => {
        // A running merge cannot be walked away from: its outcome must be seen.
        if (!data.open && !busy) onClose();
      }}
    >
      <UnmountWatcher onUnmount={() => setTimeout(() => restoreFocus(lastOutside.current), 0)} />
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button
              appearance="subtle"
              aria-label="Close"
              disabled={busy}
              icon={<DismissRegular />}
              onClick={onClose}
            />
          }
        >
          Merge incidents
        </DrawerHeaderTitle>
      </DrawerHeader>
      <MergeForm request={request} onBusyChange={setBusy} onCancel={onClose} onMerged={onMerged} />
    </OverlayDrawer>
  );
}
