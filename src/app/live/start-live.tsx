/**
 * Live mode's start: loads the settings, finishes or starts sign-in. Its own chunk (with MSAL):
 * the mock build never loads it.
 */
import type { ReactNode } from 'react';
import { LiveConfigError, loadLiveConfig } from './live-config';
import { signIn, startLiveAuth } from './live-auth';
import { SignInScreen } from './sign-in-screen';

export type LiveStart =
  | { kind: 'signedIn' }
  /** Nobody is signed in, or live mode cannot start: a page to show instead of the console. */
  | { kind: 'screen'; screen: ReactNode }
  /** This page is a sign-in popup's or frame's landing: it hands the answer to the console. */
  | { kind: 'popup' };

/**
 * Whether this load is the authority's answer landing in a sign-in popup or in MSAL's hidden
 * frame (silent renewal once the refresh token is gone): it must be handed to the console, or
 * MSAL waits for it until it times out.
 */
function isPopupLanding(): boolean {
  const answer = `${window.location.hash}&${window.location.search}`;
  const popup = window.opener !== null && window.opener !== window;
  const framed = window.parent !== window;
  return (popup || framed) && /[#?&]state=/.test(answer);
}

export async function startLive(): Promise<LiveStart> {
  if (isPopupLanding()) {
    const { broadcastResponseToMainFrame } = await import('@azure/msal-browser/redirect-bridge');
    await broadcastResponseToMainFrame();
    return { kind: 'popup' };
  }
  try {
    const config = await loadLiveConfig();
    if (await startLiveAuth(config)) return { kind: 'signedIn' };
    return { kind: 'screen', screen: <SignInScreen onSignIn={signIn} /> };
  } catch (error) {
    const message =
      error instanceof LiveConfigError
        ? `The console is not configured for live mode: ${error.message}`
        : `Sign-in could not start (${error instanceof Error ? error.message : String(error)}).`;
    return { kind: 'screen', screen: <SignInScreen error={message} /> };
  }
}
