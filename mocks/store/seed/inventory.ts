/**
 * The tenant's assets: the users, workstations, servers, domain controllers and cloud VMs that
 * alerts point at. Built once per seed, before any incident, so that incidents share the same
 * hosts and people the way a real tenant's do.
 */
import {
  DEPARTMENTS,
  FIRST_NAMES,
  LAST_NAMES,
  SERVER_KINDS,
  WORKSTATION_KINDS,
} from '../seed-data';
import type { Rng } from './random';
import { SUBSCRIPTION_ID } from './tenant';
import { flat } from './text';
import { DAY } from './time';

export type Device = {
  hostName: string;
  dnsName: string;
  mdeDeviceId: string;
  azureAdDeviceId: string | null;
  os: string;
  build: number | null;
  version: string;
  rbacGroupName: string;
  rbacGroupId: number;
  critical: boolean;
  ip: string;
  firstSeen: string;
  dept: string;
  vm: { vmId: string; resourceId: string } | null;
  user: User | null;
};

export type User = {
  upn: string;
  accountName: string;
  displayName: string;
  azureAdUserId: string;
  sid: string;
  adGuid: string;
  dept: string;
};

export type Inventory = {
  workstations: Device[];
  servers: Device[];
  domainControllers: Device[];
  vms: Device[];
  users: User[];
};

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

export function buildInventory(rng: Rng, incidents: number, nowMs: number): Inventory {
  const userCount = Math.max(120, Math.round(incidents * 0.6));
  const users: User[] = [];
  const taken = new Set<string>();
  while (users.length < userCount) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    let local = flat`${ascii(first)}.${ascii(last)}`;
    for (let n = 2; taken.has(local); n++) local = flat`${ascii(first)}.${ascii(last)}${n}`;
    taken.add(local);
    const dept = rng.pick(DEPARTMENTS);
    users.push({
      upn: flat`${local}@contoso.com`,
      accountName: local.slice(0, 20),
      displayName: flat`${first} ${last}`,
      azureAdUserId: rng.guid(),
      sid: flat`S-1-5-21-1004336348-1177238915-682003330-${1100 + users.length}`,
      adGuid: rng.guid(),
      dept: dept.name,
    });
  }

  const numbers = new Map<string, number>();
  const nextName = (prefix: string) => {
    const n = (numbers.get(prefix) ?? 0) + 1;
    numbers.set(prefix, n);
    return flat`${prefix}-${String(n).padStart(2, '0')}`;
  };
  const firstSeen = () => new Date(nowMs - rng.int(40, 900) * DAY).toISOString();

  const workstations: Device[] = [];
  const wsCount = Math.max(80, Math.round(incidents * 0.5));
  for (let i = 0; i < wsCount; i++) {
    const dept = rng.pick(DEPARTMENTS);
    const kind = rng.weighted(WORKSTATION_KINDS.map((k) => [k, k.weight] as const));
    const host = nextName(`${dept.code}-${kind.kind}`);
    const owner = rng.pick(users);
    const windows = kind.os.startsWith('Windows');
    workstations.push({
      hostName: host,
      dnsName: flat`${host.toLowerCase()}.contoso.com`,
      mdeDeviceId: rng.hex(40),
      azureAdDeviceId: windows || kind.os === 'macOS' ? rng.guid() : null,
      os: kind.os,
      build: kind.build,
      version: kind.version,
      rbacGroupName: dept.group,
      rbacGroupId: dept.groupId,
      critical: dept.code === 'EXEC',
      ip: flat`10.${rng.int(1, 40)}.${rng.int(0, 255)}.${rng.int(2, 254)}`,
      firstSeen: firstSeen(),
      dept: dept.name,
      vm: null,
      user: owner,
    });
  }

  const servers: Device[] = [];
  const perKind = Math.max(3, Math.round(incidents * 0.006));
  for (const kind of SERVER_KINDS) {
    for (let i = 0; i < perKind; i++) {
      const host = nextName(kind.name);
      const cloud = kind.os === 'Linux' || kind.name === 'SRV-APP';
      const vmId = rng.guid();
      servers.push({
        hostName: host,
        dnsName: flat`${host.toLowerCase()}.${cloud ? 'cloud.' : ''}contoso.com`,
        mdeDeviceId: rng.hex(40),
        azureAdDeviceId: null,
        os: kind.os,
        build: kind.build,
        version: kind.version,
        rbacGroupName: kind.name === 'DC' ? 'Domain controllers' : 'Servers',
        rbacGroupId: kind.name === 'DC' ? 10 : 11,
        critical: kind.critical,
        ip: flat`10.${cloud ? 100 : 0}.${rng.int(0, 20)}.${rng.int(2, 254)}`,
        firstSeen: firstSeen(),
        dept: 'IT',
        vm: cloud
          ? {
              vmId,
              resourceId: flat`/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/prod-rg/providers/Microsoft.Compute/virtualMachines/${host.toLowerCase()}`,
            }
          : null,
        user: null,
      });
    }
  }
  return {
    workstations,
    servers,
    domainControllers: servers.filter((s) => s.rbacGroupName === 'Domain controllers'),
    vms: servers.filter((s) => s.vm !== null),
    users,
  };
}
