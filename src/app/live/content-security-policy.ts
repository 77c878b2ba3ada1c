/**
 * The live build's Content-Security-Policy: scripts only from the app's own origin, and network
 * requests only to it (config.json), the configured Graph and ARM origins and the authority,
 * whose sign-in page is also the only frame MSAL may open besides the app's own redirect URI
 * (where that frame lands). Built into index.html at build time (vite.config.ts), and read back at start-up to check that the origins `config.json` names are
 * ones this build allows (live-config.ts), so a mismatch says so instead of failing silently.
 */

/** The origins a live build talks to. */
export type CspOrigins = {
  graphBase: string;
  armBase: string;
  authority: string;
  /** Further origins a deployment's `config.json` may switch to (`VITE_CSP_EXTRA_ORIGINS`). */
  extra?: readonly string[];
};

/** The origin of a URL (`https://login.microsoftonline.com/<tenant>` → its scheme and host). */
const originOf = (url: string) => new URL(url).origin;

/** The policy's text, for a `<meta http-equiv="Content-Security-Policy">` or a header. */
export function liveContentSecurityPolicy(origins: CspOrigins): string {
  const services = [
    ...new Set(
      [origins.graphBase, origins.armBase, origins.authority, ...(origins.extra ?? [])].map(
        originOf,
      ),
    ),
  ];
  const authority = originOf(origins.authority);
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Fluent UI (Griffel) writes its styles into <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${services.join(' ')}`,
    // MSAL renews in a hidden frame of the authority when a refresh token will not do; the
    // authority answers by sending that frame to the redirect URI, this app's own origin.
    `frame-src 'self' ${authority}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** Whether `policy`'s connect-src lets the page call `url`'s origin. */
export function cspAllowsConnect(policy: string, url: string): boolean {
  const directive = policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([name]) => name === 'connect-src');
  if (!directive) return true;
  const origin = originOf(url);
  return directive.slice(1).some((source) => source !== "'self'" && source === origin);
}
