/** `security/incidents`: list, get, update, comments (SPEC.md §3.1–§3.4). */
import { delay, type HttpHandler } from 'msw';
import { LIMITS } from '@/domain/limits';
import { SEVERITY_RANK } from '@/domain/enums';
import type { Persona } from '@/domain/identity';
import type { IncidentStore } from '../store/incident-store';
import { addIncidentComment, updateIncident } from '../store/manage';
import { mergeIncidents, planMerge } from '../store/merge';
import type { IncidentRecord } from '../store/types';
import type { MockRuntime } from '../runtime';
import { compareDesc, queryCollection, type CollectionSpec } from './collection';
import { graphError, graphJson, readJsonObject, storeError } from './graph-response';
import { graphRoute, param, serviceRoot, type GraphContext } from './route';
import { INCIDENT_SCHEMA } from './schemas';
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
    get: (row, field) => {
      if (field === 'alerts')
        return store.alertsOf(row.id).filter((a) => store.canSeeAlert(persona, a));
      if (field === 'severityRank') return SEVERITY_RANK[row.severity];
      return (row as unknown as Record<string, unknown>)[field];
    },
    // Graph lists the most recent incidents first.
    defaultOrder: (a, b) =>
      compareDesc(a.createdDateTime, b.createdDateTime) || byNumericIdDesc(a, b),
  };
}

function notFound(id: string, request: Request) {
  return graphError(404, 'NotFound', `Incident ${id} was not found.`, request);
}

export function incidentHandlers(runtime: MockRuntime): HttpHandler[] {
  const { store } = runtime;

  const merge = async ({ request, url, persona }: GraphContext) => {
    const body = await readJsonObject(request);
    if (!body.ok) return graphError(400, 'BadRequest', body.message, request);
    const planned = planMerge(store, persona, body.value);
    if (!planned.ok) return storeError(planned.error, request);
    // Lock before the first await: a write or a second merge arriving meanwhile gets 409.
    const ids = new Set(planned.value.incidentIds);
    for (const id of ids) store.locked.add(id);
    try {
      if (runtime.mergeDelayMs) await delay(runtime.mergeDelayMs);
      const merged = mergeIncidents(store, persona, body.value, { ignoreLocks: ids });
      if (!merged.ok) return storeError(merged.error, request);
      return graphJson({
        '@odata.context': `${serviceRoot(url)}/$metadata#microsoft.graph.security.mergeResponse`,
        targetIncidentId: merged.value.targetId,
      });
    } finally {
      for (const id of ids) store.locked.delete(id);
    }
  };

  return [
    // SDKs call the namespace-qualified action; the docs show the short form. Both route here.
    ...graphRoute('post', 'security/incidents/mergeIncidents', merge),
    ...graphRoute('post', 'security/incidents/microsoft.graph.security.mergeIncidents', merge),

    ...graphRoute('get', 'security/incidents', ({ request, url, persona }) => {
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
          }),
        ),
        ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      });
    }),

    ...graphRoute('get', 'security/incidents/:id', ({ request, url, params, persona }) => {
      const id = param(params, 'id');
      const incident = store.incident(id);
      if (!incident || !store.canSee(persona, id)) return notFound(id, request);
      const expand = url.searchParams.get('$expand');
      if (expand !== null && expand.trim() !== 'alerts') {
        return graphError(
          400,
          'BadRequest',
          `Could not find a property named '${expand}' on type 'microsoft.graph.security.incident' to expand. Expandable: alerts.`,
          request,
        );
      }
      return graphJson({
        '@odata.context': `${serviceRoot(url)}/$metadata#security/incidents/$entity`,
        ...incidentToWire(store, persona, incident, {
          includeUnknownEnums: wantsUnknownEnums(request),
          expandAlerts: expand !== null,
        }),
      });
    }),

    ...graphRoute('patch', 'security/incidents/:id', async ({ request, url, params, persona }) => {
      const id = param(params, 'id');
      const body = await readJsonObject(request);
      if (!body.ok) return graphError(400, 'BadRequest', body.message, request);
      const result = updateIncident(
        store,
        persona,
        id,
        body.value,
        request.headers.get('if-match'),
      );
      if (!result.ok) return storeError(result.error, request);
      return graphJson({
        '@odata.context': `${serviceRoot(url)}/$metadata#security/incidents/$entity`,
        ...incidentToWire(store, persona, result.value, {
          includeUnknownEnums: wantsUnknownEnums(request),
        }),
      });
    }),

    ...graphRoute(
      'post',
      'security/incidents/:id/comments',
      async ({ request, url, params, persona }) => {
        const id = param(params, 'id');
        const body = await readJsonObject(request);
        if (!body.ok) return graphError(400, 'BadRequest', body.message, request);
        const result = addIncidentComment(store, persona, id, body.value);
        if (!result.ok) return storeError(result.error, request);
        return graphJson({
          '@odata.context': `${serviceRoot(url)}/$metadata#Collection(microsoft.graph.security.alertComment)`,
          value: result.value,
        });
      },
    ),
  ];
}
