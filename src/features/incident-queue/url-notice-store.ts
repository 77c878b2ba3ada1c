/**
 * What the route's loader could not use of a queue link (queue-url-problems.ts), kept until the
 * analyst dismisses it: the loader rewrites the URL before the page renders, so the page cannot
 * see the original link itself.
 */
import { create } from 'zustand';

type UrlNoticeState = {
  problems: readonly string[];
  actions: { report: (problems: readonly string[]) => void; dismiss: () => void };
};

const useUrlNoticeStore = create<UrlNoticeState>()((set) => ({
  problems: [],
  actions: {
    report: (problems) => set({ problems }),
    dismiss: () => set({ problems: [] }),
  },
}));

export const useQueueUrlProblems = () => useUrlNoticeStore((s) => s.problems);
export const useQueueUrlNoticeActions = () => useUrlNoticeStore((s) => s.actions);
/** For the route's loader, outside React. */
export const reportQueueUrlProblems = (problems: readonly string[]) =>
  useUrlNoticeStore.getState().actions.report(problems);
