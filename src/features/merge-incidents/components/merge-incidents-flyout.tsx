import {
  Button,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  useRestoreFocusSource,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { DrawerFocusReturn } from '@/components/drawer-focus-return';
import { MergeForm, type MergeFormRequest, type MergeResult } from './merge-form';

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
      <DrawerFocusReturn />
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
