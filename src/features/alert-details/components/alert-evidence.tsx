import { Badge, type BadgeProps } from '@fluentui/react-components';
import {
  AppsRegular,
  BoxRegular,
  DesktopRegular,
  DocumentRegular,
  GlobeRegular,
  LinkRegular,
  MailRegular,
  PersonRegular,
  QuestionCircleRegular,
  type FluentIcon,
} from '@fluentui/react-icons';
import type { SecurityNamespace as G } from '@microsoft/microsoft-graph-types';
import type { ReactNode } from 'react';
import type {
  AlertEvidence,
  CloudApplicationEvidence,
  DeviceEvidence,
  FileEvidence,
  IpEvidence,
  MailboxEvidence,
  ProcessEvidence,
  UrlEvidence,
  UserEvidence,
} from '@/domain/graph';
import {
  EVIDENCE_GROUPS,
  evidenceGroup,
  REMEDIATION_STATUS_LABELS,
  RISK_LABELS,
  VERDICT_LABELS,
  type EvidenceGroup,
} from '../evidence-labels';
import { useAlertEvidenceStyles } from './alert-evidence.styles';

const GROUP_ICONS: Record<EvidenceGroup, FluentIcon> = {
  device: DesktopRegular,
  user: PersonRegular,
  mailbox: MailRegular,
  ip: GlobeRegular,
  url: LinkRegular,
  file: DocumentRegular,
  process: BoxRegular,
  cloudApplication: AppsRegular,
  other: QuestionCircleRegular,
};

const VERDICT_COLORS: Record<G.EvidenceVerdict, BadgeProps['color']> = {
  malicious: 'danger',
  suspicious: 'warning',
  noThreatsFound: 'success',
  unknown: 'subtle',
  unknownFutureValue: 'subtle',
};

type Field = { label: string; value: ReactNode; code?: boolean };

function account(user: G.UserAccount | null | undefined): string | undefined {
  if (!user?.accountName) return undefined;
  return user.domainName ? `${user.domainName}\\${user.accountName}` : user.accountName;
}

/** Only the fields the evidence has. */
function present(fields: Field[]): Field[] {
  return fields.filter((f) => f.value !== undefined && f.value !== null && f.value !== '');
}

/** The name and key fields of one piece of evidence, per kind (SPEC.md §2.5). */
function describe(
  evidence: AlertEvidence,
  group: EvidenceGroup,
): { name: string; fields: Field[] } {
  switch (group) {
    case 'device': {
      const e = evidence as DeviceEvidence;
      const os = [e.osPlatform, e.version, e.osBuild ? `build ${e.osBuild}` : undefined]
        .filter(Boolean)
        .join(' ');
      return {
        name: e.hostName || e.deviceDnsName || e.mdeDeviceId || 'Device',
        fields: present([
          { label: 'DNS name', value: e.deviceDnsName },
          { label: 'OS', value: os },
          { label: 'Risk level', value: e.riskScore ? RISK_LABELS[e.riskScore] : undefined },
          { label: 'Last IP', value: e.lastIpAddress },
          { label: 'Device group', value: e.rbacGroupName },
        ]),
      };
    }
    case 'user': {
      const e = evidence as UserEvidence;
      const u = e.userAccount;
      return {
        name: u?.displayName || u?.userPrincipalName || u?.accountName || 'User',
        fields: present([
          { label: 'UPN', value: u?.userPrincipalName },
          { label: 'Account', value: account(u) },
        ]),
      };
    }
    case 'mailbox': {
      const e = evidence as MailboxEvidence;
      return {
        name: e.displayName || e.primaryAddress || 'Mailbox',
        fields: present([
          { label: 'Address', value: e.primaryAddress },
          { label: 'UPN', value: e.upn !== e.primaryAddress ? e.upn : undefined },
        ]),
      };
    }
    case 'ip': {
      const e = evidence as IpEvidence;
      const place = [e.location?.city, e.location?.countryName ?? e.countryLetterCode]
        .filter(Boolean)
        .join(', ');
      return {
        name: e.ipAddress || 'IP address',
        fields: present([{ label: 'Country', value: place }]),
      };
    }
    case 'url': {
      const e = evidence as UrlEvidence;
      return { name: e.url || 'URL', fields: [] };
    }
    case 'file': {
      const e = evidence as FileEvidence;
      const f = e.fileDetails;
      return {
        name: f?.fileName || f?.sha256 || 'File',
        fields: present([
          { label: 'Path', value: f?.filePath },
          { label: 'SHA256', value: f?.sha256, code: true },
          { label: 'Detection', value: e.detectionStatus },
        ]),
      };
    }
    case 'process': {
      const e = evidence as ProcessEvidence;
      return {
        name: e.imageFile?.fileName || 'Process',
        fields: present([
          { label: 'Command line', value: e.processCommandLine, code: true },
          { label: 'Process ID', value: e.processId },
          { label: 'Parent', value: e.parentProcessImageFile?.fileName },
          { label: 'Account', value: account(e.userAccount) },
        ]),
      };
    }
    case 'cloudApplication': {
      const e = evidence as CloudApplicationEvidence;
      return {
        name: e.displayName || e.instanceName || 'Cloud app',
        fields: present([{ label: 'App ID', value: e.appId }]),
      };
    }
    case 'other': {
      const type = evidence['@odata.type'].replace('#microsoft.graph.security.', '');
      return { name: type, fields: [] };
    }
  }
}

function EvidenceItem({ evidence, group }: { evidence: AlertEvidence; group: EvidenceGroup }) {
  const styles = useAlertEvidenceStyles();
  const { name, fields } = describe(evidence, group);
  const verdict = evidence.verdict ?? 'unknown';
  const remediation = evidence.remediationStatus ?? 'none';
  return (
    <li className={styles.item}>
      <div className={styles.itemHead}>
        <span className={styles.itemName}>{name}</span>
        <Badge appearance="tint" color={VERDICT_COLORS[verdict]} shape="rounded">
          {VERDICT_LABELS[verdict]}
        </Badge>
      </div>
      <dl className={styles.fields}>
        {fields.map((f) => (
          <FieldRow field={f} key={f.label} />
        ))}
        <FieldRow field={{ label: 'Remediation', value: REMEDIATION_STATUS_LABELS[remediation] }} />
      </dl>
    </li>
  );
}

function FieldRow({ field }: { field: Field }) {
  const styles = useAlertEvidenceStyles();
  return (
    <>
      <dt className={styles.term}>{field.label}</dt>
      <dd className={styles.definition}>
        {field.code ? <code className={styles.code}>{field.value}</code> : field.value}
      </dd>
    </>
  );
}

/** An alert's evidence, grouped by kind, with each item's verdict and remediation status. */
export function AlertEvidenceList({ evidence }: { evidence: readonly AlertEvidence[] }) {
  const styles = useAlertEvidenceStyles();
  if (evidence.length === 0) {
    return <p className={styles.muted}>This alert has no evidence.</p>;
  }
  const byGroup = new Map<EvidenceGroup, AlertEvidence[]>();
  for (const e of evidence) {
    const g = evidenceGroup(e);
    byGroup.set(g, [...(byGroup.get(g) ?? []), e]);
  }
  return (
    <div className={styles.root}>
      {EVIDENCE_GROUPS.filter(({ group }) => byGroup.has(group)).map(({ group, label }) => {
        const items = byGroup.get(group) ?? [];
        const Icon = GROUP_ICONS[group];
        const headingId = `evidence-${group}`;
        return (
          <section aria-labelledby={headingId} className={styles.group} key={group}>
            <h4 className={styles.groupHeading} id={headingId}>
              <Icon aria-hidden className={styles.groupIcon} />
              {label} ({items.length})
            </h4>
            <ul aria-labelledby={headingId} className={styles.list}>
              {items.map((e, i) => (
                <EvidenceItem evidence={e} group={group} key={i} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
