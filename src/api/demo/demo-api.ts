/** Demo controls of the mock (mock-only). */
import { MOCK_BASE } from '../config';
import { http } from '../http';

/** Restores the seeded demo data, discarding every change. */
export function resetDemoData(): Promise<void> {
  return http<void>(`${MOCK_BASE}/reset`, { method: 'POST' });
}
