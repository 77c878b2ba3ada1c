/**
 * Comments in the incident's Activity log (seed 003, "Add comments"): markdown formatting
 * rendered through the sanitizer, the 30,000-character limit with a live counter, empty comments
 * refused, optimistic posting with rollback and the server's reason, and read-only personas.
 * Formatting with the toolbar and previewing it is walked in tests/e2e/comments.spec.ts.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { activityKeys } from '@/api/activities/activity-keys';
import { applyMarkdownFormat } from '@/components/markdown-format';
import type { ActivityEntry } from '@/domain/activity';
import { LIMITS } from '@/domain/limits';
import {
  notYetInLog,
  type PendingComment,
} from '@/features/activity-log/api/use-add-incident-comment';
import { renderApp } from '../render';
import { holdLock, holdRequests } from './mock-backend';
import { setupMockServer } from './mock-server';
import { buildStore, makeIncident } from './test-store';

const { runtime, server } = setupMockServer(
  buildStore([
    makeIncident({ displayName: 'Ransomware activity on FIN-WS-01', alerts: 2 }),
    makeIncident({ status: 'resolved' }),
  ]),
);

const LOAD = { timeout: 5000 };

beforeAll(async () => {
  await import('@/features/incident-page/components/incident-page');
  await import('@/components/markdown-html');
});

/** A live incident the analyst may manage, with its alerts. */
function liveIncident() {
  const incident = runtime.store
    .incidents()
    .find((i) => i.status === 'active' && runtime.store.alertsOf(i.id).length > 0);
  if (!incident) throw new Error('The store has no active incident with alerts.');
  return incident;
}

const commentsOf = (id: string) => runtime.store.incident(id)!.comments.length;

async function openActivity(id: string, upn?: string) {
  const view = renderApp(`/incidents/${id}/activity`, upn ? { upn } : {});
  await screen.findByRole('list', { name: 'Activity log' }, LOAD);
  const box = screen.getByRole('textbox', { name: 'Comment' });
  return { ...view, box, post: screen.getByRole('button', { name: 'Post comment' }) };
}

describe('incident comments', () => {
  it('posts a formatted comment and renders bold, italics, a list, a link and an image', async () => {
    const incident = liveIncident();
    const { box, post, user } = await openActivity(incident.id);
    const text = [
      '**Contained** the host, *pending* review:',
      '',
      '- isolated device',
      '- reset password',
      '',
      'See [the runbook](https://contoso.example/runbook) ![screenshot](https://contoso.example/shot.png)',
    ].join('\n');
    await user.click(box);
    await user.paste(text);
    expect(screen.getByText(`${text.length} / 30,000`)).toBeInTheDocument();
    await user.click(post);
    expect(box).toHaveValue('');

    const log = screen.getByRole('list', { name: 'Activity log' });
    expect(
      await within(log).findByText('Contained', { selector: 'strong' }, LOAD),
    ).toBeInTheDocument();
    // The log's entry that holds it (its bullets are list items too, inside the entry).
    const entry = within(log)
      .getAllByRole('listitem')
      .find((li) => within(li).queryByText('Contained', { selector: 'strong' }))!;
    expect(within(entry).getByText('pending', { selector: 'em' })).toBeInTheDocument();
    const bullets = within(entry).getByRole('list');
    expect(
      within(bullets)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['isolated device', 'reset password']);
    const link = within(entry).getByRole('link', { name: 'the runbook' });
    expect(link).toHaveAttribute('href', 'https://contoso.example/runbook');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(entry).getByRole('img', { name: 'screenshot' })).toHaveAttribute(
      'src',
      'https://contoso.example/shot.png',
    );
    // The server has it as typed, and the log shows it newest first once refetched.
    await waitFor(() =>
      expect(runtime.store.incident(incident.id)!.comments.at(-1)?.comment).toBe(text),
    );
    await waitFor(() =>
      expect(within(log).getAllByRole('listitem')[0]).toHaveTextContent(/added a comment/),
    );
  });

  it('counts characters live and refuses more than 30,000 with the button disabled', async () => {
    const incident = liveIncident();
    const before = commentsOf(incident.id);
    const { box, post, user } = await openActivity(incident.id);
    await user.click(box);
    await user.paste('x'.repeat(LIMITS.maxCommentLength));
    expect(screen.getByText('30,000 / 30,000')).toBeInTheDocument();
    expect(post).toBeEnabled();
    expect(screen.queryByText(/the limit is 30,000/)).not.toBeInTheDocument();

    await user.paste('yy');
    expect(screen.getByText('30,002 / 30,000')).toBeInTheDocument();
    expect(
      screen.getByText(
        'The comment is 30,002 characters long; the limit is 30,000. Remove 2 characters.',
      ),
    ).toBeInTheDocument();
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(post).toBeDisabled();
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(commentsOf(incident.id)).toBe(before);

    await user.keyboard('{Backspace}{Backspace}');
    expect(screen.queryByText(/the limit is 30,000/)).not.toBeInTheDocument();
    expect(post).toBeEnabled();
  });

  it('refuses an empty comment with a message and sends nothing', async () => {
    const incident = liveIncident();
    const before = commentsOf(incident.id);
    const { box, post, user } = await openActivity(incident.id);
    await user.click(post);
    expect(screen.getByText('Write a comment before posting.')).toBeInTheDocument();
    await user.click(box);
    await user.paste('   \n  ');
    await user.click(post);
    expect(screen.getByText('Write a comment before posting.')).toBeInTheDocument();
    expect(commentsOf(incident.id)).toBe(before);
  });

  it('shows the comment at once while the server is answering', async () => {
    const incident = liveIncident();
    server.use(
      http.post('*/security/incidents/:id/comments', async () => {
        await delay('infinite');
      }),
    );
    const { box, post, user } = await openActivity(incident.id);
    await user.click(box);
    await user.paste('Escalating to tier 2');
    await user.click(post);
    const log = screen.getByRole('list', { name: 'Activity log' });
    const first = within(log).getAllByRole('listitem')[0]!;
    expect(first).toHaveTextContent('Escalating to tier 2');
    expect(first).toHaveTextContent('Posting…');
    expect(first).toHaveAttribute('aria-busy', 'true');
  });

  it('keeps a posting comment shown when the log is refetched before the server answers', async () => {
    const incident = liveIncident();
    const before = commentsOf(incident.id);
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      http.post('*/security/incidents/:id/comments', async () => {
        await answered;
      }),
    );
    const { box, post, queryClient, user } = await openActivity(incident.id);
    const count = screen.getByText(/^Showing \d+ of \d+ entries$/);
    const shown = Number(/of (\d+)/.exec(count.textContent ?? '')![1]);
    await user.click(box);
    await user.paste('Contained on FIN-WS-01');
    await user.click(post);
    const log = screen.getByRole('list', { name: 'Activity log' });
    const first = () => within(log).getAllByRole('listitem')[0]!;
    expect(first()).toHaveTextContent('Posting…');

    // Anything may refetch the log meanwhile (a focus, another write, another tab's change):
    // the server does not have the comment yet, and the log must not lose it.
    await act(() => queryClient.refetchQueries({ queryKey: activityKeys.all(incident.id) }));
    // React Query tells the screen in a batch on the next task: let that task run.
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(first()).toHaveTextContent('Contained on FIN-WS-01');
    expect(first()).toHaveTextContent('Posting…');
    expect(count).toHaveTextContent(`Showing ${shown + 1} of ${shown + 1} entries`);

    answer();
    await waitFor(() => expect(within(log).queryByText('Posting…')).not.toBeInTheDocument(), LOAD);
    expect(first()).toHaveTextContent(/added a comment/);
    expect(first()).toHaveTextContent('Contained on FIN-WS-01');
    expect(within(log).getAllByText('Contained on FIN-WS-01')).toHaveLength(1);
    expect(commentsOf(incident.id)).toBe(before + 1);
  });

  it('shows a stored comment once when the log has it before the post is done', async () => {
    const incident = liveIncident();
    const { box, post, queryClient, user } = await openActivity(incident.id);
    // The post is done once the incident and its log are read again: the incident's read waits.
    const release = holdRequests(server, `*/security/incidents/${incident.id}`);
    await user.click(box);
    await user.paste('Reset the password of FIN-WS-01');
    await user.click(post);

    const log = screen.getByRole('list', { name: 'Activity log' });
    await waitFor(
      () => expect(within(log).getAllByRole('listitem')[0]).toHaveTextContent(/added a comment/),
      LOAD,
    );
    // The post is still waiting for the incident's read, and the comment shows once.
    expect(queryClient.isMutating()).toBe(1);
    expect(within(log).getAllByText('Reset the password of FIN-WS-01')).toHaveLength(1);
    expect(within(log).queryByText('Posting…')).not.toBeInTheDocument();
    release();
    await waitFor(() => expect(queryClient.isMutating()).toBe(0), LOAD);
    expect(within(log).getAllByText('Reset the password of FIN-WS-01')).toHaveLength(1);
  });

  it("rolls back a refused comment, names the server's reason and gives the text back", async () => {
    const incident = liveIncident();
    const { box, post, user } = await openActivity(incident.id);
    const log = screen.getByRole('list', { name: 'Activity log' });
    const count = within(log).getAllByRole('listitem').length;
    // A merge in progress locks the incident: the real store refuses with 409.
    holdLock(runtime.store, [incident.id]);
    await user.click(box);
    await user.paste('Will be refused');
    await user.click(post);

    const error = await screen.findByRole('group', { name: "Couldn't post the comment" }, LOAD);
    expect(error).toHaveTextContent(
      `Incident ${incident.id} is being merged; try again when the merge has finished.`,
    );
    await waitFor(() => expect(within(log).getAllByRole('listitem')).toHaveLength(count));
    expect(within(log).queryByText('Will be refused')).not.toBeInTheDocument();
    expect(box).toHaveValue('Will be refused');
  });

  it('disables the comment box for a read-only persona and says why', async () => {
    const incident = liveIncident();
    await openActivity(incident.id, 'reader@contoso.com');
    const box = screen.getByRole('textbox', { name: 'Comment' });
    await waitFor(() => expect(box).toBeDisabled());
    expect(screen.getByRole('button', { name: 'Post comment' })).toBeDisabled();
    expect(
      screen.getByText(
        `reader@contoso.com (Security Reader) has read-only access and cannot change incident ${incident.id}. Missing permission SecurityIncident.ReadWrite.All.`,
      ),
    ).toBeInTheDocument();
  });
});

describe('comments being posted, against the log as loaded', () => {
  const NOW = Date.parse('2026-12-04T10:00:00Z');
  const stored = (id: string, text: string, at: number, extra: Partial<ActivityEntry> = {}) =>
    ({
      id,
      incidentId: '7',
      kind: 'comment',
      createdDateTime: new Date(at).toISOString(),
      performedBy: 'analyst@contoso.com',
      category: 'comment',
      action: 'commentAdded',
      description: 'analyst@contoso.com added a comment.',
      comment: text,
      ...extra,
    }) satisfies ActivityEntry;
  const posting = (id: string, text: string, shownBefore?: string[]): PendingComment => ({
    id,
    text,
    postedAt: NOW,
    author: 'analyst@contoso.com',
    shownBefore,
    // The newest entry the logs held when it was posted, by the server's clock.
    newestBefore: shownBefore && NOW - 60_000,
  });

  it('counts a stored comment for one post only, so the same words posted twice show twice', () => {
    const pending = [posting('p1', 'Done', []), posting('p2', 'Done', [])];
    expect(notYetInLog([], pending).map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(notYetInLog([stored('c1', 'Done', NOW + 500)], pending).map((p) => p.id)).toEqual([
      'p2',
    ]);
  });

  it('is not hidden by an older comment of the same words, one it showed already, or one from elsewhere', () => {
    const pending = [posting('p1', 'Done', ['c0'])];
    const log = [
      stored('c0', 'Done', NOW + 1000),
      stored('c1', 'Done', NOW - 3_600_000),
      stored('c2', 'Done', NOW + 1000, { action: 'alertCommentAdded' }),
      stored('c3', 'Done', NOW + 1000, { originIncidentId: '9' }),
    ];
    expect(notYetInLog(log, pending).map((p) => p.id)).toEqual(['p1']);
  });

  it('shows a post whose start has not recorded the log yet', () => {
    expect(notYetInLog([stored('c1', 'Done', NOW)], [posting('p1', 'Done')])).toHaveLength(1);
  });
});

describe('markdown toolbar edits', () => {
  it('wraps, lists and links the selection', () => {
    expect(applyMarkdownFormat({ text: 'a word b', start: 2, end: 6 }, 'italic')).toEqual({
      text: 'a *word* b',
      start: 3,
      end: 7,
    });
    expect(applyMarkdownFormat({ text: 'one\ntwo', start: 0, end: 7 }, 'numberedList').text).toBe(
      '1. one\n2. two',
    );
    expect(applyMarkdownFormat({ text: 'intro\nitem', start: 6, end: 6 }, 'bulletList').text).toBe(
      'intro\n\n- item',
    );
    const link = applyMarkdownFormat({ text: 'docs', start: 0, end: 4 }, 'link');
    expect(link.text).toBe('[docs](https://)');
    expect(link.text.slice(link.start, link.end)).toBe('https://');
    expect(applyMarkdownFormat({ text: '', start: 0, end: 0 }, 'image').text).toBe(
      '![image description](https://)',
    );
  });
});
