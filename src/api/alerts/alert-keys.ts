import type { AlertListParams } from './alerts-api';

/** Query keys of `security/alerts_v2`, generic → specific. */
export const alertKeys = {
  all: ['alerts'] as const,
  lists: () => [...alertKeys.all, 'list'] as const,
  list: (params: AlertListParams) => [...alertKeys.lists(), params] as const,
  /** Alerts read by id, one key per batch of ids. */
  idBatches: () => [...alertKeys.all, 'ids'] as const,
  byIds: (ids: readonly string[]) => [...alertKeys.idBatches(), ids] as const,
  details: () => [...alertKeys.all, 'detail'] as const,
  detail: (id: string) => [...alertKeys.details(), id] as const,
};
