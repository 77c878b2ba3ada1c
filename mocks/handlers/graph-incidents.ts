/** `security/incidents`: list, get, update, comments (SPEC.md §3.1–§3.4). */
import { delay, type HttpHandler } from 'msw';
import { LIMITS } from '@/domain/limits';
import { ok, refuse, type Outcome } from '@/domain/outcome';
import { SEVERITY_RANK } from '@/domain/enums';
import type { Persona } from '@/domain/identity';
import type { IncidentStore } from '../store/incident-store';
import { addIncidentComment, updateIncident } from '../store/incident-ops';
import { mergeIncidents, planMerge, type MergeRequest } from '../store/merge';
import { parseComment, parseIncidentPatch, parseMergeRequest } from './bodies';
import type { IncidentRecord } from '../store/types';
import type { MockRuntime } from '../runtime';
import { compareDesc, queryCollection, queryEntity, type CollectionSpec } from './collection';
import { graphError, graphJson, graphRefusal } from './graph-response';
import { incidentsWithoutEvidence } from './early-reads';
import { param, routeKit, serviceRoot, type GraphContext } from './route';
import { ALERT_SCHEMA, INCIDENT_SCHEMA } from './schemas';
import { readableText } from './readable-text';
import { incidentToWire, wantsUnknownEnums } from './serialize';

const byNumericIdDesc = (a: { id: string }, b: { id: string }) =>
  Number(b.id) - Number(a.id) || b.id.localeCompare(a.id);

function incidentSpec(store: IncidentStore, persona: Persona): CollectionSpec<IncidentRecord> {
  return {
    schema: INCIDENT_SCHEMA,
    entity: 'incident',
    maxTop: LIMITS.maxIncidentsTop,
    defaultTop: LIMITS.defaultPageSize,
    expandable: ['alerts'],
    expandSchemas: { alerts: ALERT_SCHEMA },
    get: (row, field) => {
      if (field === 'alerts')
        return store.alertsOf(row.id).filter((a) => store.canSeeAlert(persona, a));
      if (field === 'severityRank') return SEVERITY_RANK[row.severity];
      // Filtered, searched and sorted on the name this reader sees: a scoped reader's automatic
      // name is made from its alerts alone, and the full one must not leak through contains().
      if (field === 'displayName' && persona.sources !== 'all') {
        return readableText(store, persona, row).displayName;
      }
      return (row as unknown as Record<string, unknown>)[field];
    },
    // Graph lists the most recent incidents first.
    defaultOrder: (a, b) =>
      compareDesc(a.createdDateTime, b.createdDateTime) || byNumericIdDesc(a, b),
  };
}

/**
 * If-Match as the versions it accepts (`W/"12"`), or null for any (`*`, or no header). A tag may
 * come weak or strong (`"12"`), one or several, comma-separated (RFC 9110 §13.1.1).
 */
function parseIfMatch(header: string | null): Outcome<string[] | null> {
  if (header === null || header.trim() === '*') return ok(null);
  const tags = header.split(',').map((t) => t.trim());
  const versions: string[] = [];
  for (const tag of tags) {
    const m = /^(?:W\/)?"([^"]*)"$/.exec(tag);
    if (!m) {
      return refuse(
        'invalid',
        `The If-Match header must be * or entity tags such as W/"12", comma-separated; got '${header}'.`,
      );
    }
    versions.push(`W/"${m[1]}"`);
  }
  return ok(versions);
}

function notFound(id: string, request: Request) {
  return graphError(404, 'NotFound', `Incident ${id} was not found.`, request);
}

export function incidentHandlers(runtime: MockRuntime): HttpHandler[] {
  const { store } = runtime;
  const { graphRoute } = routeKit(runtime);

  const merge = async ({ request, url, persona, input }: GraphContext<MergeRequest>) => {
    const planned = planMerge(store, persona, input);
    if (!planned.ok) return graphRefusal(planned.error, request);
    // The store locks the incidents before the first await: a write or a second merge
    // arriving meanwhile is refused as locked.
    const merged = await store.runExclusive(planned.value.incidentIds, async (held) => {
      if (runtime.mergeDelayMs) await delay(runtime.mergeDelayMs);
      return mergeIncidents(store, persona, input, { ignoreLocks: held });
    });
    if (!merged.ok) return graphRefusal(merged.error, request);
    return graphJson({
      '@odata.context': `${serviceRoot(url)}/$metadata#microsoft.graph.security.mergeResponse`,
      targetIncidentId: merged.value.targetId,
    });
  };

  return [
    // SDKs call the namespace-qualified action; the docs show the short form. Both route here.
    ...graphRoute('post', 'security/incidents/mergeIncidents', merge, { parse: parseMergeRequest }),
    ...graphRoute('post', 'security/incidents/microsoft.graph.security.mergeIncidents', merge, {
      parse: parseMergeRequest,
    }),

    ...graphRoute(
      'get',
      'security/incidents',
      ({ request, url, persona }) => {
        const visible = store.incidents().filter((i) => store.canSee(persona, i.id));
        const page = queryCollection(url, visible, incidentSpec(store, persona));
        if (!page.ok) return graphError(400, page.code, page.message, request);
        const includeUnknownEnums = wantsUnknownEnums(request);
        return graphJson({
          '@odata.context': `${serviceRoot(url)}/$metadata#security/incidents`,
          ...(page.query.count ? { '@odata.count': page.total } : {}),
          value: page.rows.map((i) =>
            incidentToWire(store, persona, i, {
              includeUnknownEnums,
              expandAlerts: page.query.expand.includes('alerts'),
              ...(page.query.select ? { select: page.query.select } : {}),
              ...(page.query.expandSelect.alerts
                ? { alertSelect: page.query.expandSelect.alerts }
                : {}),
            }),
          ),
          ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
        });
      },
      { cache: true, early: incidentsWithoutEvidence },
    ),

    ...graphRoute(
      'get',
      'security/incidents/:id',
      ({ request, url, params, persona }) => {
        const id = param(params, 'id');
        const incident = store.incident(id);
        if (!incident || !store.canSee(persona, id)) return notFound(id, request);
        const query = queryEntity(url, incidentSpec(store, persona));
        if (!query.ok) return graphError(400, query.code, query.message, request);
        const alertSelect = query.expandSelect.alerts;
        return graphJson({
          '@odata.context': `${serviceRoot(url)}/$metadata#security/incidents/$entity`,
          ...incidentToWire(store, persona, incident, {
            includeUnknownEnums: wantsUnknownEnums(request),
            expandAlerts: query.expand.includes('alerts'),
            ...(alertSelect ? { alertSelect } : {}),
            ...(query.select ? { select: query.select } : {}),
          }),
        });
      },
      { cache: true, early: incidentsWithoutEvidence },
    ),

    ...graphRoute(
      'patch',
      'security/incidents/:id',
      ({ request, url, params, persona, input }) => {
        const id = param(params, 'id');
        const ifMatch = parseIfMatch(request.headers.get('if-match'));
        if (!ifMatch.ok) return graphRefusal(ifMatch.error, request);
        const result = updateIncident(store, persona, id, input, ifMatch.value);
        if (!result.ok) return graphRefusal(result.error, request);
        return graphJson({
          '@odata.context': `${serviceRoot(url)}/$metadata#security/incidents/$entity`,
          ...incidentToWire(store, persona, result.value, {
            includeUnknownEnums: wantsUnknownEnums(request),
          }),
        });
      },
      { parse: parseIncidentPatch },
    ),

    ...graphRoute(
      'post',
      'security/incidents/:id/comments',
      ({ request, url, params, persona, input }) => {
        const id = param(params, 'id');
        const result = addIncidentComment(store, persona, id, input);
        if (!result.ok) return graphRefusal(result.error, request);
        return graphJson({
          '@odata.context': `${serviceRoot(url)}/$metadata#Collection(microsoft.graph.security.alertComment)`,
          value: result.value,
        });
      },
      { parse: parseComment },
    ),
  ];
}
