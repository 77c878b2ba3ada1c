/**
 * Live mode's session running out mid-work: the console's real sign-in code (src/app/live) over
 * MSAL replaced at its boundary only — jsdom cannot open the authority's popup or redirect, so
 * `PublicClientApplication` here answers as MSAL does: silent renewal fails with
 * InteractionRequiredAuthError once the session is gone, and a popup sign-in brings it back.
 * The real flow runs in Chromium in tests/e2e-live.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { setTokenProvider } from '@/api/session-store';
import { startLiveAuth } from '@/app/live/live-auth';
import { renderApp } from '../render';
import { graphError } from './mock-backend';
import { setupMockServer } from './mock-server';
import { buildStore, makeIncident } from './test-store';

/** How silent renewal fails once the session is gone. */
type RenewalFailure = 'interaction' | 'frameTimeout' | 'offline';

const session = vi.hoisted(() => {
  const state: { expired: boolean; failure: RenewalFailure; popups: number; silent: number } = {
    expired: false,
    failure: 'interaction',
    popups: 0,
    silent: 0,
  };
  return state;
});

vi.mock('@azure/msal-browser', () => {
  class InteractionRequiredAuthError extends Error {}
  class AuthError extends Error {
    constructor(readonly errorCode: string) {
      super(`MSAL: ${errorCode}`);
    }
  }
  class BrowserAuthError extends AuthError {}
  const BrowserAuthErrorCodes = { timedOut: 'timed_out' };
  const account = { username: 'analyst@contoso.com', homeAccountId: 'home', localAccountId: 'l' };
  class PublicClientApplication {
    private active: typeof account | null = null;
    initialize = () => Promise.resolve();
    handleRedirectPromise = () => Promise.resolve(null);
    getActiveAccount = () => this.active;
    getAllAccounts = () => [account];
    setActiveAccount = (a: typeof account) => {
      this.active = a;
    };
    acquireTokenSilent = () => {
      session.silent += 1;
      // The mock API (not in --auth entra mode) takes `mock.<upn>` as the signed-in user.
      if (!session.expired) {
        return Promise.resolve({ accessToken: `mock.${account.username}`, account });
      }
      return Promise.reject(
        session.failure === 'interaction'
          ? new InteractionRequiredAuthError('interaction_required')
          : new BrowserAuthError(
              session.failure === 'frameTimeout' ? 'timed_out' : 'no_network_connectivity',
            ),
      );
    };
    acquireTokenPopup = () => {
      session.popups += 1;
      session.expired = false;
      return Promise.resolve({ accessToken: `mock.${account.username}`, account });
    };
    loginRedirect = () => Promise.resolve();
    logoutRedirect = () => Promise.resolve();
  }
  return {
    AuthError,
    BrowserAuthError,
    BrowserAuthErrorCodes,
    InteractionRequiredAuthError,
    PublicClientApplication,
  };
});

const { runtime, server } = setupMockServer(
  buildStore([makeIncident({ displayName: 'Ransomware activity on FIN-WS-01' })]),
);
const LOAD = { timeout: 5000 };

beforeAll(async () => {
  await import('@/features/incident-page/components/incident-page');
  await import('@/app/live/live-account');
});

async function signedIn(failure: RenewalFailure = 'interaction') {
  session.expired = false;
  session.failure = failure;
  session.popups = 0;
  onTestFinished(() => setTokenProvider(undefined));
  const ok = await startLiveAuth({
    tenantId: 'contoso',
    clientId: 'console',
    graphBase: 'https://graph.microsoft.com',
    authority: 'https://login.microsoftonline.com/contoso',
    armBase: 'https://management.azure.com',
    workspaces: [],
  });
  expect(ok).toBe(true);
}

const comments = () => runtime.store.incident('1')!.comments.map((c) => c.comment);

describe('live mode: an expired session', () => {
  it.each([
    ['the authority asks for the user', 'interaction'],
    ["MSAL's hidden renewal frame times out", 'frameTimeout'],
  ] as const)(
    '%s: brings back the sign-in, keeps what was typed and posts what was waiting',
    async (_, failure) => {
      await signedIn(failure);
      const { user } = renderApp('/incidents/1/activity');
      await screen.findByText(/This incident has no comments yet/, {}, LOAD);
      expect(screen.getByLabelText('Signed in as')).toHaveTextContent('analyst@contoso.com');
      const box = screen.getByRole('textbox', { name: 'Comment' });

      await user.type(box, 'Isolated.');
      session.expired = true;
      await user.click(screen.getByRole('button', { name: 'Post comment' }));

      expect(await screen.findByText('Your session has expired')).toBeInTheDocument();
      // The comment waits, shown as posting, rather than failing and being lost.
      const log = screen.getByRole('list', { name: 'Activity log' });
      expect(within(log).getByText('Isolated.')).toBeInTheDocument();
      expect(within(log).getByText('Posting…')).toBeInTheDocument();
      expect(comments()).toEqual([]);
      // The analyst goes on typing the next one meanwhile.
      await user.type(box, 'Next.');

      await user.click(screen.getByRole('button', { name: 'Sign in again' }));
      await waitFor(() => expect(comments()).toEqual(['Isolated.']));
      expect(session.popups).toBe(1);
      await waitFor(() =>
        expect(screen.queryByText('Your session has expired')).not.toBeInTheDocument(),
      );
      expect(await within(log).findByText(/added a comment/)).toBeInTheDocument();
      expect(within(log).queryByText('Posting…')).not.toBeInTheDocument();
      expect(box).toHaveValue('Next.');
    },
  );

  it('fails a request whose token MSAL cannot get for another reason, and gives the text back', async () => {
    await signedIn('offline');
    const { user } = renderApp('/incidents/1/activity');
    await screen.findByText(/This incident has no comments yet/, {}, LOAD);
    const box = screen.getByRole('textbox', { name: 'Comment' });
    await user.type(box, 'Isolated.');
    session.expired = true;
    await user.click(screen.getByRole('button', { name: 'Post comment' }));

    const failure = await screen.findByRole('group', { name: "Couldn't post the comment" }, LOAD);
    expect(failure).toHaveTextContent('no_network_connectivity');
    expect(box).toHaveValue('Isolated.');
    expect(screen.queryByText('Your session has expired')).not.toBeInTheDocument();
    expect(session.popups).toBe(0);
    expect(comments()).toEqual([]);
  });

  it('says at once why the server refused a comment, and gives the text back, while the refresh after it waits for sign-in', async () => {
    await signedIn();
    const { user } = renderApp('/incidents/1/activity');
    await screen.findByText(/This incident has no comments yet/, {}, LOAD);
    const box = screen.getByRole('textbox', { name: 'Comment' });
    await user.type(box, 'Isolated.');
    // The post is refused, and by the time the console refreshes what it shows, the session is
    // gone: that refresh waits for "Sign in again", the refusal must not.
    server.use(
      http.post('*/security/incidents/:id/comments', () => {
        session.expired = true;
        return graphError('The comment service is resting.');
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Post comment' }));

    const failure = await screen.findByRole('group', { name: "Couldn't post the comment" }, LOAD);
    expect(failure).toHaveTextContent('The comment service is resting.');
    expect(box).toHaveValue('Isolated.');
    expect(await screen.findByText('Your session has expired')).toBeInTheDocument();
    expect(screen.queryByText('Posting…')).not.toBeInTheDocument();
    expect(comments()).toEqual([]);
  });
});
