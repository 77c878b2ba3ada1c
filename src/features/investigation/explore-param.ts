/**
 * The entities whose **Related alerts** are shown live in the URL (`?explore=ip:10.0.0.5`, once per
 * entity), so a bookmark or a reload shows the same exploration. A value that names no kind, or
 * no entity of the incident, is ignored.
 */
import type { IncidentEntity } from '@/api/entities/entities-api';
import { ENTITY_KINDS, type EntityKind } from '@/domain/entities';

export const EXPLORE_PARAM = 'explore';

type EntityRef = Pick<IncidentEntity, 'kind' | 'key'>;

const isKind = (value: string): value is EntityKind =>
  (ENTITY_KINDS as readonly string[]).includes(value);

const exploreValue = (entity: EntityRef) => `${entity.kind}:${entity.key}`;

/** The explored entities the URL names, in its order, each once; malformed values are dropped. */
export function parseExplore(params: URLSearchParams): EntityRef[] {
  const seen = new Set<string>();
  const out: EntityRef[] = [];
  for (const value of params.getAll(EXPLORE_PARAM)) {
    const colon = value.indexOf(':');
    if (colon <= 0) continue;
    const kind = value.slice(0, colon);
    const key = value.slice(colon + 1);
    if (!isKind(kind) || key === '' || seen.has(value)) continue;
    seen.add(value);
    out.push({ kind, key });
  }
  return out;
}

/** `params` with `entity` explored or not. */
export function withExplored(
  params: URLSearchParams,
  entity: EntityRef,
  explored: boolean,
): URLSearchParams {
  const value = exploreValue(entity);
  const rest = params.getAll(EXPLORE_PARAM).filter((v) => v !== value);
  params.delete(EXPLORE_PARAM);
  for (const v of explored ? [...rest, value] : rest) params.append(EXPLORE_PARAM, v);
  return params;
}
