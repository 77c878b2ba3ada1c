/** Service sources: portal names and the alert-id prefixes of SPEC.md §2.2.1. */
import type { ServiceSource } from './enums';

export type SourceInfo = {
  /** Name shown in the portal's source filter and columns. */
  label: string;
  /** Alert-id prefixes this source produces; the first is the usual one. */
  prefixes: readonly string[];
};

export const SOURCE_INFO: Record<ServiceSource, SourceInfo> = {
  microsoft365Defender: { label: 'Microsoft Defender XDR', prefixes: ['ra', 'ta', 'ea'] },
  microsoftDefenderForOffice365: { label: 'Microsoft Defender for Office 365', prefixes: ['fa'] },
  microsoftDefenderForEndpoint: {
    label: 'Microsoft Defender for Endpoint',
    prefixes: ['da', 'ed'],
  },
  microsoftDefenderForIdentity: {
    label: 'Microsoft Defender for Identity',
    prefixes: ['aa', 'ri'],
  },
  microsoftDefenderForCloudApps: {
    label: 'Microsoft Defender for Cloud Apps',
    prefixes: ['ca', 'rm'],
  },
  azureAdIdentityProtection: { label: 'Microsoft Entra ID Protection', prefixes: ['ad'] },
  microsoftAppGovernance: { label: 'App Governance', prefixes: ['ma'] },
  dataLossPrevention: { label: 'Microsoft Data Loss Prevention', prefixes: ['dl'] },
  microsoftDefenderForCloud: { label: 'Microsoft Defender for Cloud', prefixes: ['dc'] },
  microsoftSentinel: { label: 'Microsoft Sentinel', prefixes: ['sn'] },
  microsoftInsiderRiskManagement: {
    label: 'Microsoft Purview Insider Risk Management',
    prefixes: ['ir'],
  },
  microsoftThreatIntelligence: { label: 'Microsoft Threat Intelligence', prefixes: ['ti'] },
  microsoftSecurityForAI: { label: 'Microsoft Security for AI', prefixes: ['ai'] },
  unknown: { label: 'Unknown', prefixes: ['un'] },
  unknownFutureValue: { label: 'Unknown', prefixes: ['un'] },
};

/** The sources a real tenant produces alerts from (what the seed and the filters use). */
export const PRODUCT_SOURCES = [
  'microsoft365Defender',
  'microsoftDefenderForEndpoint',
  'microsoftDefenderForOffice365',
  'microsoftDefenderForIdentity',
  'microsoftDefenderForCloudApps',
  'azureAdIdentityProtection',
  'microsoftAppGovernance',
  'dataLossPrevention',
  'microsoftDefenderForCloud',
  'microsoftSentinel',
  'microsoftInsiderRiskManagement',
] as const satisfies readonly ServiceSource[];

export function sourceLabel(source: ServiceSource): string {
  return SOURCE_INFO[source].label;
}

/** The service sources of some alerts, each once: what writing them (or their incident) needs. */
export function alertSources(
  alerts: readonly { serviceSource?: string | null }[] | null | undefined,
): ServiceSource[] {
  const out = new Set<ServiceSource>();
  for (const a of alerts ?? []) if (a.serviceSource) out.add(a.serviceSource as ServiceSource);
  return [...out];
}

/**
 * Whether a search reads as an alert id rather than words of a title: a two-letter source
 * prefix, then at least 16 digits, hex letters, `_` or `-` (Defender's `da637551227677560813_-961444813`,
 * a Sentinel alert's `sn` + GUID), and no spaces.
 */
export const looksLikeAlertId = (text: string) => /^[a-z]{2}[0-9a-f][0-9a-f_-]{15,}$/i.test(text);
