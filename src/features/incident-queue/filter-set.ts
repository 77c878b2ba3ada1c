/** The part of the queue's view a saved filter set holds: the filters and the time range. */
import {
  DEFAULT_QUEUE_STATE,
  parseQueueState,
  writeQueueState,
  type QueueFilters,
  type QueueState,
} from './queue-state';

export type FilterSet = QueueFilters & Pick<QueueState, 'timeRange'>;

/** The filters and time range of a view (not its sort, page, page size or open panels). */
function filterSetOf(state: QueueState): FilterSet {
  return {
    statuses: state.statuses,
    severities: state.severities,
    assignments: state.assignments,
    classifications: state.classifications,
    sources: state.sources,
    tags: state.tags,
    search: state.search,
    timeRange: state.timeRange,
  };
}

/** A filter set as the queue's URL writes it (`severity=high&range=1w`; empty for the default). */
export function filterSetQuery(state: QueueState): string {
  return writeQueueState(new URLSearchParams(), {
    ...DEFAULT_QUEUE_STATE,
    ...filterSetOf(state),
  }).toString();
}

/** Reads a saved query back; what it no longer understands reads as the default. */
export function filterSetFromQuery(query: string): FilterSet {
  return filterSetOf(parseQueueState(new URLSearchParams(query)));
}
