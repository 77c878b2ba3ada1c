/** The queue's URL state and its OData: pure rules, no rendering. */
import { describe, expect, it } from 'vitest';
import { buildQueueFilter, buildQueueListParams } from '@/features/incident-queue/queue-odata';
import {
  DEFAULT_QUEUE_STATE,
  NO_FILTERS,
  parseQueueState,
  writeQueueState,
} from '@/features/incident-queue/queue-state';

const parse = (query: string) => parseQueueState(new URLSearchParams(query));
const identity = { upn: 'analyst@contoso.com', groups: ['SOC Tier 1', 'SOC Tier 2'] };

describe('queue URL state', () => {
  it('opens on Defender’s default view when the URL says nothing', () => {
    expect(parse('')).toEqual(DEFAULT_QUEUE_STATE);
    expect(writeQueueState(new URLSearchParams(), DEFAULT_QUEUE_STATE).toString()).toBe('');
  });

  it('ignores values it does not know and normalises the page', () => {
    expect(parse('severity=catastrophic&page=-3&sort=nonsense&order=up&status=bogus')).toEqual(
      DEFAULT_QUEUE_STATE,
    );
    expect(parse('page=abc').page).toBe(1);
    expect(parse('page=0').page).toBe(1);
    expect(parse('page=4').page).toBe(4);
    expect(parse('severity=HIGH&severity=catastrophic&severity=low').severities).toEqual([
      'high',
      'low',
    ]);
  });

  it('reads `status=all` as no status filter, and `new` as Graph’s active', () => {
    expect(parse('status=all').statuses).toEqual([]);
    expect(parse('status=new&status=resolved').statuses).toEqual(['active', 'resolved']);
  });

  it('round-trips a view, keeping parameters that are not the queue’s', () => {
    const state = {
      ...DEFAULT_QUEUE_STATE,
      statuses: ['resolved' as const],
      severities: ['high' as const, 'medium' as const],
      assignments: ['me' as const],
      tags: ['VIP', 'Red, team'],
      search: 'phish',
      sort: { field: 'severity' as const, direction: 'ascending' as const },
      page: 3,
    };
    const written = writeQueueState(new URLSearchParams('alert=da123'), state);
    expect(written.get('alert')).toBe('da123');
    expect(written.getAll('tag')).toEqual(['VIP', 'Red, team']);
    expect(parseQueueState(written)).toEqual(state);
  });

  it('writes "no filters" as status=all so the link does not reopen the default', () => {
    const written = writeQueueState(new URLSearchParams(), {
      ...DEFAULT_QUEUE_STATE,
      ...NO_FILTERS,
    });
    expect(written.toString()).toBe('status=all');
  });
});

describe('queue OData', () => {
  it('joins values of one filter with or, and filters with and', () => {
    const filter = buildQueueFilter(
      { ...NO_FILTERS, statuses: ['active', 'inProgress'], severities: ['high'] },
      identity,
    );
    expect(filter).toBe("(status eq 'active' or status eq 'inProgress') and severity eq 'high'");
  });

  it('builds the assignment filters from the persona and the directory’s groups', () => {
    const f = (a: 'me' | 'otherUser' | 'group' | 'unassigned') =>
      buildQueueFilter({ ...NO_FILTERS, assignments: [a] }, identity);
    expect(f('me')).toBe("assignedTo eq 'analyst@contoso.com'");
    expect(f('unassigned')).toBe('assignedTo eq null');
    expect(f('group')).toBe("(assignedTo eq 'SOC Tier 1' or assignedTo eq 'SOC Tier 2')");
    expect(f('otherUser')).toBe(
      "(assignedTo ne null and assignedTo ne 'analyst@contoso.com' and assignedTo ne 'SOC Tier 1' and assignedTo ne 'SOC Tier 2')",
    );
  });

  it('quotes tags and search text, and searches name or id', () => {
    const filter = buildQueueFilter(
      { ...NO_FILTERS, tags: ["O'Brien"], search: "it's 42", sources: ['microsoftSentinel'] },
      identity,
    );
    expect(filter).toBe(
      "customTags/any(t:t eq 'O''Brien') and alerts/any(a:a/serviceSource eq 'microsoftSentinel') and (contains(displayName,'it''s 42') or id eq 'it''s 42')",
    );
  });

  it('asks for one page of 50 with the total and the alerts', () => {
    expect(
      buildQueueListParams(
        {
          ...DEFAULT_QUEUE_STATE,
          ...NO_FILTERS,
          page: 3,
          sort: { field: 'id', direction: 'ascending' },
        },
        identity,
        new Date('2026-11-01T12:00:30Z'),
      ),
    ).toEqual({
      filter: 'lastUpdateDateTime ge 2026-05-01T12:00:00Z',
      orderby: 'id asc',
      top: 50,
      skip: 100,
      count: true,
      expand:
        'alerts($select=title,severity,status,category,serviceSource,detectionSource,incidentId,assignedTo,classification,determination,createdDateTime,lastUpdateDateTime,firstActivityDateTime,lastActivityDateTime)',
    });
  });
});
