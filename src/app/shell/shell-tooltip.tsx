import { Tooltip } from '@fluentui/react-components';
import type { ReactElement } from 'react';

/** Fluent's tooltip as the toggle's label (its own chunk: Tooltip brings the positioning engine). */
export function ThemeToggleTooltip({ children, label }: { children: ReactElement; label: string }) {
  return (
    <Tooltip content={label} relationship="label">
      {children}
    </Tooltip>
  );
}
