/**
 * The evidence on each alert: devices, users, mailboxes, IPs, URLs, files, processes and cloud
 * apps, in Graph's alertEvidence shapes, drawn from the incident's pools. This is the seed's
 * hottest code, which is why each kind is written out as one object literal rather than built
 * from shared parts.
 */
import { SEVERITY_RANK, type AlertSeverity } from '@/domain/enums';
import {
  EVIDENCE_TYPE,
  type AlertEvidence,
  type CloudApplicationEvidence,
  type DeviceEvidence,
  type FileEvidence,
  type IpEvidence,
  type MailboxEvidence,
  type ProcessEvidence,
  type UrlEvidence,
  type UserAccount,
  type UserEvidence,
} from '@/domain/graph';
import type { AlertTemplate, EvidenceKind, FileKey, ProcessKey } from '../seed-data';
import type { User } from './inventory';
import type { Pools } from './pools';
import type { Rng } from './random';
import { SUBSCRIPTION_ID } from './tenant';
import { iso } from './time';

const EVIDENCE_COUNT_WEIGHTS = [
  [1, 10],
  [2, 30],
  [3, 30],
  [4, 20],
  [5, 10],
] as const;

const DEFAULT_FILES: readonly FileKey[] = ['payloadDll'];
const DEFAULT_PROCESSES: readonly ProcessKey[] = ['powershellEncoded'];
/** The company's internet egress address (documentation range). */
const EXTERNAL_EGRESS_IP = '203.0.113.24';

const USER_ROLES = ['compromised', 'attacked', 'contextual', 'suspicious'] as const;
const IP_ROLES = ['attacker', 'source', 'commandAndControl'] as const;

/**
 * 1–5 pieces of evidence in the template's order of importance, drawn from the incident's
 * pools. Written as flat literals: this runs ~125k times for the large seed.
 */
export function evidenceOf(
  rng: Rng,
  pools: Pools,
  t: AlertTemplate,
  severity: AlertSeverity,
  createdIso: string,
  lastActivity: number,
): AlertEvidence[] {
  const want = Math.min(t.evidence.length, 5, rng.weighted(EVIDENCE_COUNT_WEIGHTS));
  const out: AlertEvidence[] = [];
  // At most five entries: a plain array beats a Set allocated per alert.
  const used: unknown[] = [];
  let fileIdx = 0;
  let procIdx = 0;
  // Files and processes sit on the alert's device, if it has one (cloud files have none).
  let deviceId: string | null = null;
  for (let i = 0; i < want; i++) {
    switch (t.evidence[i] as EvidenceKind) {
      case 'device': {
        const device = pools.device(t.cloudVm === true, used);
        if (!device) break;
        used.push(device);
        const first = deviceId === null;
        deviceId ??= device.mdeDeviceId;
        const ev: DeviceEvidence = {
          '@odata.type': EVIDENCE_TYPE.device,
          createdDateTime: createdIso,
          verdict: 'suspicious',
          remediationStatus: 'none',
          remediationStatusDetails: null,
          roles: first && SEVERITY_RANK[severity] >= 3 ? ['compromised'] : [],
          detailedRoles: [first ? 'PrimaryDevice' : 'Destination'],
          tags: [],
          firstSeenDateTime: device.firstSeen,
          mdeDeviceId: device.mdeDeviceId,
          azureAdDeviceId: device.azureAdDeviceId,
          deviceDnsName: device.dnsName,
          hostName: device.hostName,
          dnsDomain: 'contoso.com',
          ntDomain: 'CONTOSO',
          osPlatform: device.os,
          osBuild: device.build,
          version: device.version,
          healthStatus: 'active',
          riskScore:
            severity === 'unknown' || severity === 'unknownFutureValue' ? 'none' : severity,
          rbacGroupId: device.rbacGroupId,
          rbacGroupName: device.rbacGroupName,
          onboardingStatus: 'onboarded',
          defenderAvStatus: device.os.startsWith('Windows') ? 'updated' : 'notSupported',
          ipInterfaces: [device.ip],
          lastIpAddress: device.ip,
          lastExternalIpAddress: EXTERNAL_EGRESS_IP,
          loggedOnUsers: device.user
            ? [{ accountName: device.user.accountName, domainName: 'CONTOSO' }]
            : [],
          vmMetadata: device.vm
            ? {
                cloudProvider: 'azure',
                resourceId: device.vm.resourceId,
                subscriptionId: SUBSCRIPTION_ID,
                vmId: device.vm.vmId,
              }
            : null,
        };
        out.push(ev);
        break;
      }
      case 'user': {
        const user = pools.user(used);
        if (!user) break;
        used.push(user);
        const ev: UserEvidence = {
          '@odata.type': EVIDENCE_TYPE.user,
          createdDateTime: createdIso,
          verdict: rng.chance(0.6) ? 'suspicious' : 'unknown',
          remediationStatus: 'none',
          remediationStatusDetails: null,
          roles: [rng.pick(USER_ROLES)],
          detailedRoles: [],
          tags: [],
          userAccount: userAccount(user),
        };
        out.push(ev);
        break;
      }
      case 'mailbox': {
        const user = pools.mailbox(used);
        if (!user) break;
        used.push(user);
        const ev: MailboxEvidence = {
          '@odata.type': EVIDENCE_TYPE.mailbox,
          createdDateTime: createdIso,
          verdict: 'unknown',
          remediationStatus: 'none',
          remediationStatusDetails: null,
          roles: ['destination'],
          detailedRoles: ['Recipient'],
          tags: [],
          displayName: user.displayName,
          primaryAddress: user.upn,
          upn: user.upn,
          userAccount: userAccount(user),
        };
        out.push(ev);
        break;
      }
      case 'ip': {
        const ip = pools.ip(used);
        if (!ip) break;
        used.push(ip);
        const ev: IpEvidence = {
          '@odata.type': EVIDENCE_TYPE.ip,
          createdDateTime: createdIso,
          verdict: rng.chance(0.5) ? 'malicious' : 'suspicious',
          remediationStatus: 'none',
          remediationStatusDetails: null,
          roles: [rng.pick(IP_ROLES)],
          detailedRoles: [],
          tags: [],
          ipAddress: ip.address,
          countryLetterCode: ip.origin.cc,
          location: {
            city: ip.origin.city,
            countryName: ip.origin.country,
            latitude: ip.origin.lat,
            longitude: ip.origin.lon,
            state: null,
          },
        };
        out.push(ev);
        break;
      }
      case 'url': {
        const url = pools.url(used);
        if (!url) break;
        used.push(url);
        const ev: UrlEvidence = {
          '@odata.type': EVIDENCE_TYPE.url,
          createdDateTime: createdIso,
          verdict: 'malicious',
          remediationStatus: rng.chance(0.5) ? 'blocked' : 'none',
          remediationStatusDetails: null,
          roles: [],
          detailedRoles: ['Phishing URL'],
          tags: [],
          url,
        };
        out.push(ev);
        break;
      }
      case 'file': {
        const files = t.files ?? DEFAULT_FILES;
        const file = pools.file(files[fileIdx++ % files.length] ?? 'payloadDll');
        if (used.includes(file)) break;
        used.push(file);
        const prevented = t.detection === 'antivirus' && rng.chance(0.6);
        const ev: FileEvidence = {
          '@odata.type': EVIDENCE_TYPE.file,
          createdDateTime: createdIso,
          verdict: t.source === 'dataLossPrevention' ? 'unknown' : 'malicious',
          remediationStatus: prevented ? 'prevented' : rng.chance(0.3) ? 'remediated' : 'none',
          remediationStatusDetails: null,
          roles: [],
          detailedRoles: [],
          tags: [],
          detectionStatus: prevented ? 'prevented' : 'detected',
          mdeDeviceId: deviceId,
          fileDetails: { ...file },
        };
        out.push(ev);
        break;
      }
      case 'process': {
        const processes = t.processes ?? DEFAULT_PROCESSES;
        const proc = pools.process(processes[procIdx++ % processes.length] ?? 'powershellEncoded');
        if (used.includes(proc)) break;
        used.push(proc);
        const ev: ProcessEvidence = {
          '@odata.type': EVIDENCE_TYPE.process,
          createdDateTime: createdIso,
          verdict: 'suspicious',
          remediationStatus: 'none',
          remediationStatusDetails: null,
          roles: [],
          detailedRoles: [],
          tags: [],
          detectionStatus: 'detected',
          mdeDeviceId: deviceId,
          processId: proc.pid,
          parentProcessId: proc.ppid,
          processCommandLine: proc.commandLine,
          processCreationDateTime: iso(lastActivity),
          parentProcessCreationDateTime: iso(lastActivity - proc.parentAge),
          imageFile: { ...proc.image },
          parentProcessImageFile: { ...proc.parentImage },
          userAccount: proc.user ? userAccount(proc.user) : null,
        };
        out.push(ev);
        break;
      }
      case 'cloudApplication': {
        const app = pools.app(used);
        if (!app) break;
        used.push(app);
        const ev: CloudApplicationEvidence = {
          '@odata.type': EVIDENCE_TYPE.cloudApplication,
          createdDateTime: createdIso,
          verdict: 'unknown',
          remediationStatus: 'none',
          remediationStatusDetails: null,
          roles: ['contextual'],
          detailedRoles: [],
          tags: [],
          appId: app.appId,
          displayName: app.name,
          instanceId: 0,
          instanceName: app.name,
          saasAppId: app.appId,
        };
        out.push(ev);
        break;
      }
    }
  }
  return out;
}

function userAccount(user: User): UserAccount {
  return {
    accountName: user.accountName,
    domainName: 'CONTOSO',
    userPrincipalName: user.upn,
    displayName: user.displayName,
    azureAdUserId: user.azureAdUserId,
    userSid: user.sid,
    activeDirectoryObjectGuid: user.adGuid,
  };
}
