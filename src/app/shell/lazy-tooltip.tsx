import { Suspense } from 'react';
import { preloadable } from '../preloadable';
import type { ShellTooltipProps } from './shell-tooltip';

// Tooltip and the positioning engine under it are a chunk of their own, fetched while the app
// boots rather than in the first load: the top bar paints without them.
const tooltip = preloadable(async () => (await import('./shell-tooltip')).ShellTooltip);
tooltip.preload();

/**
 * The top bar's tooltip. Until its chunk is in, the button shows alone, so the button must carry
 * the same name (an aria-label) itself.
 */
export function LazyTooltip(props: ShellTooltipProps) {
  return (
    <Suspense fallback={props.children}>
      <tooltip.Component {...props} />
    </Suspense>
  );
}
