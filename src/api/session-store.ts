/**
 * Who the client acts as. The app sets the persona (mock mode) or the signed-in user's UPN (live
 * mode); the fetch wrapper gets every request's token from the token provider, which live mode
 * replaces with MSAL's.
 */
import { create } from 'zustand';
import { DEFAULT_PERSONA_UPN, type Service } from './config';

type SessionState = {
  upn: string;
  actions: { setUpn: (upn: string) => void };
};

const useSessionStore = create<SessionState>()((set) => ({
  upn: DEFAULT_PERSONA_UPN,
  actions: { setUpn: (upn) => set({ upn }) },
}));

/** The UPN of the persona requests are made as. */
export const useSessionUpn = () => useSessionStore((s) => s.upn);

/** Reads the current persona outside React (the fetch wrapper, bootstrapping). */
export const getSessionUpn = () => useSessionStore.getState().upn;

/** Calls `listener` whenever the persona changes; returns the unsubscribe. */
export function subscribeToPersona(listener: (upn: string) => void): () => void {
  return useSessionStore.subscribe((state, previous) => {
    if (state.upn !== previous.upn) listener(state.upn);
  });
}

/** Switches the persona; callers refetch whatever the old one loaded. */
export const setSessionUpn = (upn: string) => useSessionStore.getState().actions.setUpn(upn);

/** How a fetch asks for a token: for which service, and whether a cached one will not do. */
export type TokenRequest = {
  service: Service;
  /** The service refused the last token (401): get a new one rather than the cached one. */
  forceRefresh?: boolean;
};

/** Where tokens come from: the mock's persona, or live mode's sign-in. */
export type TokenProvider = {
  getToken: (request: TokenRequest) => string | Promise<string>;
  /** Whether asking again with `forceRefresh` can yield a different token (worth a retry). */
  refreshable: boolean;
};

const mockTokenProvider: TokenProvider = {
  getToken: () => `mock.${getSessionUpn()}`,
  refreshable: false,
};
let tokenProvider: TokenProvider = mockTokenProvider;

/**
 * Replaces how tokens are obtained (live mode's sign-in, src/app/live); `undefined` restores
 * the mock's.
 */
export function setTokenProvider(provider: TokenProvider | undefined): void {
  tokenProvider = provider ?? mockTokenProvider;
}

/**
 * The token the fetch wrapper sends to `service` as `Authorization: Bearer …`: at once when the
 * provider has it (the mock's persona), else once it does.
 */
export const getAccessToken = (request: TokenRequest): string | Promise<string> =>
  tokenProvider.getToken(request);

/** Whether a refused token is worth one retry with a fresh one. */
export const canRefreshToken = () => tokenProvider.refreshable;
