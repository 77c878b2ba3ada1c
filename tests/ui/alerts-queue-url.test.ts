/** The alerts queue's URL view and the kit's canonical check: pure rules, no rendering. */
import { describe, expect, it } from 'vitest';
import {
  alertsQueueView,
  DEFAULT_VIEW,
  NO_FILTERS,
  parseView,
  writeView,
} from '@/features/alerts-queue/alerts-queue-view';
import { queueView } from '@/features/incident-queue/queue-state';

const parse = (query: string) => parseView(new URLSearchParams(query));

describe('alerts queue URL view', () => {
  it('opens on Defender’s default view when the URL says nothing', () => {
    expect(parse('')).toEqual(DEFAULT_VIEW);
    expect(writeView(new URLSearchParams(), DEFAULT_VIEW).toString()).toBe('');
  });

  it('reads comma lists and repeated names alike, and writes a comma list', () => {
    expect(parse('severity=low,HIGH').filters.severity).toEqual(['high', 'low']);
    expect(parse('severity=low&severity=high').filters.severity).toEqual(['high', 'low']);
    const written = writeView(new URLSearchParams(), parse('severity=low&severity=high'));
    expect(written.toString()).toBe('severity=high%2Clow');
  });

  it('says "any status" as status=any, and sorts as column:direction', () => {
    const view = {
      ...DEFAULT_VIEW,
      filters: NO_FILTERS,
      sort: { field: 'title' as const, direction: 'ascending' as const },
    };
    const written = writeView(new URLSearchParams('alert=x1'), view);
    expect([...written]).toEqual([
      ['alert', 'x1'],
      ['status', 'any'],
      ['sort', 'title:asc'],
    ]);
    expect(parseView(written)).toEqual(view);
  });

  it('calls a URL canonical by the view’s own parameters only', () => {
    expect(alertsQueueView.isCanonical(new URLSearchParams('severity=high&alert=x1'))).toBe(true);
    expect(alertsQueueView.isCanonical(new URLSearchParams('severity=low,high'))).toBe(false);
    expect(alertsQueueView.isCanonical(new URLSearchParams('sort=evil:up'))).toBe(false);
    expect(queueView.isCanonical(new URLSearchParams('severity=high&severity=low'))).toBe(true);
    expect(queueView.isCanonical(new URLSearchParams('severity=high,low'))).toBe(false);
  });
});
