/** Something the analyst must know from start-up (shown once, above every page). */
import { create } from 'zustand';

export type StartupNotice = {
  intent: 'warning' | 'error';
  /** A short heading; omitted when the message says it all. */
  title?: string;
  message: string;
};

/**
 * The notice arrives when the demo backend has opened its store, which may be after the first
 * paint (main.tsx does not wait for it), so the shell reads it from here.
 */
/** How far generating the demo data is, while the console waits for it (first visit, large store). */
export type SeedProgress = { done: number; total: number };

const useStartupNoticeStore = create<{
  notice: StartupNotice | undefined;
  seedProgress: SeedProgress | undefined;
}>()(() => ({ notice: undefined, seedProgress: undefined }));

export const useStartupNotice = () => useStartupNoticeStore((s) => s.notice);
export const useSeedProgress = () => useStartupNoticeStore((s) => s.seedProgress);

export function setSeedProgress(seedProgress: SeedProgress | undefined): void {
  useStartupNoticeStore.setState({ seedProgress });
}

export function setStartupNotice(notice: StartupNotice | undefined): void {
  useStartupNoticeStore.setState({ notice });
}
