/**
 * `mock:serve --data FILE` keeps every acknowledged write (ARCHITECTURE.md §6, STYLE.md §4.5):
 * the real server runs as a child process, is killed with SIGKILL in the middle of a stream of
 * writes, and must come back with every write it answered 2xx. Also: torn, corrupt and lawless
 * data on disk, a durable reset, and a write that cannot be stored answering 503.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { watch } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, appendFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_NOW } from '@mocks/test-runtime';
import { startServer, type RunningServer } from '@mocks/server';
import { readStateFile } from '@mocks/store/file-persistence';
import { listSegments, segmentPath, writeStateFile } from '@mocks/store/file-snapshot';
import { checkLaws } from '@mocks/store/laws';
import { generateSeed } from '@mocks/store/seed/generate';
import { buildStore, makeIncident } from '../ui/test-store';

const ANALYST = { Authorization: 'Bearer mock.analyst@contoso.com' };
const ADMIN = { Authorization: 'Bearer mock.admin@contoso.com' };
const JSON_BODY = { 'Content-Type': 'application/json' };

let dir: string;
const children: ChildProcess[] = [];
const servers: RunningServer[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mock-durability-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await Promise.all(servers.splice(0).map((s) => s.close().catch(() => undefined)));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

let files = 0;
const newFile = async () => {
  const sub = join(dir, `run-${++files}`);
  await mkdir(sub);
  return join(sub, 'store.json');
};

/**
 * A new FILE holding a small lawful store (60 active incidents of 5 alerts each), for the tests
 * that need data to write to but not the seed: every start of the server then reads ~1 MB
 * instead of generating or reading the 11 MB demo store, and every compaction rewrites that.
 */
const newSmallFile = async () => {
  const file = await newFile();
  await writeStateFile(
    file,
    buildStore(Array.from({ length: 60 }, () => makeIncident({ alerts: 5 }))),
  );
  return file;
};

type Serve = {
  url: string;
  child: ChildProcess;
  /** What the server printed on stderr so far (notices, errors). */
  err: () => string;
  kill: () => Promise<void>;
};

/** Starts the real `mock:serve --data FILE` (as `npm run mock:serve` does) and waits for its banner. */
async function serve(file: string, args: string[] = []): Promise<Serve> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'mocks/server.ts', '--port', '0', '--data', file, ...args],
    { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  const exited = once(child, 'exit');
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`mock:serve exited (${code}): ${err}`)));
  });
  return {
    url,
    child,
    err: () => err,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function call(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  auth: Record<string, string> = ANALYST,
) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? auth : { ...auth, ...JSON_BODY },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as Record<string, unknown> };
}

type WireIncident = { id: string; description: string | null; comments: { comment: string }[] };
const incident = async (url: string, id: string) =>
  (await call(url, 'GET', `/v1.0/security/incidents/${id}`)).json as unknown as WireIncident;

describe('mock:serve --data under SIGKILL', () => {
  it('keeps every acknowledged write when killed at a random moment mid-stream', async () => {
    const LANES = 4;
    const file = await newSmallFile();
    const name = basename(file);
    const random = (from: number, span: number) => from + Math.floor(Math.random() * span);
    // When each trial kills: after a random number of acknowledged writes, or at a step of a
    // compaction, seen as it happens on disk. Every kill lands with writes in flight.
    const trials: ({ acks: number } | { file: string; step: string })[] = [
      { acks: random(8, 25) },
      { file: `${name}.tmp`, step: 'while a compaction writes or renames the new snapshot' },
      { file: name, step: 'as a compaction renames the new snapshot over the old one' },
      { acks: random(8, 25) },
      { acks: random(100, 200) },
    ];
    const MAX_ACKS = 600;
    // Small segments, so that compactions run (and get killed) all through the stream.
    const args = ['--compact-after', '16384'];
    let server = await serve(file, args);

    const active = (
      await call(server.url, 'GET', "/v1.0/security/incidents?$filter=status eq 'active'&$top=50")
    ).json.value as { id: string }[];
    const laneIncidents = active.slice(0, LANES).map((i) => i.id);
    const alerts = (await call(server.url, 'GET', '/v1.0/security/alerts_v2?$top=2000')).json
      .value as { id: string; incidentId: string }[];
    const movable = alerts.filter((a) => !laneIncidents.includes(a.incidentId)).map((a) => a.id);

    for (const [index, killAt] of trials.entries()) {
      const trial = index + 1;
      // Acknowledged writes of this trial, per lane: each lane writes one incident in order.
      const patched = new Map<number, number>();
      const comments: { lane: number; text: string }[] = [];
      const moves: { alertId: string; incidentId: string }[] = [];
      const refused: string[] = [];
      let acknowledged = 0;
      let killing: Promise<void> | undefined;
      let killedAtStep = false;

      const watcher = watch(dirname(file), (_event, changed) => {
        if ('file' in killAt && changed === killAt.file && !killing) {
          killedAtStep = true;
          killing = server.kill();
        }
      });
      const ack = () => {
        acknowledged += 1;
        // Killed from inside the stream: the other lanes have writes in flight right now.
        const due = 'acks' in killAt ? killAt.acks : MAX_ACKS;
        if (acknowledged === due) killing ??= server.kill();
      };
      const lane = async (l: number) => {
        for (let n = 1; !killing; n++) {
          const id = laneIncidents[l] ?? '';
          try {
            if (n % 3 === 1) {
              const r = await call(server.url, 'PATCH', `/v1.0/security/incidents/${id}`, {
                description: `trial ${trial} lane ${l} write ${n}`,
              });
              if (r.status === 200) {
                patched.set(l, n);
                ack();
              } else refused.push(`PATCH ${r.status}`);
            } else if (n % 3 === 2) {
              const text = `trial ${trial} lane ${l} comment ${n}`;
              const r = await call(server.url, 'POST', `/v1.0/security/incidents/${id}/comments`, {
                comment: text,
              });
              if (r.status === 200) {
                comments.push({ lane: l, text });
                ack();
              } else refused.push(`comment ${r.status}`);
            } else {
              const alertId = movable.shift() ?? '';
              const r = await call(server.url, 'POST', '/v1.0/security/alerts_v2/moveAlerts', {
                alertIds: [alertId],
                incidentId: null,
                newCorrelationReasons: 'sameAsset',
              });
              if (r.status === 200) {
                moves.push({ alertId, incidentId: String(r.json.targetIncidentId) });
                ack();
              } else refused.push(`move ${r.status}`);
            }
          } catch {
            // The connection died with the server: this write was never acknowledged.
          }
        }
      };
      await Promise.all(Array.from({ length: LANES }, (_, l) => lane(l)));
      await killing;
      watcher.close();
      expect(refused, 'writes the mock refused (a bug in this test)').toEqual([]);
      const context =
        'step' in killAt
          ? `trial ${trial}, killed ${killAt.step}, after ${acknowledged} acknowledged writes`
          : `trial ${trial}, killed after ${acknowledged} acknowledged writes`;
      if ('step' in killAt) expect(killedAtStep, `${context}: the step was reached`).toBe(true);

      server = await serve(file, args);
      for (let l = 0; l < LANES; l++) {
        const stored = await incident(server.url, laneIncidents[l] ?? '');
        const n = patched.get(l);
        if (n !== undefined) {
          // The write in flight at the kill may have landed too; never one older than acked.
          const m = /^trial (\d+) lane \d+ write (\d+)$/.exec(stored.description ?? '');
          expect(Number(m?.[1]), context).toBe(trial);
          expect(Number(m?.[2]), context).toBeGreaterThanOrEqual(n);
        }
        const texts = stored.comments.map((c) => c.comment);
        for (const c of comments.filter((c) => c.lane === l))
          expect(texts, context).toContain(c.text);
      }
      for (const move of moves) {
        const alert = await call(server.url, 'GET', `/v1.0/security/alerts_v2/${move.alertId}`);
        expect(alert.json.incidentId, context).toBe(move.incidentId);
        expect(
          (await call(server.url, 'GET', `/v1.0/security/incidents/${move.incidentId}`)).status,
        ).toBe(200);
      }
      expect(server.err(), `${context}: loads without a notice`).toBe('');
    }

    server.child.kill('SIGTERM');
    const [code] = (await once(server.child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(server.err()).toBe('');
    expect(await listSegments(file)).toEqual([]);
  }, 90_000);

  it('drops a torn last journal line and cuts it off, so later writes load too', async () => {
    const file = await newSmallFile();
    let server = await serve(file);
    const id = '1';
    for (const n of [1, 2, 3]) {
      const r = await call(server.url, 'PATCH', `/v1.0/security/incidents/${id}`, {
        description: `write ${n}`,
      });
      expect(r.status).toBe(200);
    }
    await server.kill();
    const segments = await listSegments(file);
    // A crash in the middle of appending a fourth write, which was never answered.
    await appendFile(segmentPath(file, segments.at(-1) ?? 1), '{"incidents":[{"id":"1","descr');

    server = await serve(file);
    expect((await incident(server.url, id)).description).toBe('write 3');
    const r = await call(server.url, 'PATCH', `/v1.0/security/incidents/${id}`, {
      description: 'after the crash',
    });
    expect(r.status).toBe(200);
    await server.kill();

    server = await serve(file);
    expect((await incident(server.url, id)).description).toBe('after the crash');
    expect(server.err()).toBe('');
  }, 30_000);

  it('makes a reset durable: after SIGKILL the seed is back, with the writes made after it', async () => {
    const file = await newFile();
    let server = await serve(file);
    const seeded = (await incident(server.url, '1')).description;
    expect(
      (await call(server.url, 'PATCH', '/v1.0/security/incidents/1', { description: 'before' }))
        .status,
    ).toBe(200);
    expect((await call(server.url, 'POST', '/mock/v1/reset', undefined, ADMIN)).status).toBe(204);
    expect(
      (await call(server.url, 'PATCH', '/v1.0/security/incidents/2', { description: 'after' }))
        .status,
    ).toBe(200);
    await server.kill();

    server = await serve(file);
    expect((await incident(server.url, '1')).description).toBe(seeded);
    expect((await incident(server.url, '2')).description).toBe('after');
    expect(server.err()).toBe('');
  }, 30_000);
});

describe('unreadable data is set aside, never overwritten', () => {
  const keptAs = (stderr: string) =>
    /kept as (\S+\.corrupt-\d{8}T\d{6}Z(?:-\d+)?)[ .]/.exec(stderr)?.[1];

  it('sets a corrupt file aside under a unique name, twice in a row, with its journal', async () => {
    const file = await newFile();
    await writeFile(file, 'not json');
    let server = await serve(file);
    expect(server.err()).toContain(
      `${file}: Stored demo data was unreadable (the file is not valid JSON); the demo data was restored from the seed.`,
    );
    const first = keptAs(server.err());
    expect(first).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}\\.corrupt-`));
    expect(await readFile(first ?? '', 'utf8')).toBe('not json');
    const r = await call(server.url, 'PATCH', '/v1.0/security/incidents/1', { description: 'x' });
    expect(r.status).toBe(200);
    await server.kill();

    await writeFile(file, 'still not json');
    server = await serve(file);
    const second = keptAs(server.err());
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(server.err()).toContain(`kept as ${second} and ${second}.journal.*.`);
    expect(await readFile(first ?? '', 'utf8')).toBe('not json');
    expect(await readFile(second ?? '', 'utf8')).toBe('still not json');
    expect(await listSegments(second ?? '')).toEqual([1]);
    expect(await listSegments(file)).toEqual([]);
    await server.kill();
  }, 30_000);

  it('sets a lawless store aside with a notice (one incident holding 151 alerts)', async () => {
    const file = await newFile();
    const state = generateSeed({ seed: 1, size: 'default', now: TEST_NOW });
    const related = new Set(state.relations.map((r) => r.incidentId));
    const target = Object.values(state.incidents).find(
      (i) => i.status === 'active' && !related.has(i.id),
    );
    if (!target) throw new Error('no active incident without relations in the seed');
    // The store's own records, moved onto one incident until it holds one alert too many.
    let held = Object.values(state.alerts).filter((a) => a.incidentId === target.id).length;
    for (const alert of Object.values(state.alerts)) {
      if (held === 151) break;
      if (alert.incidentId !== target.id) {
        alert.incidentId = target.id;
        held += 1;
      }
    }
    expect(checkLaws(state)).toContain(
      `incident ${target.id} holds 151 alerts, over the limit of 150`,
    );
    const text = JSON.stringify(state);
    await writeFile(file, text);

    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const server = await startServer({
      port: 0,
      size: 'default',
      seed: 1,
      now: TEST_NOW,
      dataFile: file,
    });
    servers.push(server);
    expect(logged).not.toHaveBeenCalled();
    expect(server.loadedFromFile).toBe(false);
    expect(server.notice).toContain(
      "Stored demo data was unreadable (it breaks the store's laws: ",
    );
    const copy = /kept as (\S+)\.$/.exec(server.notice ?? '')?.[1] ?? '';
    expect(copy).toMatch(/\.corrupt-\d{8}T\d{6}Z$/);
    expect(await readFile(copy, 'utf8')).toBe(text);
    expect(checkLaws(server.runtime.store.peek())).toEqual([]);
  });
});

describe('the journal, in process', () => {
  it('replays to exactly the state in memory: PATCH, comment, move, merge', async () => {
    const file = await newFile();
    const server = await startServer({
      port: 0,
      size: 'default',
      seed: 1,
      now: TEST_NOW,
      dataFile: file,
    });
    servers.push(server);
    const { store } = server.runtime;
    const mergeable = store
      .incidents()
      .filter(
        (i) =>
          (i.status === 'active' || i.status === 'inProgress') &&
          !i.assignedTo &&
          !i.classification &&
          !i.determination,
      )
      .map((i) => i.id);
    const [a = '', b = '', c = ''] = mergeable;
    const writes = [
      await call(server.url, 'PATCH', `/v1.0/security/incidents/${a}`, {
        description: 'patched',
        severity: 'low',
      }),
      await call(server.url, 'POST', `/v1.0/security/incidents/${a}/comments`, {
        comment: 'a comment',
      }),
      await call(server.url, 'POST', '/v1.0/security/alerts_v2/moveAlerts', {
        alertIds: [store.alertIdsOf(c)[0]],
        incidentId: null,
        newCorrelationReasons: 'sameAsset',
      }),
      await call(server.url, 'POST', '/v1.0/security/incidents/mergeIncidents', {
        incidentIds: [b, c],
        mergeReasons: 'sameCampaign',
      }),
    ];
    expect(writes.map((w) => w.status)).toEqual([200, 200, 200, 200]);

    // The files as a crash right now would leave them: FILE as seeded, and the journal.
    const image = join(await mkdtemp(join(dir, 'image-')), 'store.json');
    await cp(dirname(file), dirname(image), { recursive: true });
    expect(await listSegments(image)).toEqual([1]);
    const replayed = await readStateFile(image);
    expect(replayed.kind).toBe('state');
    expect(replayed.kind === 'state' && replayed.state).toEqual(store.snapshot());
  });

  it("answers 503 in Graph's envelope once a write cannot be stored, and for every write after it", async () => {
    const file = await newFile();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const server = await startServer({
      port: 0,
      size: 'default',
      seed: 1,
      now: TEST_NOW,
      dataFile: file,
    });
    servers.push(server);
    // A directory where the journal segment should be: every append fails, as on a full disk.
    await mkdir(segmentPath(file, 1));
    for (const description of ['first', 'second']) {
      const r = await call(server.url, 'PATCH', '/v1.0/security/incidents/1', { description });
      expect(r.status).toBe(503);
      const error = r.json.error as { code: string; message: string; innerError: object };
      expect(error.code).toBe('ServiceUnavailable');
      expect(error.message).toMatch(
        /^The change could not be saved \(the journal of .* could not be written: EISDIR/,
      );
      expect(error.innerError).toHaveProperty('request-id');
    }
    expect(logged).toHaveBeenCalledTimes(1);
    await expect(server.close()).rejects.toThrow(/could not be written/);
  });
});
