/**
 * The queue's data columns (SPEC.md §12.4): their ids, headers, default order, and the text each
 * one exports to CSV. The grid renders them (incident-grid.tsx); "Customize columns" shows, hides
 * and reorders them; an export writes the visible ones in the order shown.
 */
import { isUnset } from '@/domain/classification';
import {
  CLASSIFICATION_LABELS,
  DETERMINATION_LABELS,
  INCIDENT_STATUS_LABELS,
  SEVERITY_LABELS,
} from '@/domain/enums';
import { sourceLabel } from '@/domain/sources';
import type { QueueRow } from './queue-rows';

/** Every data column, in the default order (the checkbox and expand columns are always first). */
export const QUEUE_COLUMN_IDS = [
  'displayName',
  'id',
  'severity',
  'status',
  'tags',
  'assignedTo',
  'classification',
  'determination',
  'alertCount',
  'sources',
  'firstActivity',
  'lastActivity',
  'lastUpdateDateTime',
] as const;
export type QueueColumnId = (typeof QUEUE_COLUMN_IDS)[number];

export const QUEUE_COLUMN_LABELS: Record<QueueColumnId, string> = {
  displayName: 'Incident name',
  id: 'Incident ID',
  severity: 'Severity',
  status: 'Status',
  tags: 'Tags',
  assignedTo: 'Assigned to',
  classification: 'Classification',
  determination: 'Determination',
  alertCount: 'Alerts',
  sources: 'Service sources',
  firstActivity: 'First activity',
  lastActivity: 'Last activity',
  lastUpdateDateTime: 'Last update time',
};

/** Columns that cannot be hidden: without the name a row cannot be opened or told apart. */
export const REQUIRED_COLUMNS: ReadonlySet<QueueColumnId> = new Set(['displayName']);

export const isQueueColumnId = (value: unknown): value is QueueColumnId =>
  typeof value === 'string' && (QUEUE_COLUMN_IDS as readonly string[]).includes(value);

/** Date columns: exported in UTC, which their CSV header says. */
const DATE_COLUMNS: ReadonlySet<QueueColumnId> = new Set([
  'firstActivity',
  'lastActivity',
  'lastUpdateDateTime',
]);

/** A column's CSV header: its label, with "(UTC)" on dates. */
export function csvHeader(id: QueueColumnId): string {
  const label = QUEUE_COLUMN_LABELS[id];
  return DATE_COLUMNS.has(id) ? `${label} (UTC)` : label;
}

/**
 * A timestamp as spreadsheets read it, `2026-11-30 23:05:09` in UTC: the grid shows the analyst's
 * locale, which a spreadsheet in another locale would misread; empty when there is none.
 */
function csvDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** A column's value in a CSV row: the text the grid shows (dates in UTC, see csvDate). */
export function csvValue(id: QueueColumnId, row: QueueRow): string | number {
  const incident = row.incident;
  switch (id) {
    case 'displayName':
      return row.name;
    case 'id':
      return row.id;
    case 'severity':
      return SEVERITY_LABELS[incident.severity ?? 'unknown'];
    case 'status':
      return INCIDENT_STATUS_LABELS[incident.status ?? 'unknownFutureValue'];
    case 'tags':
      return [...(incident.customTags ?? []), ...(incident.systemTags ?? [])].join(', ');
    case 'assignedTo':
      return incident.assignedTo || 'Unassigned';
    case 'classification': {
      const value = incident.classification;
      return CLASSIFICATION_LABELS[!value || isUnset(value) ? 'unknown' : value];
    }
    case 'determination': {
      const value = incident.determination;
      return DETERMINATION_LABELS[!value || isUnset(value) ? 'unknown' : value];
    }
    case 'alertCount':
      return row.alertCount;
    case 'sources':
      return row.sources.map(sourceLabel).join(', ');
    case 'firstActivity':
      return csvDate(row.firstActivity);
    case 'lastActivity':
      return csvDate(row.lastActivity);
    case 'lastUpdateDateTime':
      return csvDate(incident.lastUpdateDateTime);
  }
}
