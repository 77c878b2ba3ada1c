/**
 * Every selection the console keeps — incidents and alerts in the queue, alerts on the Alerts
 * tab and in the alerts queue — is emptied when the persona changes, wherever the analyst is.
 */
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setSessionUpn } from '@/api/session-store';
import { createSelectionStore } from '@/components/selection-store';
import { alertsQueueSelection } from '@/features/alerts-queue/alert-selection-store';
import { incidentAlertsSelection } from '@/features/incident-page/incident-alerts-selection-store';
import { alertSelection } from '@/features/incident-queue/alert-selection-store';
import { incidentSelection } from '@/features/incident-queue/incident-selection-store';

describe('selection stores', () => {
  it('forget every selection when the persona changes', () => {
    setSessionUpn('analyst@contoso.com');
    incidentSelection.actions().setMany(['1', '2'], true);
    alertSelection.actions().toggle('da1');
    alertsQueueSelection.actions().setPage(['da1', 'da2'], new Set(['da2']));
    incidentAlertsSelection.actions().toggle('da3', true, '7');
    const counts = () => [
      renderHook(() => incidentSelection.useCount()).result.current,
      renderHook(() => alertSelection.useCount()).result.current,
      renderHook(() => alertsQueueSelection.useCount()).result.current,
      renderHook(() => incidentAlertsSelection.useCount('7')).result.current,
    ];
    expect(counts()).toEqual([2, 1, 1, 1]);

    act(() => setSessionUpn('reader@contoso.com'));
    expect(counts()).toEqual([0, 0, 0, 0]);
  });

  it('keeps a scoped selection to its scope', () => {
    const store = createSelectionStore();
    store.actions().setMany(['a', 'b'], true, 'incident-1');
    expect(renderHook(() => store.useCount('incident-1')).result.current).toBe(2);
    expect(renderHook(() => store.useCount('incident-2')).result.current).toBe(0);
    // Acting in another scope starts afresh there.
    store.actions().toggle('c', true, 'incident-2');
    expect(renderHook(() => store.useIds('incident-2')).result.current).toEqual(new Set(['c']));
    expect(renderHook(() => store.useCount('incident-1')).result.current).toBe(0);
  });
});
