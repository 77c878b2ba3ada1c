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
};

/** A Fluent link that navigates inside the app (and still opens in a new tab on ctrl/middle click). */
export function RouterLink({ appearance, children, className, to }: RouterLinkProps) {
  const href = useHref(to);
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <Link appearance={appearance} className={className} href={href} onClick={onClick}>
      {children}
    </Link>
  );
}
