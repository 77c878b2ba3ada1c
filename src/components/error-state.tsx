import {
  Button,
  type ButtonProps,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useLayoutEffect, useRef, type ReactNode, type Ref } from 'react';

/**
 * Where focus goes when a bar that holds it goes: the dialog, the pane (`data-focus-home`, which
 * must be focusable) or the page it sits in.
 */
const FOCUS_HOME = '[role="dialog"], [role="alertdialog"], [data-focus-home], main';

/**
 * When the bar goes with focus inside it (a stale bar once Retry succeeded; a failed one the
 * moment Retry starts loading again), focus moves to its dialog, pane or page rather than falling
 * to the document's body. React runs this cleanup before it detaches the bar's node.
 */
function useKeepFocusOnLeave() {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const bar = ref.current;
    return () => {
      if (!bar?.contains(document.activeElement)) return;
      bar.parentElement?.closest<HTMLElement>(FOCUS_HOME)?.focus();
    };
  }, []);
  return ref;
}

export type ErrorStateProps = {
  /** Extra actions next to Retry (e.g. a link back). */
  actions?: ReactNode;
  /** The error to show; its message is shown as it is (Graph messages are written for people). */
  error: Error;
  /**
   * `stale`: a refresh failed while what was loaded before stays on screen (a warning, not an
   * alert, so nothing the analyst was doing there is taken away). @default 'failed'
   */
  kind?: 'failed' | 'stale';
  /** Whether a retry is under way. @default false */
  retrying?: boolean;
  /** What failed, e.g. "Couldn't load incidents". */
  title: string;
  onRetry?: () => void;
};

/**
 * **Retry**, and "Retrying…" while it runs. It stays focusable meanwhile (`disabledFocusable`),
 * so focus stays on it while what failed is read again.
 */
export function RetryButton({
  retrying,
  onRetry,
  ref,
  appearance,
  size,
}: Pick<ButtonProps, 'appearance' | 'size'> & {
  retrying: boolean;
  onRetry: () => void;
  ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <Button
      appearance={appearance}
      disabledFocusable={retrying}
      icon={<ArrowClockwiseRegular />}
      ref={ref}
      size={size}
      onClick={onRetry}
    >
      {retrying ? 'Retrying…' : 'Retry'}
    </Button>
  );
}

/** A failed load: what failed, the server's message, and a way to try again. */
export function ErrorState({
  actions,
  error,
  kind = 'failed',
  retrying = false,
  title,
  onRetry,
}: ErrorStateProps) {
  const stale = kind === 'stale';
  const ref = useKeepFocusOnLeave();
  return (
    <MessageBar
      intent={stale ? 'warning' : 'error'}
      layout="multiline"
      politeness={stale ? 'polite' : 'assertive'}
      ref={ref}
      role={stale ? 'status' : 'alert'}
    >
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {error.message}
      </MessageBarBody>
      <MessageBarActions>
        {onRetry && <RetryButton appearance="secondary" retrying={retrying} onRetry={onRetry} />}
        {actions}
      </MessageBarActions>
    </MessageBar>
  );
}

/** What RefreshFailed reads of a query (React Query's result, or a list built on one). */
type Refreshable = {
  isError: boolean;
  /** React Query's own: failed while it had data (not a next page that failed). */
  isRefetchError?: boolean;
  data: unknown;
  error: Error | null;
  isFetching: boolean;
  refetch: () => unknown;
};

/**
 * Above a view whose refresh failed, which keeps showing what it loaded before (and whatever was
 * typed beside it): says so, with the server's reason and Retry. Nothing when it did not fail.
 */
export function RefreshFailed({ query, what }: { query: Refreshable; what: string }) {
  const failed = query.isRefetchError ?? (query.isError && query.data !== undefined);
  if (!failed || query.error === null) return null;
  return (
    <ErrorState
      error={query.error}
      kind="stale"
      retrying={query.isFetching}
      title={`Couldn't refresh ${what}; showing what was loaded`}
      onRetry={() => void query.refetch()}
    />
  );
}
