import { Tooltip, type TooltipProps } from '@fluentui/react-components';
import type { ReactElement } from 'react';

export type ShellTooltipProps = {
  children: ReactElement;
  content: string;
  relationship: TooltipProps['relationship'];
};

/** Fluent's tooltip for the top bar's buttons (its own chunk: Tooltip brings the positioning engine). */
export function ShellTooltip({ children, content, relationship }: ShellTooltipProps) {
  return (
    <Tooltip content={content} relationship={relationship} withArrow>
      {children}
    </Tooltip>
  );
}
