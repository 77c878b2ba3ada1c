import {
  AppsRegular,
  BoxRegular,
  DesktopRegular,
  DocumentRegular,
  GlobeRegular,
  LinkRegular,
  MailRegular,
  PersonRegular,
  type FluentIcon,
} from '@fluentui/react-icons';
import type { EntityKind } from '@/domain/entities';

/** The portal's name of each asset group. */
export const ENTITY_GROUP_LABELS: Record<EntityKind, string> = {
  device: 'Devices',
  user: 'Users',
  mailbox: 'Mailboxes',
  app: 'Apps',
  ip: 'IPs',
  url: 'URLs',
  file: 'Files',
  process: 'Processes',
};

/** One entity's type, as its side panel names it. */
export const ENTITY_KIND_LABELS: Record<EntityKind, string> = {
  device: 'Device',
  user: 'User',
  mailbox: 'Mailbox',
  app: 'App',
  ip: 'IP address',
  url: 'URL',
  file: 'File',
  process: 'Process',
};

/** Each entity kind's icon (the Assets tab, the investigation graph). */
export const ENTITY_ICONS: Record<EntityKind, FluentIcon> = {
  device: DesktopRegular,
  user: PersonRegular,
  mailbox: MailRegular,
  app: AppsRegular,
  ip: GlobeRegular,
  url: LinkRegular,
  file: DocumentRegular,
  process: BoxRegular,
};
