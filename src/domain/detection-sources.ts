/**
 * Detection technologies (Graph's `detectionSource`) as the portal names them. Graph types the
 * property as an evolvable enum, so a value this console does not know yet shows as sent.
 */
export const DETECTION_SOURCE_LABELS: Record<string, string> = {
  unknown: 'Unknown',
  unknownFutureValue: 'Unknown',
  microsoftDefenderForEndpoint: 'EDR',
  antivirus: 'Antivirus',
  smartScreen: 'SmartScreen',
  customTi: 'Custom TI',
  microsoftDefenderForOffice365: 'Microsoft Defender for Office 365',
  automatedInvestigation: 'Automated investigation',
  microsoftThreatExperts: 'Microsoft Defender Experts',
  customDetection: 'Custom detection',
  microsoftDefenderForIdentity: 'Microsoft Defender for Identity',
  cloudAppSecurity: 'Microsoft Defender for Cloud Apps',
  microsoft365Defender: 'Microsoft Defender XDR',
  azureAdIdentityProtection: 'Microsoft Entra ID Protection',
  manual: 'Manual',
  microsoftDataLossPrevention: 'Microsoft Data Loss Prevention',
  appGovernancePolicy: 'App governance policy',
  appGovernanceDetection: 'App governance detection',
  microsoftDefenderForCloud: 'Microsoft Defender for Cloud',
  microsoftDefenderForIoT: 'Microsoft Defender for IoT',
  microsoftDefenderForServers: 'Microsoft Defender for Servers',
  microsoftDefenderForStorage: 'Microsoft Defender for Storage',
  microsoftDefenderForDNS: 'Microsoft Defender for DNS',
  microsoftDefenderForDatabases: 'Microsoft Defender for Databases',
  microsoftDefenderForContainers: 'Microsoft Defender for Containers',
  microsoftDefenderForNetwork: 'Microsoft Defender for Network',
  microsoftDefenderForAppService: 'Microsoft Defender for App Service',
  microsoftDefenderForKeyVault: 'Microsoft Defender for Key Vault',
  microsoftDefenderForResourceManager: 'Microsoft Defender for Resource Manager',
  microsoftDefenderForApiManagement: 'Microsoft Defender for API Management',
  nrtAlerts: 'NRT alerts',
  scheduledAlerts: 'Scheduled alerts',
  microsoftDefenderThreatIntelligenceAnalytics: 'Microsoft Defender Threat Intelligence analytics',
  builtInMl: 'Built-in ML',
  microsoftInsiderRiskManagement: 'Microsoft Purview Insider Risk Management',
  microsoftThreatIntelligence: 'Microsoft Threat Intelligence',
  microsoftDefenderForAIServices: 'Microsoft Defender for AI services',
  securityCopilot: 'Security Copilot',
  microsoftSentinel: 'Microsoft Sentinel',
};

/** The portal's name of a detection source; `—` when there is none. */
export function detectionSourceLabel(source: string | null | undefined): string {
  if (!source) return '—';
  return DETECTION_SOURCE_LABELS[source] ?? source;
}
