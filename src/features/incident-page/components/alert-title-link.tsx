import { Link, useRestoreFocusTarget } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { useHref, useLocation } from 'react-router';
import { ALERT_PARAM, useOpenAlert } from '@/components/alert-panel-param';

/**
 * An alert's title that opens the alert details panel. It is a real link (`?alert=<id>`), so a
 * ctrl/middle click opens the panel in a new tab; focus comes back to it when the panel closes.
 */
export function AlertTitleLink({
  alertId,
  className,
  title,
}: {
  alertId: string;
  className?: string;
  title: string;
}) {
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
