import { Button } from '@fluentui/react-components';
import { ArrowResetRegular } from '@fluentui/react-icons';
import { Suspense, useState } from 'react';
import { useCurrentPersona } from '@/components/use-current-persona';
import { resetDenial } from '@/domain/identity';
import { preloadable } from '../preloadable';
import { LazyTooltip } from './lazy-tooltip';

// The confirmation Dialog, its trigger and the toast are their own chunk, fetched as soon as the
// app boots; until it is in, an identical button stands in (and opens the dialog once loaded).
const resetDemoData = preloadable(
  async () => (await import('./reset-demo-data-dialog')).ResetDemoDataDialog,
);

/** Starts fetching the reset dialog's chunk. */
export const preloadResetDemoDataButton = resetDemoData.preload;

/**
 * "Reset demo data": confirm, restore the seed, refetch, and say it worked. A persona that may
 * not change everything gets the button disabled, with the server's reason as its description.
 */
export function ResetDemoDataButton() {
  const [requested, setRequested] = useState(false);
  const persona = useCurrentPersona();
  const denial = persona ? resetDenial(persona) : undefined;
  if (denial) {
    return (
      <LazyTooltip content={denial} relationship="description">
        <Button appearance="subtle" disabledFocusable icon={<ArrowResetRegular />}>
          Reset demo data
        </Button>
      </LazyTooltip>
    );
  }
  return (
    <Suspense
      fallback={
        <Button
          appearance="subtle"
          icon={<ArrowResetRegular />}
          onClick={() => {
            setRequested(true);
            resetDemoData.preload();
          }}
        >
          Reset demo data
        </Button>
      }
    >
      <resetDemoData.Component initiallyOpen={requested} />
    </Suspense>
  );
}
