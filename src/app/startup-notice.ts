/** Something the analyst must know from start-up (shown once, above every page). */
export type StartupNotice = {
  intent: 'warning' | 'error';
  /** A short heading; omitted when the message says it all. */
  title?: string;
  message: string;
};
