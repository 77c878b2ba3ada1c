/**
 * Where the client talks to, and in which mode. The mock (the default) answers Graph's and ARM's
 * real URLs in the browser; live mode (`VITE_MODE=live`, ARCHITECTURE.md §1) talks to the
 * configured Graph and ARM bases with real tokens, and loses what only the mock has.
 */
import { create } from 'zustand';

/** Microsoft Graph's v1.0 root as the mock build calls it (MSW answers it in the browser). */
export const GRAPH_BASE = 'https://graph.microsoft.com/v1.0';

const DEFAULT_GRAPH_ORIGIN = 'https://graph.microsoft.com';
const DEFAULT_ARM_BASE = 'https://management.azure.com';

/** True when the app was built for a real tenant (`VITE_MODE=live`): no mock, MSAL sign-in. */
export const LIVE_BUILD = import.meta.env.VITE_MODE === 'live';

/** The persona the console acts as until someone picks another (mock mode). */
export const DEFAULT_PERSONA_UPN = 'analyst@contoso.com';

type AppMode = 'mock' | 'live';

type ConfigState = {
  mode: AppMode;
  /** Graph's base without the version (`https://graph.microsoft.com`). */
  graph: string;
  /** Azure Resource Manager's base (`https://management.azure.com`). */
  arm: string;
  /** ARM ids of the Sentinel workspaces live mode looks for incidents in. */
  workspaces: readonly string[];
};

const useConfigStore = create<ConfigState>()(() => ({
  mode: 'mock',
  graph: DEFAULT_GRAPH_ORIGIN,
  arm: DEFAULT_ARM_BASE,
  workspaces: [],
}));

/**
 * Switches the client to live mode against these bases (main.tsx, once, before the first
 * request; tests of live behaviour too). Requests go only to them from then on.
 */
export function enterLiveMode(endpoints: {
  graphBase: string;
  armBase: string;
  workspaces: readonly string[];
}): void {
  useConfigStore.setState({
    mode: 'live',
    graph: endpoints.graphBase,
    arm: endpoints.armBase,
    workspaces: endpoints.workspaces,
  });
}

/** Whether the client talks to a real tenant (outside React: fetchers, query options). */
export const isLiveMode = () => useConfigStore.getState().mode === 'live';

/** Whether the console runs against a real tenant: what it cannot do there is hidden or said. */
export const useLiveMode = () => useConfigStore((s) => s.mode === 'live');

/** Graph's v1.0 root for the current mode. */
export const graphRoot = () => `${useConfigStore.getState().graph}/v1.0`;

/** The mock's own routes (personas, demo reset, activity log…): mock mode only. */
export const mockRoot = () => `${useConfigStore.getState().graph}/mock/v1`;

/** Azure Resource Manager's base: Sentinel's incidents and their relations (seed 004). */
export const armBase = () => useConfigStore.getState().arm;

/** The Sentinel workspaces (ARM ids) live mode looks for incidents in; none in mock mode. */
export const sentinelWorkspaces = () => useConfigStore.getState().workspaces;

/** The same, for components: relating alerts in live mode needs at least one. */
export const useSentinelWorkspaces = () => useConfigStore((s) => s.workspaces);

/** Which service a URL belongs to, or undefined for one the console never sends a token to. */
export type Service = 'graph' | 'arm';

/**
 * The service a request URL is for: Graph's versioned API (and, in mock mode, the mock's own
 * routes beside it) or ARM's subscriptions. Anything else gets no token: the client refuses to
 * call it (a `nextLink` pointing elsewhere, say). Dot segments are resolved first, so
 * `…/v1.0/../x` cannot pass as Graph.
 */
export function serviceOf(url: string): Service | undefined {
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    return undefined;
  }
  const { mode, graph, arm } = useConfigStore.getState();
  const graphPrefixes = [`${graph}/v1.0/`, `${graph}/beta/`];
  if (mode === 'mock') graphPrefixes.push(`${graph}/mock/v1/`);
  if (graphPrefixes.some((p) => href.startsWith(p))) return 'graph';
  if (href.startsWith(`${arm}/subscriptions/`)) return 'arm';
  return undefined;
}

/** The two services' bases, for messages. */
export const serviceBases = () => {
  const { graph, arm } = useConfigStore.getState();
  return { graph, arm };
};
