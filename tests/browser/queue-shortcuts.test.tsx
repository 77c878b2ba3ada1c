/**
 * Keyboard triage in the incident queue (issue 14): j/k, x, Enter, o, m, a, / and ?, never while
 * typing in a field. Through the real handlers, on a small store.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../render';
import { setupMockServer } from './mock-server';
import { buildStore, makeIncident } from '../ui/test-store';

const LOAD = { timeout: 5000 };

/** Three open incidents (ids 1–3, listed in that order), none assigned. */
const STORE = buildStore([
  makeIncident({ displayName: 'Ransomware activity on FIN-WS-01' }),
  makeIncident({ displayName: 'Phishing campaign targeting Finance' }),
  makeIncident({ displayName: 'Credential theft on a domain controller' }),
]);

const { runtime } = setupMockServer(STORE);

const NAMES = [
  'Ransomware activity on FIN-WS-01',
  'Phishing campaign targeting Finance',
  'Credential theft on a domain controller',
];

const rowOf = (name: string) => {
  const row = within(screen.getByRole('grid', { name: 'Incidents' }))
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('link', { name }));
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};
/** The row's Incident ID cell: the first of its cells that takes focus itself. */
const idCellOf = (name: string) => within(rowOf(name)).getAllByRole('gridcell')[3];
const tick = (name: string) =>
  within(rowOf(name)).getByRole('checkbox', { name: `Select ${name}` });
/** Whether a live region (role status) says this: what a screen reader hears. */
const said = (text: string | RegExp) =>
  waitFor(
    () =>
      expect(screen.getAllByRole('status').map((s) => s.textContent ?? '')).toContainEqual(
        expect.stringMatching(text),
      ),
    LOAD,
  );

async function openQueue(upn?: string) {
  const view = renderApp('/incidents', upn ? { upn } : {});
  await screen.findByRole('link', { name: NAMES[0] }, LOAD);
  return view;
}

describe('queue shortcuts', () => {
  it('j/k move the focus row, x ticks it, o opens its side pane, Enter its page', async () => {
    const { router, user } = await openQueue();
    await user.keyboard('j');
    expect(idCellOf(NAMES[0]!)).toHaveFocus();
    await user.keyboard('jj');
    expect(idCellOf(NAMES[2]!)).toHaveFocus();
    // Past the last row, j stays.
    await user.keyboard('j');
    expect(idCellOf(NAMES[2]!)).toHaveFocus();
    await user.keyboard('k');
    expect(idCellOf(NAMES[1]!)).toHaveFocus();

    const second = tick(NAMES[1]!);
    await user.keyboard('x');
    expect(second).toBeChecked();
    expect(tick(NAMES[0]!)).not.toBeChecked();
    await user.keyboard('x');
    expect(second).not.toBeChecked();

    await user.keyboard('o');
    const pane = await screen.findByRole('region', { name: NAMES[1] });
    expect(router.state.location.search).toBe('?incident=2');
    // o takes focus to the pane, where the queue's shortcuts are off: x ticks nothing.
    await waitFor(() => expect(pane).toHaveFocus());
    await user.keyboard('x');
    expect(second).not.toBeChecked();
    // Escape closes it, and focus goes back to the incident's row.
    await user.keyboard('{Escape}');
    await waitFor(() => expect(pane).not.toBeInTheDocument());
    expect(router.state.location.search).toBe('');
    expect(idCellOf(NAMES[1]!)).toHaveFocus();

    await user.keyboard('k');
    expect(idCellOf(NAMES[0]!)).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/incidents/1/overview'));
  });

  it('never fires while typing in a field; / goes to the search box', async () => {
    const { router, user } = await openQueue();
    await user.keyboard('/');
    const search = screen.getByRole('searchbox', { name: 'Search for name or ID' });
    expect(search).toHaveFocus();
    await user.keyboard('jxo?');
    expect(search).toHaveValue('jxo?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(router.state.location.search).not.toContain('incident=');
    for (const name of NAMES) expect(tick(name)).not.toBeChecked();
  });

  it('m says what a merge needs, then opens Merge incidents on two ticked incidents', async () => {
    const { user } = await openQueue();
    await user.keyboard('jx');
    await user.keyboard('m');
    await said('Select 2 to 5 incidents to merge');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.keyboard('jxm');
    const flyout = await screen.findByRole('dialog', { name: 'Merge incidents' }, LOAD);
    for (const name of [NAMES[0]!, NAMES[1]!]) {
      expect(
        (await within(flyout).findAllByText(name, { exact: false }, LOAD)).length,
      ).toBeGreaterThan(0);
    }
    expect(within(flyout).queryAllByText(NAMES[2]!, { exact: false })).toHaveLength(0);
  });

  it('a assigns the focus row to me, and the server holds it', async () => {
    const { user } = await openQueue();
    await user.keyboard('jja');
    await waitFor(() =>
      expect(runtime.store.incident('2')?.assignedTo).toBe('analyst@contoso.com'),
    );
    await said(`${NAMES[1]} assigned to you`);
    expect(runtime.store.incident('1')?.assignedTo ?? null).toBeNull();
    await waitFor(() =>
      expect(within(rowOf(NAMES[1]!)).getByText('analyst@contoso.com')).toBeInTheDocument(),
    );
  });

  it('a tells a read-only persona why, and changes nothing', async () => {
    const { user } = await openQueue('reader@contoso.com');
    await waitFor(() => expect(tick(NAMES[0]!)).toBeInTheDocument());
    await user.keyboard('ja');
    await said(/Security Reader.*not change/);
    expect(runtime.store.incident('1')?.assignedTo ?? null).toBeNull();
  });

  it('? lists every shortcut in a dialog', async () => {
    const { user } = await openQueue();
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const keys = within(dialog)
      .getAllByRole('rowheader')
      .map((h) => h.textContent);
    expect(keys).toEqual(['j / k', 'x', 'Enter', 'o', 'm', 'a', '/', '?', 'Shift+F10']);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
