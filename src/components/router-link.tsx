import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';

export type RouterLinkProps = {
  /** @default 'default' */
  appearance?: 'default' | 'subtle';
  children: ReactNode;
  className?: string;
  /** An app path, e.g. `/incidents/12`. */
  to: string;
  /** Called when a plain click navigates inside the app (not a new tab), e.g. to close a panel. */
  onNavigate?: () => void;
};

/** A Fluent link that navigates inside the app (and still opens in a new tab on ctrl/middle click). */
export function RouterLink({ appearance, children, className, to, onNavigate }: RouterLinkProps) {
  const href = useHref(to);
  const navigate = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <Link
      appearance={appearance}
      className={className}
      href={href}
      onClick={(event) => {
        navigate(event);
        // The router handled it (a plain click): the app navigates instead of the browser.
        if (event.defaultPrevented) onNavigate?.();
      }}
    >
      {children}
    </Link>
  );
}
