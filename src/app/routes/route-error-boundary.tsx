import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useRoutesStyles } from './routes.styles';

/** A page that crashed while rendering: say so, instead of a blank screen. */
export function RouteErrorBoundary() {
  const styles = useRoutesStyles();
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <div className={styles.message}>
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>Something went wrong</MessageBarTitle>
          {message}
        </MessageBarBody>
      </MessageBar>
      <Button appearance="primary" onClick={() => window.location.reload()}>
        Reload
      </Button>
    </div>
  );
}
