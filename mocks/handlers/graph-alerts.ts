/** `security/alerts_v2`: list and get (SPEC.md §3.7). */
import type { HttpHandler } from 'msw';
import { LIMITS } from '@/domain/limits';
import { addAlertComment, updateAlert } from '../store/alert-ops';
import { moveAlerts, type MoveRequest } from '../store/move';
import { parseAlertPatch, parseComment, parseMoveRequest } from './bodies';
import { alertsWithoutEvidence } from './early-reads';
import type { AlertRecord } from '../store/types';
import type { MockRuntime } from '../runtime';
import { compareDesc, queryCollection, queryEntity, type CollectionSpec } from './collection';
import { graphError, graphJson, graphRefusal } from './graph-response';
import { param, routeKit, serviceRoot, type GraphContext } from './route';
import { ALERT_SCHEMA } from './schemas';
import { alertToWire, wantsUnknownEnums } from './serialize';

const alertSpec: CollectionSpec<AlertRecord> = {
  schema: ALERT_SCHEMA,
  entity: 'alert',
  maxTop: LIMITS.maxAlertsTop,
  defaultTop: LIMITS.defaultPageSize,
  expandable: [],
  get: (row, field) => (row as unknown as Record<string, unknown>)[field],
  defaultOrder: (a, b) =>
    compareDesc(a.createdDateTime, b.createdDateTime) || compareDesc(a.id, b.id),
};

export function alertHandlers(runtime: MockRuntime): HttpHandler[] {
  const { store } = runtime;
  const { graphRoute } = routeKit(runtime);

  const move = ({ request, url, persona, input }: GraphContext<MoveRequest>) => {
    const moved = moveAlerts(store, persona, input);
    if (!moved.ok) return graphRefusal(moved.error, request);
    return graphJson({
      '@odata.context': `${serviceRoot(url)}/$metadata#microsoft.graph.security.mergeResponse`,
      targetIncidentId: moved.value.targetId,
    });
  };

  return [
    // SDKs call the namespace-qualified action; the docs show the short form. Both route here.
    ...graphRoute('post', 'security/alerts_v2/moveAlerts', move, { parse: parseMoveRequest }),
    ...graphRoute('post', 'security/alerts_v2/microsoft.graph.security.moveAlerts', move, {
      parse: parseMoveRequest,
    }),

    ...graphRoute(
      'get',
      'security/alerts_v2',
      ({ request, url, persona }) => {
        const visible = store.alerts().filter((a) => store.canSeeAlert(persona, a));
        const page = queryCollection(url, visible, alertSpec);
        if (!page.ok) return graphError(400, page.code, page.message, request);
        const includeUnknownEnums = wantsUnknownEnums(request);
        return graphJson({
          '@odata.context': `${serviceRoot(url)}/$metadata#security/alerts_v2`,
          ...(page.query.count ? { '@odata.count': page.total } : {}),
          value: page.rows.map((a) =>
            alertToWire(a, {
              includeUnknownEnums,
              annotate: { store, persona },
              ...(page.query.select ? { select: page.query.select } : {}),
            }),
          ),
          ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
        });
      },
      { cache: true, early: alertsWithoutEvidence },
    ),

    ...graphRoute(
      'patch',
      'security/alerts_v2/:id',
      ({ request, url, params, persona, input }) => {
        const result = updateAlert(store, persona, param(params, 'id'), input);
        if (!result.ok) return graphRefusal(result.error, request);
        return graphJson({
          '@odata.context': `${serviceRoot(url)}/$metadata#security/alerts_v2/$entity`,
          ...alertToWire(result.value, {
            includeUnknownEnums: wantsUnknownEnums(request),
            annotate: { store, persona },
          }),
        });
      },
      { parse: parseAlertPatch },
    ),

    ...graphRoute(
      'post',
      'security/alerts_v2/:id/comments',
      ({ request, url, params, persona, input }) => {
        const result = addAlertComment(store, persona, param(params, 'id'), input);
        if (!result.ok) return graphRefusal(result.error, request);
        return graphJson({
          '@odata.context': `${serviceRoot(url)}/$metadata#Collection(microsoft.graph.security.alertComment)`,
          value: result.value,
        });
      },
      { parse: parseComment },
    ),

    ...graphRoute(
      'get',
      'security/alerts_v2/:id',
      ({ request, url, params, persona }) => {
        const id = param(params, 'id');
        const alert = store.alert(id);
        if (!alert || !store.canSeeAlert(persona, alert)) {
          return graphError(404, 'NotFound', `Alert ${id} was not found.`, request);
        }
        const query = queryEntity(url, alertSpec);
        if (!query.ok) return graphError(400, query.code, query.message, request);
        return graphJson({
          '@odata.context': `${serviceRoot(url)}/$metadata#security/alerts_v2/$entity`,
          ...alertToWire(alert, {
            includeUnknownEnums: wantsUnknownEnums(request),
            annotate: { store, persona },
            ...(query.select ? { select: query.select } : {}),
          }),
        });
      },
      { cache: true },
    ),
  ];
}
