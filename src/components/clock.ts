/**
 * The console's "now", for what is relative to it (the queue's "last 1 day"). Real time in the
 * browser. A test whose data is dated at a fixed moment pins it there, so its relative ranges
 * read the same data on every run, whatever the calendar says.
 */
let pinned: number | undefined;

/** The current time (or the pinned one). */
export function consoleNow(): Date {
  return new Date(pinned ?? Date.now());
}

/** Pins "now" at `at` (tests); `undefined` goes back to real time. */
export function pinClock(at: Date | undefined): void {
  pinned = at?.getTime();
}
