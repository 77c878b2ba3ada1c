import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Toast,
  ToastTitle,
  useToastController,
} from '@fluentui/react-components';
import { ArrowResetRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { APP_TOASTER_ID } from '../toaster';
import { useResetDemoData } from './use-reset-demo-data';

/**
 * "Reset demo data": confirm, restore the seed, refetch, and say it worked. Its own chunk (the
 * Dialog and the toast are not needed for the first paint); see reset-demo-data-button.tsx.
 */
export function ResetDemoDataDialog({ initiallyOpen = false }: { initiallyOpen?: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const reset = useResetDemoData();
  const { dispatchToast } = useToastController(APP_TOASTER_ID);

  const confirm = () =>
    reset.mutate(undefined, {
      onSuccess: () => {
        setOpen(false);
        dispatchToast(
          <Toast>
            <ToastTitle>Demo data restored</ToastTitle>
          </Toast>,
          { intent: 'success' },
        );
      },
    });

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        if (reset.isPending) return;
        setOpen(data.open);
        if (data.open) reset.reset();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle" icon={<ArrowResetRegular />}>
          Reset demo data
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Reset demo data?</DialogTitle>
          <DialogContent>
            <p>
              Every incident, alert, comment and activity goes back to the seeded demo tenant. The
              changes made in this browser are discarded.
            </p>
            {reset.isError && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{reset.error.message}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary" disabled={reset.isPending}>
                Cancel
              </Button>
            </DialogTrigger>
            <Button appearance="primary" disabled={reset.isPending} onClick={confirm}>
              {reset.isPending ? 'Resetting…' : 'Reset'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
