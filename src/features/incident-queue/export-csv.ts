/**
 * Export to CSV (SPEC.md §12.1): the view's incidents, every page, up to Defender's 10,000, in
 * the columns shown. The CSV is written by papaparse (loaded only when an export runs), starts
 * with a UTF-8 byte order mark so spreadsheets read accents and non-Latin names right, and is
 * safe against formula injection: a cell that a spreadsheet would run as a formula is prefixed
 * with `'` (OWASP's CSV injection advice).
 */
import { getIncidents, type IncidentListParams } from '@/api/incidents/incidents-api';
import { getNextIncidents } from '@/api/incidents/incident-pages';
import type { Incident } from '@/domain/graph';
import { LIMITS } from '@/domain/limits';
import { csvHeader, csvValue, type QueueColumnId } from './queue-columns';
import { toQueueRow } from './queue-rows';

/**
 * Cells a spreadsheet may run as a formula: starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return (OWASP), a line feed, or their full-width forms, which some spreadsheets read as the
 * same. papaparse's own default pattern misses a cell with a line break after the first
 * character (`.` stops at the break), so the pattern tests the first character only.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The byte order mark that tells spreadsheets the file is UTF-8. */
const BOM = '\uFEFF';

export type ExportProgress = { fetched: number; total: number };

/** What an export reads: the view's list, and the filters the console applies itself (live mode). */
export type ExportRequest = {
  params: IncidentListParams;
  /** Keeps only the incidents passing what Graph could not filter (search, tags, sources). */
  keep?: (incident: Incident) => boolean;
};

export type ExportResult = {
  incidents: Incident[];
  /** Incidents in the view (Graph's count). */
  matched: number;
};

/**
 * Reads the view's incidents page by page (50 a request, following `@odata.nextLink`) until the
 * list or the 10,000 limit ends. Aborting `signal` stops at once: the request in flight is
 * cancelled and no further one is made.
 */
export async function fetchIncidentsForExport(
  { params, keep }: ExportRequest,
  options: { signal: AbortSignal; onProgress?: (progress: ExportProgress) => void },
): Promise<ExportResult> {
  const { signal, onProgress } = options;
  const limit = LIMITS.maxExportedIncidents;
  const byId = new Map<string, Incident>();
  let page = await getIncidents({ ...params, count: true }, signal);
  const matched = page['@odata.count'] ?? page.value.length;
  const total = Math.min(matched, limit);
  for (;;) {
    for (const incident of page.value) {
      if (byId.size >= limit) break;
      if (keep && !keep(incident)) continue;
      // Paging over a list that changes can show an incident twice: it is exported once.
      byId.set(incident.id ?? '', incident);
    }
    onProgress?.({ fetched: byId.size, total: Math.max(total, byId.size) });
    const next = page['@odata.nextLink'];
    if (!next || byId.size >= limit || page.value.length === 0) break;
    signal.throwIfAborted();
    page = await getNextIncidents(next, signal);
  }
  // Graph's count is of the list before the console's own filters: then only what was kept counts.
  return { incidents: [...byId.values()], matched: keep ? byId.size : matched };
}

/** The CSV text of the incidents in the given columns, header row first. */
export async function incidentsCsv(
  incidents: readonly Incident[],
  columns: readonly QueueColumnId[],
): Promise<string> {
  const { default: Papa } = await import('papaparse');
  const rows = incidents.map(toQueueRow);
  const csv = Papa.unparse(
    {
      fields: columns.map(csvHeader),
      data: rows.map((row) => columns.map((id) => csvValue(id, row))),
    },
    { escapeFormulae: FORMULA_START, newline: '\r\n' },
  );
  return BOM + csv;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `incidents-2026-11-30.csv`, dated in the analyst's local time. */
export function exportFileName(now: Date): string {
  return `incidents-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

/** Hands the text to the browser as a download. */
export function saveTextFile(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has taken the file (revoking at once can cancel it in Firefox).
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
