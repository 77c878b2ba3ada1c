/**
 * What Graph has no API for lives under `*\/mock/v1/` (ARCHITECTURE.md §3), so pointing the client
 * at real Graph loses exactly these: personas, the activity log, derived entities, demo reset.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { redactForReader } from '@/domain/audit';
import { resetDenial } from '@/domain/identity';
import { LIMITS } from '@/domain/limits';
import { DIRECTORY, PERSONAS } from '../store/personas';
import type { MockRuntime } from '../runtime';
import { withPage } from './collection';
import { graphError, graphJson } from './graph-response';
import { jsonResponse } from './json-response';
import { readableText } from './readable-text';
import { alertToWire, wantsUnknownEnums } from './serialize';
import { param, routeKit } from './route';

const KINDS = ['audit', 'comment'] as const;
const ENTITY_KINDS = ['device', 'user', 'mailbox', 'app', 'ip', 'url', 'file', 'process'] as const;
const ORIGINS = ['all', 'this', 'merged'] as const;

function intParam(url: URL, name: string, fallback: number, max: number): number | string {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw))
    return `Query option '${name}' must be a non-negative integer; got '${raw}'.`;
  const n = Number(raw);
  if (n > max) return `Query option '${name}' is ${n}; the limit is ${max}.`;
  return n;
}

/**
 * Why an extension's query cannot be answered as asked: an OData option it does not take (it
 * would be ignored), or one of its options given twice (only one could be read). Other plain
 * parameters are ignored, as Graph ignores them.
 */
function optionProblem(url: URL, takes: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const name of url.searchParams.keys()) {
    if (name.startsWith('$') && !takes.includes(name)) {
      return `Query option '${name}' is not supported here; this list takes ${takes.join(', ')}.`;
    }
    if (takes.includes(name) && seen.has(name)) {
      return `Query option '${name}' was specified more than once, but it must be specified at most once.`;
    }
    seen.add(name);
  }
  return undefined;
}

export function mockExtensionHandlers(runtime: MockRuntime): HttpHandler[] {
  const { store } = runtime;
  const { mockRoute } = routeKit(runtime);
  return [
    // The persona list is the mock's sign-in page: readable without a token.
    http.get('*/mock/v1/personas', () => jsonResponse({ value: PERSONAS, directory: DIRECTORY })),

    mockRoute('post', 'reset', async ({ request, persona }) => {
      const denial = resetDenial(persona);
      if (denial) return graphError(403, 'Forbidden', denial, request);
      await runtime.reset();
      return new HttpResponse(null, { status: 204 });
    }),

    mockRoute('get', 'incidents/:id/activities', ({ request, url, params, persona }) => {
      const id = param(params, 'id');
      if (!store.incident(id) || !store.canSee(persona, id)) {
        return graphError(404, 'NotFound', `Incident ${id} was not found.`, request);
      }
      const unsupported = optionProblem(url, ['kind', 'origin', 'performedBy', '$top', '$skip']);
      if (unsupported) return graphError(400, 'BadRequest', unsupported, request);
      const kind = url.searchParams.get('kind');
      if (kind !== null && !(KINDS as readonly string[]).includes(kind)) {
        return graphError(
          400,
          'BadRequest',
          `Unknown kind '${kind}'. Use audit or comment.`,
          request,
        );
      }
      const origin = url.searchParams.get('origin') ?? 'all';
      if (!(ORIGINS as readonly string[]).includes(origin)) {
        return graphError(
          400,
          'BadRequest',
          `Unknown origin '${origin}'. Use all, this or merged.`,
          request,
        );
      }
      const top = intParam(url, '$top', LIMITS.defaultPageSize, 200);
      if (typeof top === 'string') return graphError(400, 'BadRequest', top, request);
      const skip = intParam(url, '$skip', 0, Number.MAX_SAFE_INTEGER);
      if (typeof skip === 'string') return graphError(400, 'BadRequest', skip, request);

      // Who did it: a UPN, "System", or "Microsoft Defender XDR - alert correlation".
      const performedBy = url.searchParams.get('performedBy');
      // A scoped reader is not told of alerts it may not see (SPEC.md §11.3).
      const readable =
        persona.sources === 'all'
          ? store.activities(id)
          : store.activities(id).flatMap((e) => {
              const shown = redactForReader(e, (alertId) => {
                const alert = store.alert(alertId);
                return alert !== undefined && store.canSeeAlert(persona, alert);
              });
              return shown ? [shown] : [];
            });
      const entries = readable
        .filter((e) => kind === null || e.kind === kind)
        .filter(
          (e) => performedBy === null || e.performedBy.toLowerCase() === performedBy.toLowerCase(),
        )
        .filter((e) =>
          origin === 'all'
            ? true
            : origin === 'this'
              ? !e.originIncidentId
              : Boolean(e.originIncidentId),
        );
      // Newest first. Entries a merge copied in keep their own times, so order by time, and
      // among equal times the later-written entry first.
      const newestFirst = entries
        .map((entry, index) => ({ entry, index }))
        .sort((a, b) =>
          a.entry.createdDateTime === b.entry.createdDateTime
            ? b.index - a.index
            : a.entry.createdDateTime < b.entry.createdDateTime
              ? 1
              : -1,
        )
        .map((x) => x.entry);
      const page = newestFirst.slice(skip, skip + top);
      let nextLink: string | undefined;
      if (skip + top < newestFirst.length && top > 0) {
        nextLink = withPage(url, top, skip + top);
      }
      return graphJson({
        '@odata.count': newestFirst.length,
        value: page,
        ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
      });
    }),

    // The Sentinel workspaces the store holds, so a client knows where ARM's incidents are.
    mockRoute('get', 'workspaces', () =>
      graphJson({
        value: store.workspaces().map((w) => ({
          id: `/subscriptions/${w.subscriptionId}/resourceGroups/${w.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${w.workspaceName}`,
          subscriptionId: w.subscriptionId,
          resourceGroup: w.resourceGroup,
          workspaceName: w.workspaceName,
        })),
      }),
    ),

    // Every alert that involves an entity, oldest first, with the incidents each belongs to:
    // an entity's Timeline and its "Related alerts" (Graph has no such query).
    mockRoute('get', 'entities/alerts', ({ request, url, persona }) => {
      const unsupported = optionProblem(url, ['kind', 'key']);
      if (unsupported) return graphError(400, 'BadRequest', unsupported, request);
      const kind = url.searchParams.get('kind') ?? '';
      const key = (url.searchParams.get('key') ?? '').trim();
      if (!(ENTITY_KINDS as readonly string[]).includes(kind)) {
        return graphError(
          400,
          'BadRequest',
          `Query option 'kind' must be one of ${ENTITY_KINDS.join(', ')}; got '${kind}'.`,
          request,
        );
      }
      if (key === '' || key.length > 1000) {
        return graphError(
          400,
          'BadRequest',
          "Query option 'key' must name the entity (its host name, UPN, address, file name…), at most 1000 characters.",
          request,
        );
      }
      const includeUnknownEnums = wantsUnknownEnums(request);
      const value = store
        .alertsOfEntity(kind, key)
        .filter((a) => store.canSeeAlert(persona, a))
        .sort((a, b) =>
          a.createdDateTime < b.createdDateTime
            ? -1
            : a.createdDateTime > b.createdDateTime
              ? 1
              : 0,
        )
        .map((a) => ({
          alert: alertToWire(a, { includeUnknownEnums, annotate: { store, persona } }),
          incidents: store
            .incidentIdsOfAlert(a.id)
            .filter((id) => store.canSee(persona, id))
            .map((id) => {
              const incident = store.incident(id)!;
              return {
                incidentId: id,
                displayName: readableText(store, persona, incident).displayName,
                status: incident.status,
                alertCount: store.membersOf(id).filter((m) => store.canSeeAlert(persona, m)).length,
              };
            }),
        }));
      return graphJson({ value });
    }),

    mockRoute('get', 'incidents/:id/entities', ({ request, params, persona }) => {
      const id = param(params, 'id');
      if (!store.incident(id) || !store.canSee(persona, id)) {
        return graphError(404, 'NotFound', `Incident ${id} was not found.`, request);
      }
      // Home and related alerts alike: a related alert brings its entities (seed 004).
      const visibleAlerts = new Set(
        store
          .membersOf(id)
          .filter((a) => store.canSeeAlert(persona, a))
          .map((a) => a.id),
      );
      const value = store
        .summary(id)
        .entities.map((e) => ({ ...e, alertIds: e.alertIds.filter((a) => visibleAlerts.has(a)) }))
        .filter((e) => e.alertIds.length > 0);
      return graphJson({ value });
    }),
  ];
}
