/**
 * Live mode's sign-in: MSAL (`@azure/msal-browser`), authorization code with PKCE, tokens cached
 * by MSAL in session storage and renewed silently, one token per resource (Graph, ARM). When
 * renewal needs the user (the session expired or was revoked) the console asks them to sign in
 * again in a popup, so the page and whatever was typed in it stay; the requests that were
 * waiting for a token go on once they have.
 */
import {
  AuthError,
  BrowserAuthErrorCodes,
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { create } from 'zustand';
import { enterLiveMode, type Service } from '@/api/config';
import { setSessionUpn, setTokenProvider, type TokenRequest } from '@/api/session-store';
import type { LiveConfig } from './live-config';

/** The delegated permissions the console asks for, per resource (README: registering the app). */
const SCOPES: Record<Service, string[]> = {
  graph: [
    'https://graph.microsoft.com/SecurityIncident.ReadWrite.All',
    'https://graph.microsoft.com/SecurityAlert.ReadWrite.All',
  ],
  arm: ['https://management.azure.com/user_impersonation'],
};

/** What sign-in asks for up front: Graph's scopes (ARM's token is asked for when first needed). */
const SIGN_IN_SCOPES = ['openid', 'profile', 'offline_access', ...SCOPES.graph];

type LiveAuthState = {
  /** The signed-in user's UPN. */
  upn?: string;
  /** Renewal needs the user: the console shows "Sign in again". */
  expired: boolean;
  /** Why the last attempt to sign in again failed, if it did. */
  renewalError?: string;
};

const useLiveAuthStore = create<LiveAuthState>()(() => ({ expired: false }));

/** The signed-in user and whether they must sign in again (for the shell). */
export const useLiveAuth = () => useLiveAuthStore();

let msal: IPublicClientApplication | undefined;
let waitingForSignIn: { promise: Promise<void>; resolve: () => void } | undefined;

function requireMsal(): IPublicClientApplication {
  if (!msal) throw new Error('Live sign-in has not started.');
  return msal;
}

/** Blocks token requests until the user has signed in again (one wait shared by all). */
function waitForSignInAgain(): Promise<void> {
  if (!waitingForSignIn) {
    let resolve: () => void = () => {};
    const promise = new Promise<void>((r) => (resolve = r));
    waitingForSignIn = { promise, resolve };
    useLiveAuthStore.setState({ expired: true, renewalError: undefined });
  }
  return waitingForSignIn.promise;
}

/**
 * Whether a silent renewal failed in a way only the user can mend: the authority wants them
 * (InteractionRequiredAuthError), or MSAL's hidden frame never answered (`timed_out`: a busy
 * page, blocked third-party cookies), for which MSAL's advice is the same, an interactive
 * sign-in. Either way the request waits for "Sign in again" rather than failing and losing what
 * it carried (a comment, a change).
 */
function needsSignIn(error: unknown): boolean {
  return (
    error instanceof InteractionRequiredAuthError ||
    // BrowserAuthError from the frame's bridge; a plain AuthError from MSAL's legacy polling.
    (error instanceof AuthError && error.errorCode === BrowserAuthErrorCodes.timedOut)
  );
}

async function tokenFor(request: TokenRequest): Promise<string> {
  const client = requireMsal();
  for (;;) {
    const account = client.getActiveAccount();
    if (!account) {
      await waitForSignInAgain();
      continue;
    }
    try {
      const result = await client.acquireTokenSilent({
        scopes: SCOPES[request.service],
        account,
        forceRefresh: request.forceRefresh ?? false,
      });
      return result.accessToken;
    } catch (error) {
      if (!needsSignIn(error)) throw error;
      await waitForSignInAgain();
    }
  }
}

function signedIn(account: AccountInfo): void {
  requireMsal().setActiveAccount(account);
  setSessionUpn(account.username);
  useLiveAuthStore.setState({ upn: account.username, expired: false, renewalError: undefined });
}

/**
 * Starts live mode: points the client at the configured services, creates MSAL, finishes a
 * sign-in redirect if this page load is one, and installs the token provider. Resolves whether
 * someone is signed in.
 */
export async function startLiveAuth(config: LiveConfig): Promise<boolean> {
  enterLiveMode({
    graphBase: config.graphBase,
    armBase: config.armBase,
    workspaces: config.workspaces,
  });
  const client = new PublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      // No instance discovery against login.microsoftonline.com for another authority.
      knownAuthorities: [new URL(config.authority).host],
      redirectUri: new URL('/', window.location.origin).href,
      postLogoutRedirectUri: new URL('/', window.location.origin).href,
    },
    // Tokens live in MSAL's cache for this tab's session only, never in the URL or our storage.
    cache: { cacheLocation: 'sessionStorage' },
    system: { loggerOptions: { piiLoggingEnabled: false } },
  });
  await client.initialize();
  msal = client;
  const result = await client.handleRedirectPromise();
  const account = result?.account ?? client.getActiveAccount() ?? client.getAllAccounts()[0];
  setTokenProvider({ getToken: tokenFor, refreshable: true });
  if (!account) return false;
  signedIn(account);
  return true;
}

/** Sends the user to the authority to sign in; they come back to this page signed in. */
export function signIn(): Promise<void> {
  return requireMsal().loginRedirect({ scopes: SIGN_IN_SCOPES });
}

/**
 * Signs in again in a popup after the session expired, keeping the page as it is; the requests
 * that waited for a token are sent once it succeeds.
 */
export async function signInAgain(): Promise<void> {
  const client = requireMsal();
  const previous = client.getActiveAccount();
  try {
    const result = await client.acquireTokenPopup({
      scopes: SIGN_IN_SCOPES,
      loginHint: previous?.username ?? useLiveAuthStore.getState().upn,
    });
    signedIn(result.account);
    waitingForSignIn?.resolve();
    waitingForSignIn = undefined;
  } catch (error) {
    useLiveAuthStore.setState({
      renewalError:
        error instanceof Error
          ? `Sign-in did not complete (${error.message}).`
          : 'Sign-in did not complete.',
    });
  }
}

/** Signs out of the console and of the authority's session, then comes back signed out. */
export function signOut(): Promise<void> {
  const client = requireMsal();
  return client.logoutRedirect({ account: client.getActiveAccount() ?? undefined });
}
