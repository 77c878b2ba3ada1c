/**
 * What the route's loader could not use of a queue link (queue-url-problems.ts). The loader
 * rewrites the URL before the page renders, so the page cannot see the original link itself:
 * the loader leaves the problems here with the view it rewrote the link to. They are shown while
 * the queue shows that view, and forgotten once the analyst dismisses them, changes the view
 * (filters, time range, page size, sort, search, page) or leaves the queue.
 */
import { create } from 'zustand';

type UrlNoticeState = {
  problems: readonly string[];
  /** The queue view (its URL parameters) the problems were found on the way to. */
  view: string;
  actions: {
    report: (problems: readonly string[], view: string) => void;
    dismiss: () => void;
  };
};

const useUrlNoticeStore = create<UrlNoticeState>()((set) => ({
  problems: [],
  view: '',
  actions: {
    report: (problems, view) => set({ problems, view }),
    dismiss: () => set({ problems: [], view: '' }),
  },
}));

/** The problems of the link that led to `view`; none once the queue shows another view. */
export const useQueueUrlProblems = (view: string): readonly string[] => {
  const problems = useUrlNoticeStore((s) => s.problems);
  const reportedView = useUrlNoticeStore((s) => s.view);
  return reportedView === view ? problems : NONE;
};
const NONE: readonly string[] = [];

export const useQueueUrlNoticeActions = () => useUrlNoticeStore((s) => s.actions);
let leaving: ReturnType<typeof setTimeout> | undefined;

/**
 * For the route's loader, outside React. A new report outlives a leave still pending from the
 * page that was there before (a bad queue link followed right after leaving the queue).
 */
export function reportQueueUrlProblems(problems: readonly string[], view: string) {
  clearTimeout(leaving);
  useUrlNoticeStore.getState().actions.report(problems, view);
}

/**
 * The queue page mounted (again): keep the notice. Paired with `queueLeft`, which forgets it a
 * moment later unless the page comes straight back (React's strict-mode remount is not a leave).
 */
export function queueEntered() {
  clearTimeout(leaving);
}
export function queueLeft() {
  clearTimeout(leaving);
  leaving = setTimeout(() => useUrlNoticeStore.getState().actions.dismiss(), 0);
}
