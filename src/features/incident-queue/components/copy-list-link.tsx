import { Button, Text } from '@fluentui/react-components';
import { CheckmarkRegular, LinkRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useHref, useLocation } from 'react-router';
import { useCopyListLinkStyles } from './copy-list-link.styles';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; message: string };

/** How long "Link copied" stays. */
const CONFIRMATION_MS = 4000;

/**
 * "Copy list link" (SPEC.md §12.1): copies the address of this exact view (filters, sort, page,
 * search), and says whether it worked.
 */
export function CopyListLink() {
  const styles = useCopyListLinkStyles();
  const location = useLocation();
  const href = useHref(`${location.pathname}${location.search}`);
  const [state, setState] = useState<CopyState>({ kind: 'idle' });

  useEffect(() => {
    if (state.kind !== 'copied') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    const url = new URL(href, window.location.origin).toString();
    try {
      if (!navigator.clipboard) throw new Error('The browser does not allow this page to copy.');
      await navigator.clipboard.writeText(url);
      setState({ kind: 'copied' });
    } catch (error) {
      // DOMException (NotAllowedError when the page may not write) is not an Error everywhere.
      const message = (error as { message?: unknown } | null)?.message;
      const reason = typeof message === 'string' && message !== '' ? message : String(error);
      setState({
        kind: 'failed',
        message: `Couldn't copy the link (${reason}). Copy it from the address bar instead.`,
      });
    }
  };

  return (
    <div className={styles.root}>
      <span aria-live="polite" className={styles.message} role="status">
        {state.kind === 'copied' && (
          <Text className={styles.copied}>
            <CheckmarkRegular aria-hidden className={styles.copiedIcon} /> Link copied
          </Text>
        )}
      </span>
      {state.kind === 'failed' && (
        <Text className={styles.failed} role="alert">
          {state.message}
        </Text>
      )}
      <Button appearance="subtle" icon={<LinkRegular />} onClick={() => void copy()}>
        Copy list link
      </Button>
    </div>
  );
}
