/**
 * The relay between the page and the SharedWorker that holds the store: requests and responses
 * survive the trip over a MessagePort, and the host answers with the real handlers and tells the
 * other tabs of each write, naming the tab that made it.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fromRelayedRequest,
  fromRelayedResponse,
  toRelayedRequest,
  toRelayedResponse,
  transferablesOf,
  type RelayedResponse,
  type RelayHostMessage,
  type RelayPortMessage,
  type RelayRequestMessage,
} from '@mocks/relay-protocol';
import { openStoreHost } from '@mocks/shared-worker-host';

/** What postMessage does to a message: a structured clone, with the buffers transferred. */
const overThePort = <T>(value: T, transfer: Transferable[]): T =>
  structuredClone(value, { transfer });

describe('relay protocol', () => {
  it('carries a request across: method, URL, every header (repeated ones too) and the body', async () => {
    const body = JSON.stringify({ alertIds: ['a1'], alertComment: 'ünïcode ✓' });
    const original = new Request(
      'https://graph.microsoft.com/v1.0/security/alerts_v2/moveAlerts?x=1',
      {
        method: 'POST',
        headers: [
          ['Authorization', 'Bearer mock.analyst@contoso.com'],
          ['Content-Type', 'application/json; charset=utf-8'],
          ['Prefer', 'include-unknown-enum-members'],
          ['Prefer', 'return=minimal'],
        ],
        body,
      },
    );
    const relayed = await toRelayedRequest(original);
    const received = fromRelayedRequest(overThePort(relayed, transferablesOf(relayed)));

    expect(received.method).toBe('POST');
    expect(received.url).toBe(original.url);
    expect([...received.headers]).toEqual([...original.headers]);
    expect(received.headers.get('prefer')).toBe('include-unknown-enum-members, return=minimal');
    expect(await received.text()).toBe(body);
  });

  it('sends no body with a GET', async () => {
    const relayed = await toRelayedRequest(
      new Request('https://graph.microsoft.com/v1.0/security/incidents?$top=5'),
    );
    expect(relayed.body).toBeNull();
    expect(transferablesOf(relayed)).toEqual([]);
    expect(fromRelayedRequest(relayed).body).toBeNull();
  });

  it('carries a response back: status, status text, headers and body', async () => {
    const original = new Response(JSON.stringify({ error: { code: 'PreconditionFailed' } }), {
      status: 412,
      statusText: 'Precondition Failed',
      headers: { 'Content-Type': 'application/json', ETag: 'W/"7"' },
    });
    const relayed = await toRelayedResponse(original);
    const received = fromRelayedResponse(overThePort(relayed, transferablesOf(relayed)));

    expect(received.status).toBe(412);
    expect(received.statusText).toBe('Precondition Failed');
    expect(received.headers.get('etag')).toBe('W/"7"');
    expect(await received.json()).toEqual({ error: { code: 'PreconditionFailed' } });
  });

  it('keeps a 204 bodiless and a network error an error', async () => {
    const noContent = fromRelayedResponse(
      await toRelayedResponse(new Response(null, { status: 204 })),
    );
    expect(noContent.status).toBe(204);
    expect(noContent.body).toBeNull();

    const relayed = await toRelayedResponse(Response.error());
    expect(relayed).toEqual({ networkError: true });
    expect(fromRelayedResponse(relayed).type).toBe('error');
  });
});

describe('the store host', () => {
  const ports: MessagePort[] = [];
  const data = new BroadcastChannel('soc-console-data');
  const heard: unknown[] = [];
  data.onmessage = (event: MessageEvent) => heard.push(event.data);
  let tab: ReturnType<typeof connect>;

  /** A tab's end of a MessageChannel whose other end the host serves. */
  function connect(host: Awaited<ReturnType<typeof openStoreHost>>, tabId: string) {
    const channel = new MessageChannel();
    ports.push(channel.port1, channel.port2);
    const client = clientOn(channel.port1, tabId);
    host.serve(channel.port2, { early: true });
    return {
      ...client,
      /** Asks the host to serve `port` too, as the page does for its service worker. */
      handOver(port: MessagePort) {
        channel.port1.postMessage({ type: 'serve-port' } satisfies RelayPortMessage, [port]);
      },
    };
  }

  /** Posts requests on `port` as `tabId` and collects what the host says on it. */
  function clientOn(port: MessagePort, tabId: string) {
    const messages: RelayHostMessage[] = [];
    const waiting = new Map<number, (r: RelayedResponse) => void>();
    port.onmessage = (event: MessageEvent<RelayHostMessage>) => {
      messages.push(event.data);
      if (event.data.type === 'response') waiting.get(event.data.id)?.(event.data.response);
    };
    let nextId = 0;
    return {
      messages,
      async fetch(method: string, path: string, body?: unknown): Promise<Response> {
        const request = await toRelayedRequest(
          new Request(`https://graph.microsoft.com/${path}`, {
            method,
            headers: {
              Authorization: 'Bearer mock.analyst@contoso.com',
              ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          }),
        );
        const id = nextId++;
        const answered = new Promise<RelayedResponse>((resolve) => waiting.set(id, resolve));
        const message: RelayRequestMessage = { type: 'request', id, tabId, request };
        port.postMessage(message, transferablesOf(request));
        return fromRelayedResponse(await answered);
      },
    };
  }

  let other: ReturnType<typeof connect>;

  beforeAll(async () => {
    const host = await openStoreHost('default');
    tab = connect(host, 'tab-a');
    other = connect(host, 'tab-b');
  });

  afterAll(() => {
    for (const port of ports) port.close();
    data.close();
  });

  it('says it is ready, then answers with the real handlers', async () => {
    // A tab that waited for the opening also hears how long the opening took (a bench figure).
    await expect.poll(() => tab.messages[0]?.type).toBe('ready');
    expect(Object.keys(tab.messages[0] as object).sort()).toEqual(['openedMs', 'type']);
    expect((tab.messages[0] as { openedMs: unknown }).openedMs).toBeTypeOf('number');
    const list = await tab.fetch('GET', 'v1.0/security/incidents?$top=2');
    expect(list.status).toBe(200);
    expect(((await list.json()) as { value: unknown[] }).value).toHaveLength(2);

    const unknown = await tab.fetch('GET', 'v1.0/security/nothing-here');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: { code: 'NotFound', message: 'No route for GET /v1.0/security/nothing-here' },
    });
  });

  it('serves a port a tab hands over (the service worker’s shortcut) as that tab', async () => {
    const handed = new MessageChannel();
    ports.push(handed.port1, handed.port2);
    const direct = clientOn(handed.port1, 'tab-a');
    tab.handOver(handed.port2);
    // Ready at once, without the opening's figure: only a tab that waited for it hears that.
    await expect.poll(() => direct.messages[0]).toEqual({ type: 'ready' });

    const [incident] = (
      (await (await direct.fetch('GET', 'v1.0/security/incidents?$top=1')).json()) as {
        value: { id: string }[];
      }
    ).value;
    heard.length = 0;
    const renamed = await direct.fetch('PATCH', `v1.0/security/incidents/${incident!.id}`, {
      displayName: 'Renamed over a handed-over port',
    });
    expect(renamed.status).toBe(200);
    await expect
      .poll(() => heard)
      .toEqual([{ type: 'changed', origin: 'tab-a', store: 'default' }]);
    // The tab's own port sees the same store.
    const read = await tab.fetch('GET', `v1.0/security/incidents/${incident!.id}`);
    expect(((await read.json()) as { displayName: string }).displayName).toBe(
      'Renamed over a handed-over port',
    );
  });

  it('hands out distinct new incident ids to two tabs writing at once, and names the writer', async () => {
    const alerts = (await (
      await tab.fetch('GET', "v1.0/security/alerts_v2?$top=2&$filter=status eq 'new'")
    ).json()) as { value: { id: string }[] };
    const [a, b] = alerts.value.map((x) => x.id);
    heard.length = 0;

    const [movedA, movedB] = await Promise.all([
      tab.fetch('POST', 'v1.0/security/alerts_v2/moveAlerts', { alertIds: [a] }),
      other.fetch('POST', 'v1.0/security/alerts_v2/moveAlerts', { alertIds: [b] }),
    ]);
    const ids = await Promise.all(
      [movedA, movedB].map(
        async (r) => ((await r.json()) as { targetIncidentId: string }).targetIncidentId,
      ),
    );
    expect(new Set(ids).size).toBe(2);
    await expect.poll(() => heard.length).toBe(2);
    expect(heard).toEqual(
      expect.arrayContaining([
        { type: 'changed', origin: 'tab-a', store: 'default' },
        { type: 'changed', origin: 'tab-b', store: 'default' },
      ]),
    );
  });

  it('tells no one of a read, nor of a write that changed nothing', async () => {
    const [incident] = (
      (await (await tab.fetch('GET', 'v1.0/security/incidents?$top=1')).json()) as {
        value: { id: string; displayName: string }[];
      }
    ).value;
    heard.length = 0;
    const unchanged = await tab.fetch('PATCH', `v1.0/security/incidents/${incident!.id}`, {
      displayName: incident!.displayName,
    });
    expect(unchanged.status).toBe(200);
    const renamed = await other.fetch('PATCH', `v1.0/security/incidents/${incident!.id}`, {
      displayName: 'Renamed through the relay',
    });
    expect(renamed.status).toBe(200);
    // Messages on one channel arrive in order: once B's is in, A's would have been too.
    await expect.poll(() => heard.length).toBe(1);
    expect(heard).toEqual([{ type: 'changed', origin: 'tab-b', store: 'default' }]);
  });
});
