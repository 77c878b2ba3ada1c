/**
 * Live mode's settings: the build's environment (`VITE_TENANT_ID`, `VITE_CLIENT_ID`,
 * `VITE_GRAPH_BASE`, `VITE_AUTHORITY`, `VITE_ARM_BASE`, `VITE_SENTINEL_WORKSPACES`), overridden
 * key by key by a `config.json` served beside the app, so that one build serves several tenants.
 */
import { cspAllowsConnect } from './content-security-policy';

export type LiveConfig = {
  tenantId: string;
  clientId: string;
  /** Graph's origin, without the version: `https://graph.microsoft.com`. */
  graphBase: string;
  /** Where users sign in: `https://login.microsoftonline.com/<tenant>`. */
  authority: string;
  /** Azure Resource Manager's origin: `https://management.azure.com`. */
  armBase: string;
  /** ARM ids of the Sentinel workspaces (`/subscriptions/…/workspaces/<name>`). */
  workspaces: string[];
};

/** What `config.json` may hold: any subset of the settings. */
type ConfigFile = Partial<LiveConfig>;

const KEYS = ['tenantId', 'clientId', 'graphBase', 'authority', 'armBase'] as const;

/** A setting that is missing or malformed, named so an admin can fix it. */
export class LiveConfigError extends Error {
  override name = 'LiveConfigError';
}

function fromEnvironment(): ConfigFile {
  const env = import.meta.env;
  const workspaces = env.VITE_SENTINEL_WORKSPACES as string | undefined;
  const pick = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return {
    tenantId: pick(env.VITE_TENANT_ID),
    clientId: pick(env.VITE_CLIENT_ID),
    graphBase: pick(env.VITE_GRAPH_BASE),
    authority: pick(env.VITE_AUTHORITY),
    armBase: pick(env.VITE_ARM_BASE),
    workspaces: workspaces
      ? workspaces
          .split(',')
          .map((w) => w.trim())
          .filter(Boolean)
      : undefined,
  };
}

/** An https origin (or `http://localhost`-like loopback), without a trailing slash. */
function origin(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new LiveConfigError(`${name} is not a URL: '${value}'.`);
  }
  if (url.protocol !== 'https:') {
    throw new LiveConfigError(`${name} must be an https URL: '${value}'.`);
  }
  return url.href.replace(/\/+$/, '');
}

/** Checks a `config.json` body: an object whose known keys hold strings (workspaces: strings). */
function parseConfigFile(body: unknown): ConfigFile {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new LiveConfigError('config.json must hold a JSON object.');
  }
  const record = body as Record<string, unknown>;
  const file: ConfigFile = {};
  for (const key of KEYS) {
    const value = record[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '') {
      throw new LiveConfigError(`config.json: '${key}' must be a non-empty string.`);
    }
    file[key] = value;
  }
  const workspaces = record.workspaces;
  if (workspaces !== undefined) {
    if (!Array.isArray(workspaces) || !workspaces.every((w) => typeof w === 'string')) {
      throw new LiveConfigError("config.json: 'workspaces' must be a list of ARM ids.");
    }
    file.workspaces = workspaces;
  }
  return file;
}

/** Merges the environment with `override` and checks the result. */
export function resolveLiveConfig(env: ConfigFile, override: ConfigFile = {}): LiveConfig {
  const merged = { ...env, ...stripUndefined(override) };
  const tenantId = merged.tenantId;
  const clientId = merged.clientId;
  if (!tenantId)
    throw new LiveConfigError('The tenant id is missing (VITE_TENANT_ID or tenantId).');
  if (!clientId)
    throw new LiveConfigError('The client id is missing (VITE_CLIENT_ID or clientId).');
  const workspaces = merged.workspaces ?? [];
  for (const w of workspaces) {
    if (
      !/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.OperationalInsights\/workspaces\/[^/]+$/i.test(
        w,
      )
    ) {
      throw new LiveConfigError(
        `A Sentinel workspace must be an ARM id (/subscriptions/…/resourceGroups/…/providers/Microsoft.OperationalInsights/workspaces/…): '${w}'.`,
      );
    }
  }
  return {
    tenantId,
    clientId,
    graphBase: origin('The Graph base URL', merged.graphBase ?? 'https://graph.microsoft.com'),
    authority: origin(
      'The authority',
      merged.authority ?? `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}`,
    ),
    armBase: origin('The ARM base URL', merged.armBase ?? 'https://management.azure.com'),
    workspaces,
  };
}

/**
 * Checks that the build's Content-Security-Policy lets the page reach the origins the settings
 * name: `config.json` may point one build at other origins than those it was built for, and the
 * browser would then refuse every request without a word the analyst could read.
 */
export function checkContentSecurityPolicy(config: LiveConfig, policy: string | undefined): void {
  if (!policy) return;
  const named = [
    ['The Graph base URL', config.graphBase],
    ['The ARM base URL', config.armBase],
    ['The authority', config.authority],
  ] as const;
  for (const [name, url] of named) {
    if (!cspAllowsConnect(policy, url)) {
      throw new LiveConfigError(
        `${name} (${new URL(url).origin}) is not allowed by this build's Content-Security-Policy. ` +
          'Rebuild with it in VITE_CSP_EXTRA_ORIGINS, or serve the policy as a header that allows it.',
      );
    }
  }
}

/** The policy index.html carries (the live build's), if any. */
const builtPolicy = () =>
  document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ??
  undefined;

function stripUndefined(file: ConfigFile): ConfigFile {
  return Object.fromEntries(Object.entries(file).filter(([, v]) => v !== undefined));
}

/**
 * The settings for this deployment: the build's environment, then `config.json` beside the app
 * when there is one (a 404 or an HTML page means none; anything else unreadable is an error
 * that says so).
 */
export async function loadLiveConfig(): Promise<LiveConfig> {
  const env = fromEnvironment();
  const response = await fetch(new URL('config.json', document.baseURI), { cache: 'no-store' });
  // No file: a 404, or a static host's single-page fallback answering with index.html.
  const type = response.headers.get('content-type') ?? '';
  if (response.status === 404 || (response.ok && !type.includes('json'))) {
    const config = resolveLiveConfig(env);
    checkContentSecurityPolicy(config, builtPolicy());
    return config;
  }
  if (!response.ok) {
    throw new LiveConfigError(`config.json could not be read (HTTP ${response.status}).`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new LiveConfigError('config.json is not valid JSON.');
  }
  const config = resolveLiveConfig(env, parseConfigFile(body));
  checkContentSecurityPolicy(config, builtPolicy());
  return config;
}
