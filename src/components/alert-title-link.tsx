import { Link, useRestoreFocusTarget } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { useHref, useLocation } from 'react-router';
import { ALERT_PARAM, useOpenAlert } from './alert-panel-param';

type AlertTitleProps = {
  alertId: string;
  className?: string;
  title: string;
};

/**
 * An alert's title that opens the alert details panel. It is a real link (`?alert=<id>`), so a
 * ctrl/middle click opens the panel in a new tab; focus comes back to it when the panel closes.
 */
export function AlertTitleLink({ alertId, className, title }: AlertTitleProps) {
  const openAlert = useOpenAlert();
  const location = useLocation();
  const restoreFocusTarget = useRestoreFocusTarget();
  const search = new URLSearchParams(location.search);
  search.set(ALERT_PARAM, alertId);
  const href = useHref({ pathname: location.pathname, search: `?${search.toString()}` });

  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // The grid row toggles its selection on click; opening the alert must not select it.
    event.stopPropagation();
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    openAlert(alertId);
  };

  return (
    <Link {...restoreFocusTarget} className={className} href={href} title={title} onClick={onClick}>
      {title}
    </Link>
  );
}

/** An alert's title as a button that opens the alert details panel. */
export function AlertTitleButton({ alertId, className, title }: AlertTitleProps) {
  const openAlert = useOpenAlert();
  return (
    <Link
      as="button"
      className={className}
      title={title}
      onClick={(event) => {
        // The grid row toggles its selection on click; opening the alert must not select it.
        event.stopPropagation();
        openAlert(alertId);
      }}
    >
      {title}
    </Link>
  );
}
