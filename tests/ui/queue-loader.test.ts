/**
 * The incident queue's route loader: its first page goes out beside the personas' request,
 * unless the view's filters need the directory's groups to be written.
 */
import { QueryClient } from '@tanstack/react-query';
import { http as route } from 'msw';
import { describe, expect, it, onTestFinished } from 'vitest';
import { incidentQueueLoader } from '@/app/routes/loaders';
import { DEFAULT_QUEUE_STATE, writeQueueState } from '@/features/incident-queue/queue-state';
import { setupMockServer } from './mock-server';
import { buildStore, makeIncident } from './test-store';

const { server } = setupMockServer(buildStore([makeIncident()]));

const nameOf = (request: Request) =>
  new URL(request.url).pathname.replace(/^.*\/(v1\.0|mock\/v1)\//, '');

/**
 * Holds the personas' answer back until released; records, in order, each request that goes out
 * and the personas' answer (`personas answered`).
 */
function holdPersonas() {
  const arrived: string[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const started = ({ request }: { request: Request }) => arrived.push(nameOf(request));
  const answered = ({ request }: { request: Request }) => {
    if (nameOf(request) === 'personas') arrived.push('personas answered');
  };
  server.events.on('request:start', started);
  server.events.on('response:mocked', answered);
  onTestFinished(() => {
    server.events.removeListener('request:start', started);
    server.events.removeListener('response:mocked', answered);
  });
  server.use(
    route.get('*/mock/v1/personas', async () => {
      await released;
      return undefined;
    }),
  );
  return { arrived, release };
}

async function load(query: string, hold: ReturnType<typeof holdPersonas>) {
  const loader = incidentQueueLoader(new QueryClient());
  const done = loader({
    request: new Request(`http://localhost/incidents${query}`),
    params: {},
    context: undefined,
  } as unknown as Parameters<typeof loader>[0]);
  // The personas' request is out and held: see what else went out meanwhile.
  await expect.poll(() => hold.arrived.includes('personas')).toBe(true);
  return done;
}

describe('the incident queue loader', () => {
  it("asks for the first page beside the personas, when the view's filters need no groups", async () => {
    const hold = holdPersonas();
    const done = load('', hold);
    // Out while the personas' answer is still held back.
    await expect.poll(() => hold.arrived).toContain('security/incidents');
    expect(hold.arrived).not.toContain('personas answered');
    hold.release();
    await done;
  });

  it('asks for it once the directory is in, when the view filters on group owners', async () => {
    const hold = holdPersonas();
    const groups = writeQueueState(new URLSearchParams(), {
      ...DEFAULT_QUEUE_STATE,
      assignments: ['group'],
    });
    const done = load(`?${groups.toString()}`, hold);
    hold.release();
    await done;
    await expect.poll(() => hold.arrived).toContain('security/incidents');
    expect(hold.arrived.indexOf('personas answered')).toBeLessThan(
      hold.arrived.indexOf('security/incidents'),
    );
  });
});
