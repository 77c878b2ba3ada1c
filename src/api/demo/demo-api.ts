/** Demo controls of the mock (mock-only). */
import { mockRoot } from '../config';
import { http } from '../http';

/** Restores the seeded demo data, discarding every change. */
export function resetDemoData(): Promise<void> {
  return http<void>(`${mockRoot()}/reset`, { method: 'POST' });
}
