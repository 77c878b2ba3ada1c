/**
 * Writes through the contract: PATCH an incident and post comments. Every refusal leaves the store
 * deep-equal (law 5); every accepted change bumps the etag and writes the activity log.
 */
import { describe, expect, it } from 'vitest';
import type { AlertComment, Incident } from '@/domain/graph';
import type { IncidentRecord } from '@mocks/store/types';
import {
  ADMIN,
  call,
  ENDPOINT,
  expectGraphError,
  expectUnchanged,
  GRAPH,
  MOCK,
  READER,
  useMockGraph,
} from './helpers';

const { runtime } = useMockGraph();

function liveIncident(pred: (i: IncidentRecord) => boolean = () => true): IncidentRecord {
  const store = runtime().store;
  const found = store
    .incidents()
    .find((i) => i.status !== 'redirected' && i.status !== 'resolved' && pred(i));
  if (!found) throw new Error('no such incident in the seed');
  return found;
}

const patch = (id: string, body: unknown, extra: Parameters<typeof call>[1] = {}) =>
  call<Incident>(`${GRAPH}/security/incidents/${id}`, { method: 'PATCH', body, ...extra });

describe('PATCH security/incidents/{id}', () => {
  it('updates the fields, answers the full incident in camelCase, bumps the etag and logs each change', async () => {
    const incident = liveIncident((i) => i.classification === null);
    const before = await call<Incident>(`${GRAPH}/security/incidents/${incident.id}`);
    const logBefore = runtime().store.activities(incident.id).length;

    const res = await patch(incident.id, {
      classification: 'TruePositive',
      determination: 'MultiStagedAttack',
      assignedTo: 'tier2@contoso.com',
      customTags: ['VIP', 'Escalated'],
    });
    expect(res.status).toBe(200);
    expect(res.body.classification).toBe('truePositive');
    expect(res.body.determination).toBe('multiStagedAttack');
    expect(res.body.assignedTo).toBe('tier2@contoso.com');
    expect(res.body.customTags).toEqual(['VIP', 'Escalated']);
    expect(res.body.lastModifiedBy).toBe('analyst@contoso.com');
    expect(res.body['@odata.etag']).not.toBe(before.body['@odata.etag']);
    expect(res.body.lastUpdateDateTime! > before.body.lastUpdateDateTime!).toBe(true);

    const log = runtime().store.activities(incident.id).slice(logBefore);
    expect(log.map((e) => e.action).sort()).toEqual(
      [
        'assignedToChanged',
        'classificationChanged',
        'customTagsChanged',
        'determinationChanged',
      ].sort(),
    );
    expect(log.every((e) => e.performedBy === 'analyst@contoso.com')).toBe(true);
    // Assigning an incident assigns its alerts too.
    for (const a of runtime().store.alertsOf(incident.id))
      expect(a.assignedTo).toBe('tier2@contoso.com');
  });

  it('resolving resolves the linked active alerts', async () => {
    const store = runtime().store;
    const incident = liveIncident((i) => store.alertsOf(i.id).some((a) => a.status !== 'resolved'));
    const res = await patch(incident.id, { status: 'resolved', resolvingComment: 'Contained.' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('resolved');
    for (const a of store.alertsOf(incident.id)) expect(a.status).toBe('resolved');
  });

  it('setting severity by hand sticks', async () => {
    const incident = liveIncident((i) => i.severity !== 'informational');
    const res = await patch(incident.id, { severity: 'informational' });
    expect(res.body.severity).toBe('informational');
    expect(runtime().store.incident(incident.id)!.severitySetByHand).toBe(true);
  });

  it('sending the current values changes nothing and logs nothing', async () => {
    const incident = liveIncident();
    await expectUnchanged(runtime(), async () => {
      const res = await patch(incident.id, {
        status: incident.status,
        assignedTo: incident.assignedTo,
      });
      expect(res.status).toBe(200);
    });
  });

  it.each([
    [{ status: 'redirected' }, /mergeIncidents/],
    [{ status: 'awaitingAction' }, /Defender Experts/],
    [{ status: 'closed' }, /closed/],
    [{ severity: 'critical' }, /critical/],
    [{ classification: 'falsePositive', determination: 'malware' }, /malware.*falsePositive/],
    [{ determination: 'phishing' }, /classification/],
    [{ displayName: '' }, /displayName/],
    [{ displayName: 'x'.repeat(257) }, /256/],
    [{ customTags: 'VIP' }, /customTags/],
    [{ customTags: [''] }, /empty/],
    [{ id: '7' }, /Cannot set property 'id'/],
    [{ priorityScore: 5 }, /priorityScore/],
    [{ assignedTo: 42 }, /assignedTo/],
  ])('refuses %o with 400 naming the problem, changing nothing', async (body, part) => {
    const incident = liveIncident((i) => i.classification === null);
    await expectUnchanged(runtime(), async () => {
      expectGraphError(await patch(incident.id, body), 400, part);
    });
  });

  it.each([
    ['not json', /JSON/],
    ['[1,2]', /object/],
    ['', /empty/],
  ])('refuses the body %j with 400', async (raw, part) => {
    const incident = liveIncident();
    await expectUnchanged(runtime(), async () => {
      expectGraphError(await patch(incident.id, raw), 400, part);
    });
  });

  it('answers 412 for a stale If-Match and changes nothing', async () => {
    const incident = liveIncident();
    const etag = `W/"${incident.version}"`;
    const ok = await patch(incident.id, { summary: 'first' }, { headers: { 'If-Match': etag } });
    expect(ok.status).toBe(200);
    await expectUnchanged(runtime(), async () => {
      expectGraphError(
        await patch(incident.id, { summary: 'second' }, { headers: { 'If-Match': etag } }),
        412,
        /changed by someone else/,
      );
    });
  });

  it('reads If-Match as RFC 9110 does: a list, a strong tag, *; a malformed one is refused, naming it', async () => {
    const incident = liveIncident();
    const version = () => runtime().store.incident(incident.id)!.version;
    // Each made from the version as it is before its own PATCH.
    const headers = [(v: number) => `W/"0", W/"${v}"`, (v: number) => `"${v}"`, () => '*'];
    for (const make of headers) {
      const sent = make(version());
      const res = await patch(incident.id, { summary: sent }, { headers: { 'If-Match': sent } });
      expect(res.status, sent).toBe(200);
    }
    await expectUnchanged(runtime(), async () => {
      for (const header of ['garbage', 'W/12', `W/"${version()}" W/"1"`]) {
        expectGraphError(
          await patch(incident.id, { summary: 'never' }, { headers: { 'If-Match': header } }),
          400,
          /^The If-Match header must be \* or entity tags such as W\/"12"/,
        );
      }
    });
  });

  it('answers 403 to the reader and to a persona missing a source, 404 to unknown ids', async () => {
    const store = runtime().store;
    const incident = liveIncident(
      (i) =>
        store.sourcesOf(i.id).length > 1 &&
        store.sourcesOf(i.id).includes('microsoftDefenderForEndpoint'),
    );
    await expectUnchanged(runtime(), async () => {
      expectGraphError(
        await patch(incident.id, { summary: 'x' }, { as: READER }),
        403,
        /read-only/,
      );
      expectGraphError(
        await patch(incident.id, { summary: 'x' }, { as: ENDPOINT }),
        403,
        /no manage permission/,
      );
      expectGraphError(await patch('987654', { summary: 'x' }), 404, /987654/);
    });
    expect((await patch(incident.id, { summary: 'by admin' }, { as: ADMIN })).status).toBe(200);
  });

  it('refuses to change a redirected incident and names where its content went', async () => {
    const redirected = runtime()
      .store.incidents()
      .find((i) => i.status === 'redirected')!;
    await expectUnchanged(runtime(), async () => {
      expectGraphError(
        await patch(redirected.id, { summary: 'x' }),
        400,
        new RegExp(redirected.redirectIncidentId!),
      );
    });
  });
});

describe('POST security/incidents/{id}/comments', () => {
  it('adds the comment, answers the full list, and logs it as a comment', async () => {
    const incident = liveIncident();
    const before = incident.comments.length;
    const res = await call<{ value: AlertComment[] }>(
      `${GRAPH}/security/incidents/${incident.id}/comments`,
      {
        method: 'POST',
        body: {
          '@odata.type': 'microsoft.graph.security.alertComment',
          comment: 'Isolated the device.',
        },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.value).toHaveLength(before + 1);
    expect(res.body.value.at(-1)).toMatchObject({
      comment: 'Isolated the device.',
      createdByDisplayName: 'analyst@contoso.com',
    });
    const last = runtime().store.activities(incident.id).at(-1)!;
    expect(last).toMatchObject({ kind: 'comment', comment: 'Isolated the device.' });
  });

  it.each([
    [{}, /comment/],
    [{ comment: '   ' }, /non-empty/],
    [{ comment: 'x'.repeat(30_001) }, /30000/],
    [{ comment: 'ok', extra: 1 }, /extra/],
  ])('refuses %o with 400, changing nothing', async (body, part) => {
    const incident = liveIncident();
    await expectUnchanged(runtime(), async () => {
      expectGraphError(
        await call(`${GRAPH}/security/incidents/${incident.id}/comments`, { method: 'POST', body }),
        400,
        part,
      );
    });
  });
});

describe('PATCH security/alerts_v2/{id} and alert comments', () => {
  const alertUrl = (id: string) => `${GRAPH}/security/alerts_v2/${id}`;

  it('updates status, owner and classification, logging each on the alert’s incident', async () => {
    const store = runtime().store;
    const incident = liveIncident((i) => store.alertsOf(i.id).some((a) => a.status === 'new'));
    const alert = store.alertsOf(incident.id).find((a) => a.status === 'new')!;
    const before = incident.version;
    const logBefore = store.activities(incident.id).length;
    const owner =
      alert.assignedTo === 'tier1@contoso.com' ? 'tier2@contoso.com' : 'tier1@contoso.com';
    const res = await call<{
      status: string;
      assignedTo: string;
      classification: string;
      determination: string;
      resolvedDateTime: string | null;
    }>(alertUrl(alert.id), {
      method: 'PATCH',
      body: {
        status: 'Resolved',
        assignedTo: owner,
        classification: 'falsePositive',
        determination: 'notMalicious',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'resolved',
      assignedTo: owner,
      classification: 'falsePositive',
      determination: 'notMalicious',
    });
    expect(res.body.resolvedDateTime).not.toBeNull();
    const audits = store
      .activities(incident.id)
      .slice(logBefore)
      .filter((e) => e.targetId === alert.id && e.kind === 'audit');
    expect(audits.map((e) => e.action).sort()).toEqual(
      [
        'alertAssignedToChanged',
        'alertClassificationChanged',
        'alertDeterminationChanged',
        'alertStatusChanged',
      ].sort(),
    );
    expect(store.incident(incident.id)!.version).not.toBe(before);
  });

  it.each([
    [{ status: 'closed' }, /closed/],
    [{ severity: 'high' }, /Cannot set property 'severity'/],
    [
      { classification: 'truePositive', determination: 'notMalicious' },
      /notMalicious.*truePositive/,
    ],
  ])('refuses %o with 400, changing nothing', async (body, part) => {
    const alert = runtime().store.alertsOf(liveIncident().id)[0]!;
    await expectUnchanged(runtime(), async () => {
      expectGraphError(await call(alertUrl(alert.id), { method: 'PATCH', body }), 400, part);
    });
  });

  it('answers 403 to the reader, 404 to a hidden or unknown alert', async () => {
    const store = runtime().store;
    const foreign = store
      .alerts()
      .find(
        (a) =>
          a.serviceSource !== 'microsoftDefenderForEndpoint' &&
          store.incident(a.incidentId)?.status !== 'redirected',
      )!;
    await expectUnchanged(runtime(), async () => {
      expectGraphError(
        await call(alertUrl(foreign.id), {
          method: 'PATCH',
          body: { status: 'inProgress' },
          as: READER,
        }),
        403,
        /read-only access .* Missing permission SecurityAlert\.ReadWrite\.All\.$/,
      );
      expectGraphError(
        await call(alertUrl(foreign.id), {
          method: 'PATCH',
          body: { status: 'inProgress' },
          as: ENDPOINT,
        }),
        404,
      );
      expectGraphError(
        await call(alertUrl('da404'), { method: 'PATCH', body: { status: 'inProgress' } }),
        404,
        /da404/,
      );
    });
  });

  it('adds an alert comment, answers the full list and logs it as a comment on the incident', async () => {
    const store = runtime().store;
    const incident = liveIncident();
    const alert = store.alertsOf(incident.id)[0]!;
    const res = await call<{ value: AlertComment[] }>(`${alertUrl(alert.id)}/comments`, {
      method: 'POST',
      body: { comment: 'Checked the host.' },
    });
    expect(res.status).toBe(200);
    expect(res.body.value.at(-1)).toMatchObject({ comment: 'Checked the host.' });
    expect(store.activities(incident.id).at(-1)).toMatchObject({
      kind: 'comment',
      targetId: alert.id,
    });
    await expectUnchanged(runtime(), async () => {
      expectGraphError(
        await call(`${alertUrl(alert.id)}/comments`, { method: 'POST', body: { comment: '' } }),
        400,
        /non-empty/,
      );
    });
  });
});

describe('activity log filters', () => {
  it('filters by who performed the entry', async () => {
    const incident = liveIncident();
    await patch(incident.id, { summary: 'by the analyst' });
    const res = await call<{ value: { performedBy: string }[]; '@odata.count': number }>(
      `${MOCK}/incidents/${incident.id}/activities?performedBy=ANALYST@contoso.com&$top=200`,
    );
    expect(res.status).toBe(200);
    expect(res.body.value.length).toBeGreaterThan(0);
    expect(res.body.value.every((e) => e.performedBy === 'analyst@contoso.com')).toBe(true);
    expect(res.body['@odata.count']).toBe(
      runtime()
        .store.activities(incident.id)
        .filter((e) => e.performedBy === 'analyst@contoso.com').length,
    );
  });
});
