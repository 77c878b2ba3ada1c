import { Toaster } from '@fluentui/react-components';
import { APP_TOASTER_ID } from './toaster';

/** The app's one toaster (its own chunk: nothing is announced before the first action). */
export function AppToaster() {
  return <Toaster position="bottom-end" toasterId={APP_TOASTER_ID} />;
}
