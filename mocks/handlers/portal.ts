/** The Defender portal: Graph's and ARM's incident links both point into it. */
export const PORTAL = 'https://security.microsoft.com';
