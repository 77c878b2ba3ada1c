/**
 * Incidents per page: 30, 50 or 100 (SPEC.md §12.1 recommends these). Graph gives at most 50 per
 * request, so 100 is read as two requests (src/api/incidents/incident-pages.ts).
 */
import type { UrlField } from '@/components/url-view';

export const PAGE_SIZES = [30, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 50;

/** `size=<n>`; an unknown size reads as the default, which is left out. */
export function pageSizeField(name: string): UrlField<PageSize> {
  return {
    names: [name],
    read(params) {
      const raw = params.get(name)?.trim() ?? '';
      return PAGE_SIZES.find((s) => String(s) === raw) ?? DEFAULT_PAGE_SIZE;
    },
    write(params, value) {
      if (value !== DEFAULT_PAGE_SIZE) params.append(name, String(value));
    },
  };
}

/** The page that keeps the first incident shown in view when the page size changes. */
export function pageKeepingFirstRow(page: number, from: PageSize, to: PageSize): number {
  return Math.floor(((page - 1) * from) / to) + 1;
}
