/**
 * Microsoft Sentinel's ARM API for incidents and their relations (seed 004; SPEC.md §7.1), over
 * the same store as Graph: list and get incidents, list an incident's alerts (home and related),
 * and create, read, list and delete relations. Any origin, any workspace the store holds.
 */
import type { HttpHandler, PathParams } from 'msw';
import type { Persona } from '@/domain/identity';
import { ok, refuse, type Outcome } from '@/domain/outcome';
import { ARM_API_VERSIONS } from '@/domain/relations';
import type { MockRuntime } from '../runtime';
import type { IncidentStore } from '../store/incident-store';
import { armIncident, relateAlert, unrelateAlert } from '../store/relation-ops';
import type { IncidentRecord, WorkspaceRef } from '../store/types';
import { armError, armJson, armRefusal } from './arm-response';
import { alertToArm, incidentToArm, relationToArm } from './arm-serialize';
import { parseRelationBody } from './bodies';
import { param, armRouteKit } from './route';

const DEFAULT_TOP = 50;
const MAX_TOP = 1000;

const STATUSES = ['New', 'Active', 'Closed'] as const;

const sameWorkspace = (w: WorkspaceRef | null, params: PathParams) =>
  w !== null &&
  w.subscriptionId.toLowerCase() === param(params, 'sub').toLowerCase() &&
  w.resourceGroup.toLowerCase() === param(params, 'rg').toLowerCase() &&
  w.workspaceName.toLowerCase() === param(params, 'ws').toLowerCase();

/** The workspace of the path, if the store holds one by that name; else ARM's 404. */
function workspaceOf(store: IncidentStore, params: PathParams): Outcome<WorkspaceRef> {
  const found = store.workspaces().find((w) => sameWorkspace(w, params));
  if (found) return ok(found);
  return refuse(
    'notFound',
    `The Resource 'Microsoft.OperationalInsights/workspaces/${param(params, 'ws')}' under resource group '${param(params, 'rg')}' was not found.`,
  );
}

/** The incident of the path, in the path's workspace, visible to the caller; else 404. */
function incidentOf(
  store: IncidentStore,
  persona: Persona,
  params: PathParams,
): Outcome<IncidentRecord> {
  const workspace = workspaceOf(store, params);
  if (!workspace.ok) return workspace;
  const incident = armIncident(store, persona, param(params, 'incidentId'));
  if (!incident.ok) return incident;
  if (!sameWorkspace(incident.value.workspace, params)) {
    return refuse('notFound', "Incident doesn't exist.");
  }
  return incident;
}

/** `$top` and `$skipToken` of a list; the token is the offset of the next page. */
function paging(url: URL): Outcome<{ top: number; skip: number }> {
  // Any option given twice: only one could be read.
  const seen = new Set<string>();
  for (const name of url.searchParams.keys()) {
    if (!name.startsWith('$')) continue;
    if (seen.has(name)) return refuse('invalid', `${name} was given more than once; give it once.`);
    seen.add(name);
  }
  const topText = url.searchParams.get('$top');
  const top = topText === null ? DEFAULT_TOP : /^\d+$/.test(topText) ? Number(topText) : NaN;
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) {
    return refuse('invalid', `$top must be an integer from 1 to ${MAX_TOP}; got '${topText}'.`);
  }
  const token = url.searchParams.get('$skipToken');
  const skip = token === null ? 0 : decodeSkipToken(token);
  if (!Number.isInteger(skip) || skip < 0) {
    return refuse('invalid', `$skipToken '${token}' is not one this API gave out.`);
  }
  return ok({ top, skip });
}

/**
 * Refuses a documented list option this mock does not honour (SPEC.md §7.1 lists `$filter` and
 * `$orderby` on both lists), rather than answering as if it had applied it.
 */
function notHonoured(url: URL, options: string[], why: string): Outcome<null> {
  for (const name of url.searchParams.keys()) {
    if (options.includes(name.toLowerCase())) {
      return refuse('invalid', `${name} is not supported on this list: ${why}`);
    }
  }
  return ok(null);
}

/** The longest relation name taken: ARM resource names stay well under it. */
const MAX_RELATION_NAME = 256;

/**
 * Refuses a relation name that cannot name a resource: it becomes the last segment of the
 * relation's ARM id, so it must be one segment of visible text (a GUID in Sentinel's examples).
 */
function relationName(name: string): Outcome<string> {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  const unfit = /[/\\?#%\u0000-\u001f\u007f]/.test(name);
  if (name.trim() === '' || unfit || name.length > MAX_RELATION_NAME) {
    return refuse(
      'invalid',
      `The relation name '${name}' is not valid: use 1 to ${MAX_RELATION_NAME} characters, not only spaces, without /, \\, ?, #, % or control characters (a GUID, as Sentinel's examples use).`,
    );
  }
  return ok(name);
}

/** The offset a `$skipToken` this API gave out stands for; NaN for any other text. */
function decodeSkipToken(token: string): number {
  try {
    const text = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
    return /^\d+$/.test(text) ? Number(text) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

function nextLink(url: URL, skip: number): string {
  const next = new URL(url);
  next.searchParams.set('$skipToken', btoa(String(skip)).replace(/=+$/, ''));
  return next.href;
}

/** What a list's `$filter` keeps: statuses, or the incident a provider knows by an id. */
type IncidentFilter =
  | { kind: 'status'; statuses: ReadonlySet<string> }
  | { kind: 'provider'; providerIncidentId: string };

/**
 * `properties/status eq 'New'`, alone or joined by `or` (the filter a playbook needs), or
 * `properties/providerIncidentId eq '<id>'`: how a client that knows a Defender incident by its
 * Graph id finds the Sentinel incident that mirrors it.
 */
function incidentFilter(url: URL): Outcome<IncidentFilter | null> {
  const text = url.searchParams.get('$filter');
  if (text === null || text.trim() === '') return ok(null);
  const provider = /^\(?\s*properties\/providerIncidentId\s+eq\s+'((?:[^']|'')*)'\s*\)?$/i.exec(
    text.trim(),
  );
  if (provider) {
    return ok({ kind: 'provider', providerIncidentId: (provider[1] ?? '').replace(/''/g, "'") });
  }
  const wanted = new Set<string>();
  for (const term of text.split(/\s+or\s+/i)) {
    const m = /^\(?\s*properties\/status\s+eq\s+'([A-Za-z]+)'\s*\)?$/i.exec(term.trim());
    const status = m ? STATUSES.find((s) => s.toLowerCase() === m[1]?.toLowerCase()) : undefined;
    if (!status) {
      return refuse(
        'invalid',
        `Invalid $filter '${text}': this API filters incidents on properties/status eq 'New', 'Active' or 'Closed', joined by or, or on properties/providerIncidentId eq '<id>'.`,
      );
    }
    wanted.add(status);
  }
  return ok({ kind: 'status', statuses: wanted });
}

function keeps(filter: IncidentFilter | null, incident: IncidentRecord): boolean {
  if (filter === null) return true;
  if (filter.kind === 'provider') return incident.id === filter.providerIncidentId;
  return filter.statuses.has(STATUS_OF[incident.status] ?? '');
}

const STATUS_OF: Record<string, string> = {
  active: 'New',
  inProgress: 'Active',
  resolved: 'Closed',
  redirected: 'Closed',
};

export function armHandlers(runtime: MockRuntime): HttpHandler[] {
  const { store } = runtime;
  const { armRoute } = armRouteKit(runtime, ARM_API_VERSIONS);

  return [
    armRoute('get', 'incidents', ({ params, persona, url }) => {
      const workspace = workspaceOf(store, params);
      if (!workspace.ok) return armRefusal(workspace.error);
      const filter = incidentFilter(url);
      if (!filter.ok) return armRefusal(filter.error);
      const order = notHonoured(url, ['$orderby'], 'incidents are listed newest first.');
      if (!order.ok) return armRefusal(order.error);
      const page = paging(url);
      if (!page.ok) return armRefusal(page.error);
      const rows = store
        .incidents()
        .filter((i) => sameWorkspace(i.workspace, params) && store.canSee(persona, i.id))
        .filter((i) => keeps(filter.value, i))
        .sort((a, b) => Number(b.id) - Number(a.id));
      const { top, skip } = page.value;
      const value = rows.slice(skip, skip + top).map((i) => incidentToArm(store, persona, i));
      return armJson({
        value,
        ...(skip + top < rows.length ? { nextLink: nextLink(url, skip + top) } : {}),
      });
    }),

    armRoute('get', 'incidents/:incidentId', ({ params, persona }) => {
      const incident = incidentOf(store, persona, params);
      if (!incident.ok) return armRefusal(incident.error);
      return armJson(incidentToArm(store, persona, incident.value));
    }),

    // Sentinel lists an incident's alerts with a POST (SPEC.md §7.1).
    armRoute('post', 'incidents/:incidentId/alerts', ({ params, persona }) => {
      const incident = incidentOf(store, persona, params);
      if (!incident.ok) return armRefusal(incident.error);
      const value = store
        .membersOf(incident.value.id)
        .filter((a) => store.canSeeAlert(persona, a))
        .map((a) => alertToArm(a, incident.value));
      return armJson({ value });
    }),

    armRoute('get', 'incidents/:incidentId/relations', ({ params, persona, url }) => {
      const incident = incidentOf(store, persona, params);
      if (!incident.ok) return armRefusal(incident.error);
      const options = notHonoured(
        url,
        ['$filter', '$orderby'],
        'relations are listed in the order they were made, every one of them.',
      );
      if (!options.ok) return armRefusal(options.error);
      const page = paging(url);
      if (!page.ok) return armRefusal(page.error);
      const rows = store.relationsOf(incident.value.id).filter((r) => {
        const alert = store.alert(r.alertId);
        return alert !== undefined && store.canSeeAlert(persona, alert);
      });
      const { top, skip } = page.value;
      const value = rows
        .slice(skip, skip + top)
        .map((r) => relationToArm(incident.value, r, store.alert(r.alertId)!));
      return armJson({
        value,
        ...(skip + top < rows.length ? { nextLink: nextLink(url, skip + top) } : {}),
      });
    }),

    armRoute('get', 'incidents/:incidentId/relations/:relationName', ({ params, persona }) => {
      const incident = incidentOf(store, persona, params);
      if (!incident.ok) return armRefusal(incident.error);
      const name = param(params, 'relationName');
      const relation = store.relationsOf(incident.value.id).find((r) => r.relationName === name);
      const alert = relation ? store.alert(relation.alertId) : undefined;
      if (!relation || !alert || !store.canSeeAlert(persona, alert)) {
        return armError(
          404,
          'NotFound',
          `Relation ${name} was not found in incident ${incident.value.armName}.`,
        );
      }
      return armJson(relationToArm(incident.value, relation, alert));
    }),

    armRoute(
      'put',
      'incidents/:incidentId/relations/:relationName',
      ({ params, persona, input }) => {
        const incident = incidentOf(store, persona, params);
        if (!incident.ok) return armRefusal(incident.error);
        const name = relationName(param(params, 'relationName'));
        if (!name.ok) return armRefusal(name.error);
        const related = relateAlert(store, persona, {
          incidentName: incident.value.armName,
          relationName: name.value,
          ...input,
        });
        if (!related.ok) return armRefusal(related.error);
        const { relation, created } = related.value;
        const alert = store.alert(relation.alertId)!;
        return armJson(
          relationToArm(store.incident(relation.incidentId)!, relation, alert),
          created ? 201 : 200,
        );
      },
      { parse: parseRelationBody },
    ),

    armRoute('delete', 'incidents/:incidentId/relations/:relationName', ({ params, persona }) => {
      const incident = incidentOf(store, persona, params);
      if (!incident.ok) return armRefusal(incident.error);
      const removed = unrelateAlert(
        store,
        persona,
        incident.value.armName,
        param(params, 'relationName'),
      );
      if (!removed.ok) return armRefusal(removed.error);
      return new Response(null, { status: removed.value.deleted ? 200 : 204 });
    }),
  ];
}
