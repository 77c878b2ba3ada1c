/**
 * The activity log's wording lives once (src/domain/audit.ts): an entry reads the same whether
 * the seed or a live operation wrote it, and a scoped reader is told nothing of hidden alerts.
 */
import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '@/domain/activity';
import * as audit from '@/domain/audit';
import type { AlertClassification, AlertDetermination, IncidentStatus } from '@/domain/enums';
import { TEST_NOW, steppingClock } from '@mocks/test-runtime';
import { IncidentStore } from '@mocks/store/incident-store';
import { addIncidentComment, updateIncident } from '@mocks/store/incident-ops';
import { DIRECTORY, findPersona } from '@mocks/store/personas';
import { generateSeed } from '@mocks/store/seed/generate';

const state = generateSeed({ seed: 7, size: 'default', now: TEST_NOW });
const seeded = Object.values(state.activities).flat();
const nameOf = (upn: string) => DIRECTORY.find((p) => p.id === upn)?.displayName ?? upn;

/** The wording the builders give an entry's facts, for the actions analysts perform. */
function rebuilt(e: ActivityEntry): string | undefined {
  switch (e.action) {
    case 'assignedToChanged':
      return e.performedBy.startsWith('Microsoft Defender XDR')
        ? undefined
        : audit.assignmentChanged(e.oldValue as string | null, e.newValue as string | null)
            .description;
    case 'statusChanged':
      return audit.statusChanged(e.oldValue as IncidentStatus, e.newValue as IncidentStatus)
        .description;
    case 'classificationChanged':
      return audit.classificationChanged(
        e.oldValue as AlertClassification | null,
        e.newValue as AlertClassification | null,
      ).description;
    case 'determinationChanged':
      return audit.determinationChanged(
        e.oldValue as AlertDetermination | null,
        e.newValue as AlertDetermination | null,
      ).description;
    case 'customTagsChanged':
      return e.performedBy.startsWith('Microsoft Defender XDR')
        ? undefined
        : audit.tagsChanged(e.oldValue as string[], e.newValue as string[])?.description;
    case 'commentAdded':
      return e.description.endsWith('on the merge.')
        ? audit.mergeCommented(nameOf(e.performedBy), e.comment ?? '').description
        : audit.commentAdded(nameOf(e.performedBy), e.comment ?? '').description;
    default:
      return undefined;
  }
}

describe('one wording for the seed and the store', () => {
  it('words every seeded analyst action as the builders do', () => {
    const checked = seeded.filter((e) => rebuilt(e) !== undefined);
    expect(checked.length).toBeGreaterThan(1000);
    for (const e of checked) expect(e.description, e.id).toBe(rebuilt(e));
  });

  it('signs seeded comments with the display name, as live comments are signed', () => {
    const comments = seeded.filter((e) => e.action === 'commentAdded');
    expect(comments.length).toBeGreaterThan(50);
    for (const e of comments) expect(e.description.startsWith(nameOf(e.performedBy))).toBe(true);
    expect(comments.some((e) => e.description.includes('@'))).toBe(false);
  });

  it('words a live assignment and comment exactly as a seeded one', () => {
    const store = new IncidentStore(structuredClone(state), { clock: steppingClock(TEST_NOW) });
    const analyst = findPersona('analyst@contoso.com')!;
    const incident = store.incidents().find((i) => i.status === 'active' && i.assignedTo === null)!;
    expect(
      updateIncident(store, analyst, incident.id, { assignedTo: 'tier1@contoso.com' }).ok,
    ).toBe(true);
    expect(addIncidentComment(store, analyst, incident.id, 'On it.').ok).toBe(true);
    const live = store.activities(incident.id).slice(-2);
    expect(live.map((e) => e.description)).toEqual([
      'Assigned to tier1@contoso.com (was Unassigned).',
      'Avery Analyst added a comment.',
    ]);
    const seededAssignment = seeded.find(
      (e) => e.action === 'assignedToChanged' && e.oldValue === null,
    );
    expect(seededAssignment?.description).toMatch(/^Assigned to \S+( \S+)* \(was Unassigned\)\.$/);
  });
});

describe('redactForReader', () => {
  const entry = (fields: Partial<ActivityEntry>): ActivityEntry => ({
    id: 'act-1',
    incidentId: '7',
    kind: 'audit',
    createdDateTime: '2026-11-01T00:00:00.000Z',
    performedBy: 'analyst@contoso.com',
    category: 'alert',
    action: 'alertCorrelated',
    description: '',
    ...fields,
  });
  const visible = (id: string) => id.startsWith('da');

  it('keeps an entry about no alert, or only visible ones', () => {
    const plain = entry({ action: 'statusChanged', description: 'Status changed.' });
    expect(audit.redactForReader(plain, visible)).toBe(plain);
    const seen = entry({ ...audit.alertCorrelated({ id: 'da1', title: 'Seen' }) });
    expect(audit.redactForReader(seen, visible)).toBe(seen);
  });

  it('leaves out an entry about hidden alerts only', () => {
    const hidden = entry({ ...audit.alertCorrelated({ id: 'ad1', title: 'Hidden title' }) });
    expect(audit.redactForReader(hidden, visible)).toBeUndefined();
  });

  it('re-words a merge audit and a resolution from the visible alerts alone', () => {
    const merged = entry({
      ...audit.incidentsMerged(
        { id: '7', displayName: 'Target' },
        [{ id: '3', displayName: 'Source' }],
        ['da1', 'ad1', 'ad2'],
        ['sameActor'],
        null,
      ),
    });
    const shown = audit.redactForReader(merged, visible);
    expect(shown?.description).toBe(
      "Merged incident 'Source' (3) into this incident; 1 alert moved here. Merge reasons: Same actor.",
    );
    expect(JSON.stringify(shown)).not.toContain('ad1');
    const resolved = entry({ ...audit.alertsResolvedWithIncident(['da1', 'da2', 'ad1']) });
    expect(audit.redactForReader(resolved, visible)?.description).toBe(
      'Resolving the incident resolved 2 linked active alerts.',
    );
  });
});
