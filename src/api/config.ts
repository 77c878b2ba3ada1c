/** Where the client talks to: Microsoft Graph, and the mock's own extensions next to it. */
export const GRAPH_BASE = 'https://graph.microsoft.com/v1.0';

/** Mock-only routes (personas, demo reset, activity log); live mode has none of them. */
export const MOCK_BASE = 'https://graph.microsoft.com/mock/v1';

/** True unless the app was built with `VITE_MOCK=off` (live mode, a later step). */
export const MOCK_ENABLED = import.meta.env.VITE_MOCK !== 'off';

/** The persona the console acts as until someone picks another. */
export const DEFAULT_PERSONA_UPN = 'analyst@contoso.com';
