import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

export type ErrorStateProps = {
  /** Extra actions next to Retry (e.g. a link back). */
  actions?: ReactNode;
  /** The error to show; its message is shown as it is (Graph messages are written for people). */
  error: Error;
  /** Whether a retry is under way. @default false */
  retrying?: boolean;
  /** What failed, e.g. "Couldn't load incidents". */
  title: string;
  onRetry?: () => void;
};

/** A failed load: what failed, the server's message, and a way to try again. */
export function ErrorState({ actions, error, retrying = false, title, onRetry }: ErrorStateProps) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {error.message}
      </MessageBarBody>
      <MessageBarActions>
        {onRetry && (
          <Button
            appearance="secondary"
            disabled={retrying}
            icon={<ArrowClockwiseRegular />}
            onClick={onRetry}
          >
            {retrying ? 'Retrying…' : 'Retry'}
          </Button>
        )}
        {actions}
      </MessageBarActions>
    </MessageBar>
  );
}
