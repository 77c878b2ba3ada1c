/**
 * Bad input everywhere: each case of the corpus gets a 4xx in Graph's envelope with a message
 * naming what was wrong, and leaves the store exactly as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IncidentStore } from '@mocks/store/incident-store';
import {
  ANALYST,
  call,
  expectGraphError,
  expectUnchanged,
  GRAPH,
  MOCK,
  useMockGraph,
} from './helpers';

const { runtime } = useMockGraph();

/** JSON nested `depth` levels deep: objects when `kind` is 'object', arrays otherwise. */
function nested(depth: number, kind: 'object' | 'array'): string {
  return kind === 'object'
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

function openIncidentId(store: IncidentStore): string {
  const found = store
    .incidents()
    .find(
      (i) =>
        (i.status === 'active' || i.status === 'inProgress') && store.alertIdsOf(i.id).length >= 2,
    );
  if (!found) throw new Error('no open incident');
  return found.id;
}

type Case = {
  name: string;
  status: number;
  /** What the message must name. */
  message: RegExp;
  send: (store: IncidentStore) => Promise<{ status: number; body: unknown }>;
};

/** Sends `body` exactly as given, with this Content-Type (none when null). */
async function raw(
  url: string,
  method: string,
  body: BodyInit,
  contentType: string | null = 'application/json',
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method,
    body,
    headers: {
      Authorization: `Bearer mock.${ANALYST}`,
      ...(contentType === null ? {} : { 'Content-Type': contentType }),
    },
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

const incidentUrl = (store: IncidentStore) =>
  `${GRAPH}/security/incidents/${openIncidentId(store)}`;
const alertUrl = (store: IncidentStore) =>
  `${GRAPH}/security/alerts_v2/${store.alertIdsOf(openIncidentId(store))[0]}`;

const CORPUS: Case[] = [
  {
    name: 'a PATCH nesting 10,000 objects deep in a property',
    status: 400,
    message: /Property 'customTags(\.a)*…' is nested more than 64 levels deep/,
    send: (s) => raw(incidentUrl(s), 'PATCH', `{"customTags":${nested(10_000, 'object')}}`),
  },
  {
    name: 'a PATCH nesting 10,000 arrays deep',
    status: 400,
    message: /Property 'displayName(\[0\])*…' is nested more than 64 levels deep/,
    send: (s) => raw(incidentUrl(s), 'PATCH', `{"displayName":${nested(10_000, 'array')}}`),
  },
  {
    name: 'a merge nesting 10,000 levels deep',
    status: 400,
    message: /Property 'incidentIds.*' is nested more than 64 levels deep/,
    send: () =>
      raw(
        `${GRAPH}/security/incidents/mergeIncidents`,
        'POST',
        `{"incidentIds":${nested(10_000, 'array')}}`,
      ),
  },
  {
    name: 'a move nesting 10,000 levels deep',
    status: 400,
    message: /Property 'alertComment.*' is nested more than 64 levels deep/,
    send: () =>
      raw(
        `${GRAPH}/security/alerts_v2/moveAlerts`,
        'POST',
        `{"alertIds":["x"],"alertComment":${nested(10_000, 'object')}}`,
      ),
  },
  {
    name: 'a comment nesting 10,000 levels deep',
    status: 400,
    message: /Property 'comment.*' is nested more than 64 levels deep/,
    send: (s) =>
      raw(`${incidentUrl(s)}/comments`, 'POST', `{"comment":${nested(10_000, 'object')}}`),
  },
  {
    name: 'a PATCH sent as text/plain',
    status: 415,
    message: /Content-Type 'text\/plain' is not supported; send the body as application\/json/,
    send: (s) => raw(incidentUrl(s), 'PATCH', '{"severity":"high"}', 'text/plain'),
  },
  {
    name: 'a PATCH sent form-encoded',
    status: 415,
    message: /Content-Type 'application\/x-www-form-urlencoded' is not supported/,
    send: (s) => raw(incidentUrl(s), 'PATCH', 'severity=high', 'application/x-www-form-urlencoded'),
  },
  {
    name: 'a PATCH without a Content-Type',
    status: 415,
    message: /no Content-Type/,
    send: (s) => raw(incidentUrl(s), 'PATCH', new Blob(['{"severity":"high"}']), null),
  },
  {
    name: 'an alert PATCH sent as text/plain',
    status: 415,
    message: /Content-Type 'text\/plain'/,
    send: (s) => raw(alertUrl(s), 'PATCH', '{"status":"resolved"}', 'text/plain'),
  },
  {
    name: 'a merge sent as text/plain',
    status: 415,
    message: /Content-Type 'text\/plain'/,
    send: () =>
      raw(
        `${GRAPH}/security/incidents/mergeIncidents`,
        'POST',
        '{"incidentIds":["1","2"]}',
        'text/plain',
      ),
  },
  {
    name: 'a PATCH that is not JSON',
    status: 400,
    message: /not valid JSON/,
    send: (s) => raw(incidentUrl(s), 'PATCH', '{"severity": high}'),
  },
  {
    name: 'a PATCH whose body is an array',
    status: 400,
    message: /must be a JSON object/,
    send: (s) => raw(incidentUrl(s), 'PATCH', '[{"severity":"high"}]'),
  },
  {
    name: 'a PATCH whose body is null',
    status: 400,
    message: /must be a JSON object/,
    send: (s) => raw(incidentUrl(s), 'PATCH', 'null'),
  },
  {
    name: 'an empty PATCH body',
    status: 400,
    message: /empty/,
    send: (s) => raw(incidentUrl(s), 'PATCH', ''),
  },
  {
    name: 'a PATCH of a read-only property',
    status: 400,
    message: /Cannot set property 'createdDateTime'/,
    send: (s) => raw(incidentUrl(s), 'PATCH', '{"createdDateTime":"2020-01-01T00:00:00Z"}'),
  },
  // Bodies listing very many items get their answer at once: duplicates are found in one pass,
  // and a message names twenty ids, then how many more.
  {
    name: 'a PATCH of 100,000 tags',
    status: 400,
    message: /at most 50 tags; 100,000 were given/,
    send: (s) =>
      raw(
        incidentUrl(s),
        'PATCH',
        JSON.stringify({ customTags: Array.from({ length: 100_000 }, (_, i) => `t${i}`) }),
      ),
  },
  {
    name: 'a move of 100,000 unknown alerts',
    status: 404,
    message: /^Alerts (nope-\d+, ){19}nope-19 and 99,980 more were not found\.$/,
    send: () =>
      raw(
        `${GRAPH}/security/alerts_v2/moveAlerts`,
        'POST',
        JSON.stringify({ alertIds: Array.from({ length: 100_000 }, (_, i) => `nope-${i}`) }),
      ),
  },
  {
    name: 'a merge listing 100,000 ids, one of them twice',
    status: 400,
    message: /^Incident 7 is listed more than once in 'incidentIds'\.$/,
    send: () =>
      raw(
        `${GRAPH}/security/incidents/mergeIncidents`,
        'POST',
        JSON.stringify({
          incidentIds: [...Array.from({ length: 100_000 }, (_, i) => String(i)), '7'],
        }),
      ),
  },
  {
    name: 'a PATCH with a tag of 10,000 characters',
    status: 400,
    message: /the limit is 100/,
    send: (s) => raw(incidentUrl(s), 'PATCH', JSON.stringify({ customTags: ['x'.repeat(10_000)] })),
  },
  {
    name: 'a PATCH of a number where text belongs',
    status: 400,
    message: /'assignedTo' must be a string or null/,
    send: (s) => raw(incidentUrl(s), 'PATCH', '{"assignedTo":42}'),
  },
  {
    name: 'a comment of 30,001 characters',
    status: 400,
    message: /30001 characters long; the limit is 30000/,
    send: (s) =>
      raw(`${incidentUrl(s)}/comments`, 'POST', JSON.stringify({ comment: 'x'.repeat(30_001) })),
  },
  {
    name: 'a merge of 10,000 incident ids',
    status: 400,
    message: /A merge takes 2 to 5 incidents; 10000 were given/,
    send: () =>
      raw(
        `${GRAPH}/security/incidents/mergeIncidents`,
        'POST',
        JSON.stringify({ incidentIds: Array.from({ length: 10_000 }, (_, i) => String(i)) }),
      ),
  },
  {
    name: 'a move of an alert id that is an object',
    status: 400,
    message: /Every member of 'alertIds' must be a non-empty string id/,
    send: () => raw(`${GRAPH}/security/alerts_v2/moveAlerts`, 'POST', '{"alertIds":[{"id":"1"}]}'),
  },
  {
    name: 'a PATCH with a stale If-Match',
    status: 412,
    message: /was changed by someone else/,
    send: (s) =>
      call(incidentUrl(s), {
        method: 'PATCH',
        body: { severity: 'high' },
        headers: { 'If-Match': 'W/"0"' },
      }),
  },
  {
    name: 'an activity page of a negative size',
    status: 400,
    message: /'\$top' must be a non-negative integer/,
    send: (s) => call(`${MOCK}/incidents/${openIncidentId(s)}/activities?$top=-1`),
  },
];

describe('bad input: a clear 4xx in the envelope, and nothing changes', () => {
  it.each(CORPUS)('$name → $status', async ({ status, message, send }) => {
    await expectUnchanged(runtime(), async () => {
      const res = await send(runtime().store);
      expectGraphError(res, status, message);
    });
  });

  it('still answers normally after the deepest bodies', async () => {
    const res = await call(`${GRAPH}/security/incidents?$top=1`);
    expect(res.status).toBe(200);
  });
});

/** One list request from a grammar of Graph's options: values a client may send, valid or not. */
const listOption = {
  $top: fc.constantFrom('0', '1', '7', '49', '50', '51', '-1', '1.5', 'ten', ''),
  $skip: fc.constantFrom('0', '1', '49', '499', '500', '2478', '1000000', '-1', 'x'),
  $count: fc.constantFrom('true', 'false', 'TRUE', 'maybe'),
  $orderby: fc.constantFrom(
    'createdDateTime desc',
    'severity asc,id desc',
    'lastUpdateDateTime',
    'id asc',
    'nope desc',
    'severity sideways',
    '',
  ),
  $filter: fc.constantFrom(
    "status eq 'active'",
    "severity eq 'high' or severity eq 'medium'",
    'createdDateTime ge 2020-01-01T00:00:00Z',
    "status eq 'nope'",
    'assignedTo eq null',
    'createdDateTime ge 2026-13-45T00:00:00Z',
    '(((',
    '',
  ),
  $select: fc.constantFrom('id', 'id,severity,status', 'nope', ''),
};

describe('bad input: any mix of list options', () => {
  it('answers 200 with at most $top rows, or 400 in the envelope, never a 500', async () => {
    const incidents = runtime().store.incidents().length;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('incidents', 'alerts_v2'),
        fc.record(listOption, { requiredKeys: [] }),
        async (list, options) => {
          const query = new URLSearchParams(options).toString();
          const res = await call<{ value?: unknown[] }>(`${GRAPH}/security/${list}?${query}`);
          if (res.status === 200) {
            const top = options.$top === undefined ? 50 : Number(options.$top);
            expect(res.body.value!.length).toBeLessThanOrEqual(top);
          } else {
            expectGraphError(res, 400, /\S/);
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(runtime().store.incidents()).toHaveLength(incidents);
  });
});
