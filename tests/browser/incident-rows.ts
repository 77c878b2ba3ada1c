/** The incident queue's rows as a test reads them: the grid's body rows and their incident ids. */
import { screen, within } from '@testing-library/react';

/** The incident rows of the queue's grid (the selectable ones), top to bottom; none while it loads. */
export const bodyRows = () => {
  const grid = screen.queryByRole('grid', { name: 'Incidents' });
  return grid
    ? within(grid)
        .queryAllByRole('row')
        .filter((row) => row.hasAttribute('aria-selected'))
    : [];
};

/** The incident id a row links to. */
export const idOf = (row: HTMLElement) =>
  within(row).queryAllByRole('link')[0]?.getAttribute('href')?.split('/')[2] ?? '';

/** The ids of the rows shown, in order. */
export const shownIds = () => bodyRows().map(idOf);
