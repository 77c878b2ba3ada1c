import { useState } from 'react';
import { SideDrawer } from '@/components/side-drawer';
import { useLingeringRequest } from '@/components/use-lingering-request';
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
  const { shown, session } = useLingeringRequest(request);
  if (!shown) return null;
  return (
    <MergeDrawer
      key={session}
      open={request !== null}
      request={shown}
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
  const [busy, setBusy] = useState(false);

  // A running merge cannot be walked away from: its outcome must be seen.
  return (
    <SideDrawer busy={busy} open={open} title="Merge incidents" onClose={onClose}>
      <MergeForm request={request} onBusyChange={setBusy} onCancel={onClose} onMerged={onMerged} />
    </SideDrawer>
  );
}
