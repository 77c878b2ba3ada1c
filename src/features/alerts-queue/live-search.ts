/**
 * The alerts queue's search in live mode: real Graph may refuse `contains(title, …)` in
 * `$filter`, so the console does what the incidents queue does — an id is looked up, other text
 * is matched against the titles of the first alerts the other filters give, read through
 * `@odata.nextLink` — and says which it did.
 */
import type { AlertListParams } from '@/api/alerts/alerts-api';
import {
  describeScan,
  type LocalFiltering,
  type LocalListNote,
  type ScanExtent,
} from '@/components/use-local-list';
import type { Alert } from '@/domain/graph';
import { looksLikeAlertId } from '@/domain/sources';

/** How live mode answers the search (mock mode asks the server). */
export function alertSearchFiltering(search: string): LocalFiltering {
  const text = search.trim();
  if (text === '') return { kind: 'none' };
  return looksLikeAlertId(text) ? { kind: 'lookup', id: text } : { kind: 'scan' };
}

/** The list the console reads to search itself: the view's, from its start (it pages itself). */
export function alertScanParams(params: AlertListParams): AlertListParams {
  const { top: _top, skip: _skip, ...rest } = params;
  return rest;
}

/** Whether an alert matches the search as the mock reads it: in its title (any case), or its id. */
export function matchesAlertSearch(alert: Alert, search: string): boolean {
  const text = search.trim().toLowerCase();
  return (
    text === '' ||
    (alert.title ?? '').toLowerCase().includes(text) ||
    (alert.id ?? '').toLowerCase() === text
  );
}

/** The note above the list when the console searched or looked up instead of Graph. */
export function alertSearchNote(
  filtering: LocalFiltering,
  scan: ScanExtent | undefined,
): LocalListNote | undefined {
  if (filtering.kind === 'lookup') {
    return {
      title: 'Looked up by ID',
      text:
        `Looked up alert ID ${filtering.id} in Microsoft Graph: Graph cannot search alert ` +
        'titles, so an ID is looked up. The filters do not narrow a lookup.',
    };
  }
  if (filtering.kind === 'none' || !scan) return undefined;
  return {
    title: 'Filtered in the console',
    text: describeScan('the search', 'alerts', scan, 'the other filters'),
  };
}
