/**
 * `GET security/incidents` and `GET security/incidents/{id}` through the real handlers: every OData
 * option, every error, both API versions, personas' visibility.
 */
import { describe, expect, it } from 'vitest';
import type { Incident, ODataCollection } from '@/domain/graph';
import { SEVERITY_RANK } from '@/domain/enums';
import { armIncidentId } from '@mocks/handlers/arm-serialize';
import type { IncidentRecord } from '@mocks/store/types';
import { BETA, call, ENDPOINT, expectGraphError, GRAPH, useMockGraph } from './helpers';

const { runtime } = useMockGraph();

type List = ODataCollection<Incident>;

const q = (params: Record<string, string>) =>
  `${GRAPH}/security/incidents?${new URLSearchParams(params).toString()}`;

/** Reads every page by following @odata.nextLink verbatim. */
async function readAll(url: string, as?: string): Promise<Incident[]> {
  const out: Incident[] = [];
  let next: string | undefined = url;
  let pages = 0;
  while (next) {
    const res: { status: number; body: List } = await call<List>(next, as ? { as } : {});
    expect(res.status).toBe(200);
    out.push(...res.body.value);
    next = res.body['@odata.nextLink'];
    pages += 1;
    expect(pages).toBeLessThan(500);
  }
  return out;
}

function storeIds(pred: (i: IncidentRecord) => boolean) {
  return runtime()
    .store.incidents()
    .filter(pred)
    .map((i) => i.id)
    .sort();
}

describe('list: envelope and paging', () => {
  it('answers a Graph collection with context, etags, and at most 50 rows by default', async () => {
    const res = await call<List>(`${GRAPH}/security/incidents`);
    expect(res.status).toBe(200);
    expect(res.body['@odata.context']).toBe(
      'https://graph.microsoft.com/v1.0/$metadata#security/incidents',
    );
    expect(res.body.value).toHaveLength(50);
    for (const i of res.body.value) {
      expect(i['@odata.etag']).toMatch(/^W\/".+"$/);
      expect(typeof i.id).toBe('string');
      expect(i.incidentWebUrl).toContain(`/incident2/${i.id}/`);
    }
    // Most recent first when no $orderby is given.
    const created = res.body.value.map((i) => i.createdDateTime ?? '');
    expect([...created].sort().reverse()).toEqual(created);
  });

  it('pages with an absolute @odata.nextLink usable verbatim, covering every incident once', async () => {
    const first = await call<List>(q({ $top: '40', $count: 'true' }));
    const total = first.body['@odata.count'];
    expect(total).toBe(runtime().store.incidents().length);
    expect(first.body['@odata.nextLink']).toMatch(
      /^https:\/\/graph\.microsoft\.com\/v1\.0\/security\/incidents\?/,
    );
    const all = await readAll(q({ $top: '40' }));
    expect(all).toHaveLength(total!);
    expect(new Set(all.map((i) => i.id)).size).toBe(total);
  });

  it('honours $skip and $top together, and omits nextLink on the last page', async () => {
    const all = await readAll(q({ $top: '50', $orderby: 'createdDateTime asc' }));
    const page = await call<List>(q({ $top: '7', $skip: '10', $orderby: 'createdDateTime asc' }));
    expect(page.body.value.map((i) => i.id)).toEqual(all.slice(10, 17).map((i) => i.id));
    const last = await call<List>(q({ $top: '50', $skip: String(all.length - 3) }));
    expect(last.body.value).toHaveLength(3);
    expect(last.body['@odata.nextLink']).toBeUndefined();
  });

  it("answers $top=0 with no rows and the count, in the default order and in a client's", async () => {
    const total = runtime().store.incidents().length;
    const views: Record<string, string>[] = [
      { $top: '0', $count: 'true' },
      { $top: '0', $count: 'true', $orderby: 'severity desc' },
      { $top: '0', $skip: '10', $count: 'true', $filter: "status eq 'active'" },
    ];
    for (const params of views) {
      const res = await call<List>(q(params));
      expect(res.status, JSON.stringify(params)).toBe(200);
      expect(res.body.value).toEqual([]);
      expect(res.body['@odata.nextLink']).toBeUndefined();
      if (!params.$filter) expect(res.body['@odata.count']).toBe(total);
      else expect(res.body['@odata.count']).toBeGreaterThan(0);
    }
    const alerts = await call<List>(`${GRAPH}/security/alerts_v2?$top=0&$count=true`);
    expect(alerts.status).toBe(200);
    expect(alerts.body.value).toEqual([]);
    expect(alerts.body['@odata.count']).toBe(runtime().store.alerts().length);
  });

  it('refuses $top above 50 with the exact Graph text and an empty code', async () => {
    const res = await call(q({ $top: '100' }));
    expectGraphError(
      res,
      400,
      "The query specified in the URI is not valid. The limit of '50' for Top query has been exceeded. The value from the incoming request is '100'.",
    );
    expect((res.body as { error: { code: string } }).error.code).toBe('');
  });

  it.each([
    [{ $top: 'ten' }, /\$top/],
    [{ $top: '-1' }, /\$top/],
    [{ $skip: 'x' }, /\$skip/],
    [{ $count: 'yes' }, /\$count/],
    [{ $foo: '1' }, /\$foo/],
    [{ $search: 'phish' }, /'\$search' is not supported.*contains\(displayName/],
    [{ $expand: 'comments' }, /comments/],
    [{ $select: 'nope' }, /nope/],
    [{ $orderby: 'customTags desc' }, /customTags/],
  ])('refuses bad query option %o with a message naming it', async (params, part) => {
    expectGraphError(await call(q(params)), 400, part);
  });

  it('serves the beta endpoint with the same data', async () => {
    const v1 = await call<List>(q({ $top: '5' }));
    const beta = await call<List>(`${BETA}/security/incidents?$top=5`);
    expect(beta.status).toBe(200);
    expect(beta.body['@odata.context']).toContain('/beta/$metadata');
    expect(beta.body.value.map((i) => i.id)).toEqual(v1.body.value.map((i) => i.id));
  });
});

describe('list: $filter', () => {
  it.each<[string, (i: IncidentRecord) => boolean]>([
    ["status eq 'active'", (i: IncidentRecord) => i.status === 'active'],
    ["status ne 'resolved'", (i: IncidentRecord) => i.status !== 'resolved'],
    ["severity eq 'HIGH'", (i: IncidentRecord) => i.severity === 'high'],
    [
      "severity ge 'medium'",
      (i: IncidentRecord) => SEVERITY_RANK[i.severity] >= SEVERITY_RANK.medium,
    ],
    ['assignedTo eq null', (i: IncidentRecord) => i.assignedTo === null],
    [
      "assignedTo eq 'analyst@contoso.com'",
      (i: IncidentRecord) => i.assignedTo === 'analyst@contoso.com',
    ],
    [
      "classification eq 'truePositive' and determination ne null",
      (i: IncidentRecord) => i.classification === 'truePositive' && i.determination !== null,
    ],
    [
      "(status eq 'active' or status eq 'inProgress') and severity eq 'high'",
      (i: IncidentRecord) =>
        (i.status === 'active' || i.status === 'inProgress') && i.severity === 'high',
    ],
    [
      "status eq 'active' or status eq 'inProgress' and severity eq 'high'",
      (i: IncidentRecord) =>
        i.status === 'active' || (i.status === 'inProgress' && i.severity === 'high'),
    ],
  ])('%s matches exactly the incidents the store holds', async (filter, pred) => {
    const got = (await readAll(q({ $filter: filter, $top: '50' }))).map((i) => i.id).sort();
    const want = storeIds(pred);
    expect(want.length).toBeGreaterThan(0);
    expect(got).toEqual(want);
  });

  it('compares dates as instants (gt, ge, lt, le)', async () => {
    const all = runtime().store.incidents();
    const mid = [...all].map((i) => i.createdDateTime).sort()[Math.floor(all.length / 2)]!;
    const cases: [string, (d: string) => boolean][] = [
      [`createdDateTime ge ${mid}`, (d) => d >= mid],
      [`createdDateTime gt ${mid}`, (d) => d > mid],
      [`createdDateTime lt ${mid}`, (d) => d < mid],
      [`createdDateTime le ${mid}`, (d) => d <= mid],
    ];
    for (const [filter, pred] of cases) {
      const res = await call<List>(q({ $filter: filter, $count: 'true', $top: '1' }));
      expect(res.status).toBe(200);
      expect(res.body['@odata.count']).toBe(all.filter((i) => pred(i.createdDateTime)).length);
    }
    const updated = await call<List>(
      q({ $filter: `lastUpdateDateTime le ${new Date(0).toISOString()}`, $count: 'true' }),
    );
    expect(updated.body['@odata.count']).toBe(0);
  });

  it('supports the documented mock extensions: tags, service source, name-or-id search', async () => {
    const tagged = runtime()
      .store.incidents()
      .find((i) => i.customTags.length > 0)!;
    const tag = tagged.customTags[0]!;
    const byTag = await readAll(
      q({ $filter: `customTags/any(t:t eq '${tag.replaceAll("'", "''")}')` }),
    );
    expect(byTag.map((i) => i.id).sort()).toEqual(storeIds((i) => i.customTags.includes(tag)));

    const store = runtime().store;
    const bySource = await readAll(
      q({ $filter: "alerts/any(a:a/serviceSource eq 'microsoftDefenderForIdentity')" }),
    );
    expect(bySource.map((i) => i.id).sort()).toEqual(
      storeIds((i) => store.summary(i.id).serviceSources.includes('microsoftDefenderForIdentity')),
    );

    const some = store.incidents()[3]!;
    const byId = await call<List>(
      q({ $filter: `contains(displayName,'${some.id}') or id eq '${some.id}'` }),
    );
    expect(byId.body.value.map((i) => i.id)).toContain(some.id);
    const word = 'multi-stage';
    const byName = await readAll(q({ $filter: `contains(displayName,'${word}')` }));
    expect(byName.map((i) => i.id).sort()).toEqual(
      storeIds((i) => i.displayName.toLowerCase().includes(word)),
    );
  });

  it.each([
    ["displayName eq 'x'", /displayName/],
    ["customTags eq 'x'", /customTags/],
    ["colour eq 'red'", /colour/],
    ["severity eq 'catastrophic'", /catastrophic/],
    ["status eq 'active' and", /position|end/i],
    ["(status eq 'active'", /\)|position/],
    ["status eq 'active", /unterminated|quote|string/i],
    ['createdDateTime ge yesterday', /yesterday/],
  ])('refuses %s with a 400 naming the problem', async (filter, part) => {
    expectGraphError(await call(q({ $filter: filter })), 400, part);
  });
});

describe('list: $orderby, $select, $expand', () => {
  it('sorts by severity (enum order) then the given tiebreak', async () => {
    const rows = await readAll(q({ $orderby: 'severity desc,createdDateTime asc', $top: '50' }));
    for (let k = 1; k < rows.length; k++) {
      const a = rows[k - 1]!;
      const b = rows[k]!;
      const ra = SEVERITY_RANK[a.severity!];
      const rb = SEVERITY_RANK[b.severity!];
      expect(ra).toBeGreaterThanOrEqual(rb);
      if (ra === rb) expect(a.createdDateTime! <= b.createdDateTime!).toBe(true);
    }
  });

  it('returns only the selected properties (plus id and etag)', async () => {
    const res = await call<List>(q({ $select: 'displayName,severity', $top: '3' }));
    expect(res.status).toBe(200);
    for (const i of res.body.value) {
      expect(Object.keys(i).sort()).toEqual(['@odata.etag', 'displayName', 'id', 'severity']);
    }
  });

  it('expands alerts, each belonging to its incident', async () => {
    const res = await call<List>(
      q({ $expand: 'alerts', $top: '10', $filter: "status ne 'redirected'" }),
    );
    for (const i of res.body.value) {
      expect(i.alerts!.length).toBe(runtime().store.alertIdsOf(i.id!).length);
      for (const a of i.alerts!) expect(a.incidentId).toBe(i.id);
    }
  });
});

describe('get one incident', () => {
  it('returns the incident with alerts on $expand, and 404 in the envelope for an unknown id', async () => {
    const some = runtime()
      .store.incidents()
      .find((i) => i.status !== 'redirected')!;
    const res = await call<Incident>(`${GRAPH}/security/incidents/${some.id}?$expand=alerts`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(some.id);
    expect(res.body['@odata.etag']).toBe(`W/"${some.version}"`);
    expect(res.body.alerts?.length).toBeGreaterThan(0);
    expectGraphError(await call(`${GRAPH}/security/incidents/999999`), 404, /999999/);
  });

  it('sizes its JSON answers in bytes: Content-Length holds for a name outside ASCII', async () => {
    const some = runtime()
      .store.incidents()
      .find((i) => i.status === 'active')!;
    const name = 'Phishing – Zürich office → 東京 👀';
    const patched = await call(`${GRAPH}/security/incidents/${some.id}`, {
      method: 'PATCH',
      body: { displayName: name },
    });
    expect(patched.status).toBe(200);

    const res = await fetch(`${GRAPH}/security/incidents/${some.id}`, {
      headers: { Authorization: `Bearer mock.analyst@contoso.com` },
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(res.headers.get('OData-Version')).toBe('4.0');
    expect(res.headers.get('Content-Length')).toBe(String(bytes.byteLength));
    const body = JSON.parse(new TextDecoder().decode(bytes)) as Incident;
    expect(body.displayName).toBe(name);
    // More bytes than characters: a length counted in UTF-16 units would be short.
    expect(bytes.byteLength).toBeGreaterThan(JSON.stringify(body).length);

    // An error envelope is sized the same way.
    const missing = await fetch(`${GRAPH}/security/incidents/999999`, {
      headers: { Authorization: `Bearer mock.analyst@contoso.com` },
    });
    const errorBytes = new Uint8Array(await missing.arrayBuffer());
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Content-Length')).toBe(String(errorBytes.byteLength));
  });

  it('takes $select on one incident or alert as on their lists, and refuses what only a list takes', async () => {
    const store = runtime().store;
    const some = store.incidents().find((i) => i.status !== 'redirected')!;
    const alert = store.alertsOf(some.id)[0]!;
    const one = await call<Record<string, unknown>>(
      `${GRAPH}/security/incidents/${some.id}?$select=severity,status`,
    );
    expect(one.status).toBe(200);
    expect(
      Object.keys(one.body)
        .filter((k) => !k.startsWith('@'))
        .sort(),
    ).toEqual(['id', 'severity', 'status']);
    const oneAlert = await call<Record<string, unknown>>(
      `${GRAPH}/security/alerts_v2/${alert.id}?$select=title`,
    );
    expect(
      Object.keys(oneAlert.body)
        .filter((k) => !k.startsWith('@'))
        .sort(),
    ).toEqual(['id', 'title']);
    for (const [url, part] of [
      [`security/incidents/${some.id}?$select=nope`, /nope/],
      [`security/incidents/${some.id}?$top=1`, /'\$top' applies to a list/],
      [`security/incidents/${some.id}?$filter=status eq 'active'`, /'\$filter' applies to a list/],
      [`security/incidents/${some.id}?$foo=1`, /\$foo/],
      [`security/incidents/${some.id}?$select=id&$select=status`, /more than once/],
      [`security/alerts_v2/${alert.id}?$orderby=title`, /'\$orderby' applies to a list/],
      [`security/alerts_v2/${alert.id}?$select=nope`, /nope/],
    ] as const) {
      expectGraphError(await call(`${GRAPH}/${url}`), 400, part);
    }
  });

  it('keeps only the properties a $select inside $expand names, on the list and on one incident', async () => {
    const fields = ['id', 'title', 'severity', 'serviceSource'];
    const list = await call<ODataCollection<Incident>>(
      `${GRAPH}/security/incidents?$top=5&$expand=alerts($select=title,severity,serviceSource)`,
    );
    expect(list.status).toBe(200);
    const alerts = list.body.value.flatMap((i) => i.alerts ?? []);
    expect(alerts.length).toBeGreaterThan(0);
    for (const alert of alerts) expect(Object.keys(alert).sort()).toEqual([...fields].sort());
    const full = await call<ODataCollection<Incident>>(
      `${GRAPH}/security/incidents?$top=5&$expand=alerts`,
    );
    expect(full.body.value.map((i) => i.alerts?.map((a) => a.id))).toEqual(
      list.body.value.map((i) => i.alerts?.map((a) => a.id)),
    );
    const one = list.body.value[0]!;
    const res = await call<Incident>(
      `${GRAPH}/security/incidents/${one.id}?$expand=alerts($select=title,severity,serviceSource)`,
    );
    expect(res.status).toBe(200);
    for (const alert of res.body.alerts ?? []) {
      expect(Object.keys(alert).sort()).toEqual([...fields].sort());
    }
    expectGraphError(
      await call(`${GRAPH}/security/incidents/${one.id}?$expand=alerts($top=1)`),
      400,
      /'\$top' inside \$expand is not supported/,
    );
  });

  it('returns a redirected incident as it is, with its redirectIncidentId', async () => {
    const redirected = runtime()
      .store.incidents()
      .find((i) => i.status === 'redirected')!;
    const res = await call<Incident>(`${GRAPH}/security/incidents/${redirected.id}`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('redirected');
    expect(res.body.redirectIncidentId).toBe(redirected.redirectIncidentId);
  });
});

describe('identity', () => {
  it('answers 401 without a token, with a malformed one, and for an unknown persona', async () => {
    expectGraphError(await call(`${GRAPH}/security/incidents`, { as: null }), 401, /missing/i);
    expectGraphError(
      await call(`${GRAPH}/security/incidents`, {
        as: null,
        headers: { Authorization: 'Bearer xyz' },
      }),
      401,
      /invalid/i,
    );
    expectGraphError(
      await call(`${GRAPH}/security/incidents`, { as: 'mallory@evil.com' }),
      401,
      /mallory/,
    );
  });

  it('shows a source-scoped persona only incidents and alerts of its source', async () => {
    const store = runtime().store;
    const scoped = await readAll(q({ $expand: 'alerts', $top: '50' }), ENDPOINT);
    const want = storeIds((i) => store.sourcesOf(i.id).includes('microsoftDefenderForEndpoint'));
    expect(scoped.map((i) => i.id).sort()).toEqual(want);
    expect(want.length).toBeLessThan(store.incidents().length);
    for (const i of scoped)
      for (const a of i.alerts!) expect(a.serviceSource).toBe('microsoftDefenderForEndpoint');

    const hidden = store
      .incidents()
      .find(
        (i) =>
          !store.sourcesOf(i.id).includes('microsoftDefenderForEndpoint') &&
          i.status !== 'redirected',
      )!;
    expectGraphError(await call(`${GRAPH}/security/incidents/${hidden.id}`, { as: ENDPOINT }), 404);
  });
  it('gives a scoped persona one name for an incident, on Graph and ARM, and filters and sorts on it alone', async () => {
    const store = runtime().store;
    // An incident with an automatic name whose alerts the endpoint persona sees only some of.
    const scopedNames = new Map(
      (await readAll(q({ $top: '50', $select: 'displayName' }), ENDPOINT)).map((i) => [
        i.id,
        i.displayName,
      ]),
    );
    const partial = store
      .incidents()
      .find(
        (i) =>
          i.workspace !== null && scopedNames.has(i.id) && scopedNames.get(i.id) !== i.displayName,
      )!;
    expect(partial, 'an incident whose name the endpoint persona reads differently').toBeDefined();
    const seen = scopedNames.get(partial.id)!;

    // ARM's title is that name too.
    const arm = await call<{ properties: { title: string } }>(
      `https://management.azure.com${armIncidentId(partial)!}?api-version=2024-03-01`,
      { as: ENDPOINT },
    );
    expect(arm.status).toBe(200);
    expect(arm.body.properties.title).toBe(seen);

    // contains() matches the name it reads, never the full one.
    const fullOnly = partial.displayName.split(' ').find((word) => !seen.includes(word))!;
    expect(fullOnly, 'a word of the full name missing from the scoped one').toBeDefined();
    const found = await readAll(
      q({ $filter: `contains(displayName,'${fullOnly.replace(/'/g, "''")}')`, $top: '50' }),
      ENDPOINT,
    );
    for (const i of found)
      expect((i.displayName ?? '').toLowerCase()).toContain(fullOnly.toLowerCase());
    expect(found.map((i) => i.id)).not.toContain(partial.id);

    // $orderby=displayName orders by the names it reads.
    const sorted = (await readAll(q({ $orderby: 'displayName asc', $top: '50' }), ENDPOINT)).map(
      (i) => (i.displayName ?? '').toLowerCase(),
    );
    expect(sorted).toEqual([...sorted].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe("list: the queue's time range and export paging", () => {
  it('filters on lastUpdateDateTime with unquoted UTC instants, as the time range sends them', async () => {
    const incidents = runtime().store.incidents();
    const times = incidents.map((i) => i.lastUpdateDateTime).sort();
    const from = times[Math.floor(times.length / 2)]!;
    const to = times[times.length - 1]!;
    const fromInstant = new Date(from).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const all = await readAll(
      q({
        $filter: `lastUpdateDateTime ge ${fromInstant} and lastUpdateDateTime le ${to}`,
        $top: '50',
      }),
    );
    const expected = storeIds(
      (i) =>
        Date.parse(i.lastUpdateDateTime) >= Date.parse(fromInstant) &&
        Date.parse(i.lastUpdateDateTime) <= Date.parse(to),
    );
    expect(all.map((i) => i.id).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(incidents.length);
  });

  it("keeps the view's $filter, $orderby and $expand=alerts($select=…) in every nextLink", async () => {
    const first = await call<List>(
      q({
        $filter: "status eq 'active' and lastUpdateDateTime ge 2000-01-01T00:00:00Z",
        $orderby: 'id asc',
        $expand: 'alerts($select=title,serviceSource)',
        $top: '50',
        $count: 'true',
      }),
    );
    const next = new URL(first.body['@odata.nextLink']!);
    expect(next.searchParams.get('$filter')).toBe(
      "status eq 'active' and lastUpdateDateTime ge 2000-01-01T00:00:00Z",
    );
    expect(next.searchParams.get('$orderby')).toBe('id asc');
    expect(next.searchParams.get('$expand')).toBe('alerts($select=title,serviceSource)');
    const second = await call<List>(next.toString());
    const alert = second.body.value.find((i) => (i.alerts?.length ?? 0) > 0)?.alerts?.[0];
    expect(Object.keys(alert ?? {}).sort()).toEqual(
      expect.arrayContaining(['serviceSource', 'title']),
    );
    expect(alert).not.toHaveProperty('evidence');
  });
});
