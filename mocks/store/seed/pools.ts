/**
 * Per-incident entity pools: the few devices, users, mailboxes, IPs, URLs, apps, files and
 * processes that one incident's alerts draw their evidence from, picked from the tenant's
 * inventory. A pool is made for each live incident and lives only while that incident is
 * generated.
 */
import type { FileDetails } from '@/domain/graph';
import {
  ATTACK_ORIGINS,
  CLOUD_APPS,
  FILES,
  PHISH_DOMAINS,
  PHISH_PATHS,
  PROCESSES,
  type FileKey,
  type ProcessKey,
} from '../seed-data';
import type { Device, Inventory, User } from './inventory';
import type { Plan } from './plans';
import type { Rng } from './random';
import { flat } from './text';
import { HOUR } from './time';

type Ip = { address: string; origin: (typeof ATTACK_ORIGINS)[number] };
type Proc = {
  pid: number;
  ppid: number;
  commandLine: string;
  parentAge: number;
  image: FileDetails;
  parentImage: FileDetails;
  user: User | null;
};

/** The devices, users, IPs… one incident's alerts share, so entities overlap between alerts. */
export class Pools {
  readonly devices: Device[] = [];
  readonly users: User[] = [];
  readonly mailboxes: User[] = [];
  readonly ips: Ip[] = [];
  readonly urls: string[] = [];
  readonly apps: (typeof CLOUD_APPS)[number][] = [];
  private readonly files = new Map<FileKey, FileDetails>();
  private readonly procs = new Map<ProcessKey, Proc>();
  readonly dept: string;

  constructor(
    private readonly rng: Rng,
    private readonly inv: Inventory,
    plan: Plan,
  ) {
    const { theme } = plan;
    const nDevices = Math.max(1, rng.int(theme.devices[0], theme.devices[1]));
    if (theme.key === 'cloudInfra') {
      for (let i = 0; i < nDevices; i++) this.addDistinct(this.devices, rng.pick(inv.vms));
    } else {
      for (let i = 0; i < nDevices; i++) {
        const server =
          i > 0 && (theme.key === 'identity' || theme.key === 'ransomware') && rng.chance(0.5);
        this.addDistinct(this.devices, rng.pick(server ? inv.domainControllers : inv.workstations));
      }
    }
    const nUsers = Math.max(1, rng.int(theme.users[0], theme.users[1]));
    const primaryUser = this.devices[0]?.user;
    if (primaryUser && theme.key !== 'cloudInfra') this.users.push(primaryUser);
    while (this.users.length < nUsers) this.addDistinct(this.users, rng.pick(inv.users), nUsers);
    this.mailboxes.push(this.users[0] as User);
    const nMailboxes = Math.max(1, rng.int(theme.mailboxes[0], theme.mailboxes[1]));
    while (this.mailboxes.length < nMailboxes)
      this.addDistinct(this.mailboxes, rng.pick(inv.users), nMailboxes);
    const nIps = Math.max(1, rng.int(theme.ips[0], theme.ips[1]));
    const origin = rng.pick(ATTACK_ORIGINS);
    for (let i = 0; i < nIps; i++) {
      const o = i === 0 || rng.chance(0.5) ? origin : rng.pick(ATTACK_ORIGINS);
      this.ips.push({ address: flat`${o.prefix}${rng.int(2, 254)}`, origin: o });
    }
    const domain = rng.pick(PHISH_DOMAINS);
    const nUrls = rng.int(1, 2);
    for (let i = 0; i < nUrls; i++)
      this.urls.push(flat`https://${domain}${rng.pick(PHISH_PATHS)}?id=${rng.hex(8)}`);
    this.dept = this.users[0]?.dept ?? this.devices[0]?.dept ?? 'Finance';
  }

  private addDistinct<T>(list: T[], item: T, cap = Infinity): void {
    if (!list.includes(item) && list.length < cap) list.push(item);
  }

  /** The primary entity most of the time, else another one not yet in this alert. */
  private choose<T>(list: readonly T[], used: readonly unknown[]): T | undefined {
    const primary = list[0];
    if (primary !== undefined && !used.includes(primary) && this.rng.chance(0.55)) return primary;
    let free = 0;
    for (const x of list) if (!used.includes(x)) free += 1;
    if (free === 0) return undefined;
    let k = Math.floor(this.rng.next() * free);
    for (const x of list) if (!used.includes(x) && k-- === 0) return x;
    return undefined;
  }

  device(cloudVm: boolean, used: readonly unknown[]): Device | undefined {
    if (cloudVm && !this.devices.some((d) => d.vm)) this.devices.push(this.rng.pick(this.inv.vms));
    const candidates = cloudVm ? this.devices.filter((d) => d.vm) : this.devices;
    return this.choose(candidates, used);
  }

  user(used: readonly unknown[]): User | undefined {
    return this.choose(this.users, used);
  }

  mailbox(used: readonly unknown[]): User | undefined {
    return this.choose(this.mailboxes, used);
  }

  ip(used: readonly unknown[]): Ip | undefined {
    return this.choose(this.ips, used);
  }

  url(used: readonly unknown[]): string | undefined {
    return this.choose(this.urls, used);
  }

  app(used: readonly unknown[]): (typeof CLOUD_APPS)[number] | undefined {
    if (this.apps.length === 0) {
      this.apps.push(this.rng.pick(CLOUD_APPS));
      if (this.rng.chance(0.4)) this.apps.push(this.rng.pick(CLOUD_APPS));
    }
    return this.choose(this.apps, used);
  }

  file(key: FileKey): FileDetails {
    let f = this.files.get(key);
    if (!f) {
      const spec = FILES[key];
      const user = this.users[0];
      f = {
        fileName: spec.name,
        filePath: spec.path.replace('%USER%', user?.accountName ?? 'Public'),
        filePublisher: spec.publisher,
        fileSize: this.rng.int(spec.size[0], spec.size[1]),
        issuer: null,
        signer: spec.publisher,
        md5: this.rng.hex(32),
        sha1: this.rng.hex(40),
        sha256: this.rng.hex(64),
        sha256Ac: null,
      };
      this.files.set(key, f);
    }
    return f;
  }

  process(key: ProcessKey): Proc {
    let p = this.procs.get(key);
    if (!p) {
      const spec = PROCESSES[key];
      const { rng } = this;
      p = {
        pid: rng.int(1000, 30000),
        ppid: rng.int(400, 12000),
        commandLine: spec.commandLine,
        parentAge: rng.int(1000, 4 * HOUR),
        image: {
          fileName: spec.image,
          filePath: spec.path,
          filePublisher: spec.publisher,
          fileSize: rng.int(20_000, 2_000_000),
          issuer: null,
          signer: spec.publisher,
          md5: rng.hex(32),
          sha1: rng.hex(40),
          sha256: rng.hex(64),
          sha256Ac: null,
        },
        parentImage: {
          fileName: spec.parent,
          filePath: spec.parentPath,
          filePublisher: spec.publisher,
          fileSize: rng.int(20_000, 2_000_000),
          issuer: null,
          signer: null,
          md5: null,
          sha1: null,
          sha256: null,
          sha256Ac: null,
        },
        user: this.users[0] ?? null,
      };
      this.procs.set(key, p);
    }
    return p;
  }

  hostOf(dnsName: string): string | undefined {
    const lower = dnsName.toLowerCase();
    return this.devices.find((d) => d.dnsName === lower || d.hostName.toLowerCase() === lower)
      ?.hostName;
  }

  displayNameOf(upn: string): string | undefined {
    const lower = upn.toLowerCase();
    return this.users.find((u) => u.upn === lower)?.displayName;
  }
}
