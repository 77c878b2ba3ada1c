import { Link } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';

/** Plain clicks navigate inside the app; modified ones (new tab, new window) are the browser's. */
const isPlainClick = (event: MouseEvent) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

export type ToastLinkProps = {
  /** The full href (with the router's basename), for new tabs and the status bar. */
  href: string;
  /** Navigates inside the app (a `navigate` captured where the toast is dispatched). */
  onNavigate: () => void;
  children: ReactNode;
};

/**
 * A link inside a toast. The toaster lives outside the router (it is a provider of the whole
 * app), so RouterLink cannot be used there: the dispatcher passes the href and the navigation.
 */
export function ToastLink({ href, onNavigate, children }: ToastLinkProps) {
  return (
    <Link
      href={href}
      onClick={(event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        onNavigate();
      }}
    >
      {children}
    </Link>
  );
}
