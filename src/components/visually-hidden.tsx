import { makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useVisuallyHiddenStyles = makeStyles({
  root: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/** Text for screen readers only: a name or context that the layout already shows by sight. */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className={useVisuallyHiddenStyles().root}>{children}</span>;
}
