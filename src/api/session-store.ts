/**
 * Who the client acts as. The app sets the persona; the fetch wrapper reads it for every request
 * through the token provider, which live mode replaces with a real one.
 */
import { create } from 'zustand';
import { DEFAULT_PERSONA_UPN } from './config';

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

/** Switches the persona; callers refetch whatever the old one loaded. */
export const setSessionUpn = (upn: string) => useSessionStore.getState().actions.setUpn(upn);

/** Returns the bearer token for the next request. */
export type TokenProvider = () => string | Promise<string>;

const mockTokenProvider: TokenProvider = () => `mock.${getSessionUpn()}`;
let tokenProvider: TokenProvider = mockTokenProvider;

/** Replaces how tokens are obtained (live mode); `undefined` restores the mock's. */
export function setTokenProvider(provider: TokenProvider | undefined): void {
  tokenProvider = provider ?? mockTokenProvider;
}

/** The token the fetch wrapper sends as `Authorization: Bearer …`. */
export const getAccessToken = (): Promise<string> => Promise.resolve(tokenProvider());
