/** The one toaster of the app: outcomes of actions are announced here. */
export const APP_TOASTER_ID = 'app-toaster';
