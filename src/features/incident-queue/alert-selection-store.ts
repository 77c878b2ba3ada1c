import { createIdSetStore } from './id-set-store';

/** Alerts ticked in expanded queue rows, by id (for "Move alerts to another incident"). */
export const alertSelection = createIdSetStore();
