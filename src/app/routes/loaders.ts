/**
 * Route loaders (react-router's data router): each screen's first query starts as the navigation
 * starts, beside the screen's code, and the URL is put right before anything renders — a link
 * with unknown filter values, a page past the end, or an incident that was merged away.
 *
 * A loader only warms the query cache and redirects (replacing the history entry); it never
 * fails the navigation. A failed read is left to the screen, which shows it with a way to
 * retry. A queue's first page is not awaited (it cannot be past the end), so the screen shows
 * its own loading state as soon as its code is in.
 */
import type { QueryClient } from '@tanstack/react-query';
import { replace, type LoaderFunctionArgs, type ShouldRevalidateFunctionArgs } from 'react-router';
import { alertQueries } from '@/api/alerts/alert-queries';
import { entityQueries } from '@/api/entities/entity-queries';
import { isLiveMode } from '@/api/config';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { personaQueries } from '@/api/personas/persona-queries';
import { getSessionUpn } from '@/api/session-store';
import { consoleNow } from '@/components/clock';
import {
  ALERTS_PAGE_SIZE,
  alertsQueueView,
  parseView,
  toAlertListParams,
  writeView,
} from '@/features/alerts-queue/alerts-queue-view';
import { incidentPath, isIncidentTab, MERGED_FROM } from '@/features/incident-page/incident-tabs';
import { buildQueueListParams, needsDirectory } from '@/features/incident-queue/queue-odata';
import {
  parseQueueState,
  queueView,
  queueViewKey,
  writeQueueState,
} from '@/features/incident-queue/queue-state';
import { queueUrlProblems } from '@/features/incident-queue/queue-url-problems';
import { reportQueueUrlProblems } from '@/features/incident-queue/url-notice-store';

/** How many merges in a row an incident's URL follows before the page says the chain is broken. */
const MAX_REDIRECTS = 10;

/** The value, or undefined when the read failed (the screen will show why). */
async function attempt<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch {
    return undefined;
  }
}

const lastPage = (total: number | undefined, pageSize: number) =>
  Math.max(1, Math.ceil((total ?? 0) / pageSize));

/** `/incidents`: the canonical URL, and its page of incidents (with the directory it may need). */
export function incidentQueueLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const url = new URL(request.url);
    const state = parseQueueState(url.searchParams);
    if (!queueView.isCanonical(url.searchParams)) {
      // What the link held that the queue cannot show is said on the page, not silently dropped.
      const problems = queueUrlProblems(url.searchParams);
      if (problems.length > 0) reportQueueUrlProblems(problems, queueViewKey(state));
      return replace(`${url.pathname}?${writeQueueState(url.searchParams, state)}`);
    }
    // Who the persona is decides what the screen offers: in before the first paint, so no
    // button shows enabled and then turns disabled.
    const personas = attempt(queryClient.ensureQueryData(personaQueries.all()));
    const list = async () => {
      // The directory's groups matter only to a filter on owners that are groups or other
      // people: otherwise the page's request goes out beside the personas', not after it.
      const directory = needsDirectory(state) ? await personas : undefined;
      const groups = directory?.directory.filter((p) => p.kind === 'group').map((p) => p.id) ?? [];
      const live = isLiveMode();
      const params = buildQueueListParams(
        state,
        { upn: getSessionUpn(), groups, live },
        consoleNow(),
      );
      // Live mode filters what Graph cannot itself: the page asks that query, not the list.
      if (live) {
        const { liveIncidentRead } = await import('./live-reads');
        if (await liveIncidentRead(queryClient, state, params)) return undefined;
      }
      return queryClient.ensureQueryData(incidentQueries.list(params));
    };
    const page = attempt(list());
    await personas;
    if (state.page === 1) return null;
    const first = await page;
    const last = lastPage(first?.['@odata.count'], state.pageSize);
    if (first && state.page > last) {
      return replace(
        `${url.pathname}?${writeQueueState(url.searchParams, { ...state, page: last })}`,
      );
    }
    return null;
  };
}

/** `/alerts`: the canonical URL, and its page of alerts. */
export function alertsQueueLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const url = new URL(request.url);
    const view = parseView(url.searchParams);
    if (!alertsQueueView.isCanonical(url.searchParams)) {
      return replace(`${url.pathname}?${writeView(url.searchParams, view)}`);
    }
    const live = isLiveMode();
    const params = toAlertListParams(view, getSessionUpn(), { live });
    // Live mode searches in the console: its read starts here; the page keeps its page in range.
    if (live) {
      const { liveAlertRead } = await import('./live-reads');
      if (liveAlertRead(queryClient, view.search, params)) return null;
    }
    const read = attempt(queryClient.ensureQueryData(alertQueries.list(params)));
    await attempt(queryClient.ensureQueryData(personaQueries.all()));
    if (view.page === 1) return null;
    const page = await read;
    const last = lastPage(page?.['@odata.count'], ALERTS_PAGE_SIZE);
    if (page && view.page > last) {
      return replace(`${url.pathname}?${writeView(url.searchParams, { ...view, page: last })}`);
    }
    return null;
  };
}

/**
 * `/incidents/:id/:tab`: an unknown tab opens Overview; a merged incident's URL leads to the
 * incident it was finally merged into (SPEC.md §5.4: "any reference to it redirects to the
 * target"), which then says so. A chain that does not end is left to the page to report.
 */
export function incidentPageLoader(queryClient: QueryClient) {
  return async ({ params, request }: LoaderFunctionArgs) => {
    const id = params.id ?? '';
    const url = new URL(request.url);
    if (!isIncidentTab(params.tab)) return replace(`${incidentPath(id)}${url.search}`);

    const seen = new Set<string>([id]);
    const [, first] = await Promise.all([
      attempt(queryClient.ensureQueryData(personaQueries.all())),
      attempt(queryClient.ensureQueryData(incidentQueries.detail(id))),
    ]);
    let current = first;
    let finalId = id;
    while (current?.status === 'redirected' && current.redirectIncidentId) {
      const next = current.redirectIncidentId;
      if (seen.has(next) || seen.size > MAX_REDIRECTS) return null;
      seen.add(next);
      current = await attempt(queryClient.ensureQueryData(incidentQueries.detail(next)));
      if (!current) return null;
      finalId = next;
    }
    if (finalId === id) return null;
    const search = new URLSearchParams(url.search);
    search.set(MERGED_FROM, id);
    return replace(`${incidentPath(finalId, params.tab)}?${search}`);
  };
}

/**
 * `/incidents/:id/investigate`: the incident, its entities and the persona's rights start loading
 * with the graph's code. Failures are the screen's to show.
 */
export function investigationLoader(queryClient: QueryClient) {
  return async ({ params, request }: LoaderFunctionArgs) => {
    const id = params.id ?? '';
    const incident = attempt(queryClient.ensureQueryData(incidentQueries.detail(id)));
    // Everything the first drawing needs, at once: the graph's code, the incident, its added
    // alerts, its entities and the Related alerts the URL asks for.
    const rest = import('@/features/investigation/warm-investigation').then(
      ({ warmInvestigation }) =>
        warmInvestigation(queryClient, new URL(request.url).searchParams, incident),
    );
    await Promise.all([
      attempt(queryClient.ensureQueryData(personaQueries.all())),
      incident,
      attempt(queryClient.ensureQueryData(entityQueries.all(id))),
      attempt(rest),
    ]);
    return null;
  };
}

/**
 * A queue's loader runs when the queue is opened (or reloaded), and for a URL it must put right;
 * not on every filter change: the screen fetches those itself and keeps the previous rows.
 */
export function revalidateIncidentQueue({ currentUrl, nextUrl }: ShouldRevalidateFunctionArgs) {
  return currentUrl.href === nextUrl.href || !queueView.isCanonical(nextUrl.searchParams);
}

/** The same for the alerts queue. */
export function revalidateAlertsQueue({ currentUrl, nextUrl }: ShouldRevalidateFunctionArgs) {
  return currentUrl.href === nextUrl.href || !alertsQueueView.isCanonical(nextUrl.searchParams);
}

/** The incident page's loader runs for another incident, not for another tab of the same one. */
export function revalidateIncidentOnOpen({
  currentParams,
  nextParams,
  currentUrl,
  nextUrl,
}: ShouldRevalidateFunctionArgs) {
  return currentParams.id !== nextParams.id || currentUrl.href === nextUrl.href;
}
