/**
 * What real Graph and ARM do that the fetch wrapper handles: 429 with Retry-After (waited out, and
 * shown in the shell), 503 (reads sent again, writes not), a 401 renewed once with a fresh token,
 * and a URL outside the configured services refused before any token is sent.
 */
import { screen, waitFor } from '@testing-library/react';
import { http as route, HttpResponse } from 'msw';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { ApiError, http } from '@/api/http';
import { setTokenProvider, type TokenRequest } from '@/api/session-store';
import { renderApp } from '../render';
import { passTime, useFakeTimers } from './fake-timers';
import { setupMockServer } from './mock-server';
import { buildStore, makeIncident } from './test-store';

const { server } = setupMockServer(buildStore([makeIncident({ displayName: 'Throttled one' })]));

async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('throttling and unavailability', () => {
  it('waits out a 429 for as long as Retry-After says, showing it, then shows the answer', async () => {
    // The countdown reads the clock: Date moves with the faked timers here.
    vi.useFakeTimers({
      shouldAdvanceTime: true,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    let calls = 0;
    let answered = 0;
    server.use(
      route.get('*/v1.0/security/incidents', () => {
        calls += 1;
        if (calls === 1) {
          answered = Date.now();
          return HttpResponse.json(
            { error: { code: 'TooManyRequests', message: 'Too many requests.' } },
            { status: 429, headers: { 'Retry-After': '7' } },
          );
        }
        return undefined;
      }),
    );
    renderApp('/incidents');
    expect(await screen.findByText('Waiting for Microsoft Graph')).toBeInTheDocument();
    expect(screen.getByText(/429 Too Many Requests/)).toBeInTheDocument();
    // What is left of Retry-After since the 429 came. The clock follows real time too here, so
    // the first count may already be below 7 when a slow first render shows it.
    const left = () => answered + 7000 - Date.now();
    const shows = (seconds: number) =>
      expect(screen.getByRole('timer')).toHaveTextContent(`Trying again in ${seconds} s`);
    await waitFor(() => shows(Math.ceil(left() / 1000)));
    expect(left()).toBeGreaterThan(4000);
    // Three seconds on, landing halfway between two of the count's turns, so it reads 3 fewer.
    const was = left();
    await passTime(3000 + ((was - 1) % 1000) + 1 - 500);
    shows(Math.ceil(was / 1000) - 3);
    expect(calls).toBe(1);
    await passTime(4000);
    expect(await screen.findByText('Throttled one')).toBeInTheDocument();
    expect(screen.queryByText('Waiting for Microsoft Graph')).not.toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it('hands React no clock reading while the shell renders (a time must not move within a render)', async () => {
    // A clock that moves on each read. React reads an external store's value twice as it
    // renders; a value that changed between the two reads is a bug it reports (and, in a
    // transition, a render it throws away and does again).
    let t = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => (t += 1));
    const errors = vi.spyOn(console, 'error');
    renderApp('/incidents');
    expect(await screen.findByText('Throttled one')).toBeInTheDocument();
    expect(errors.mock.calls.map((args) => String(args[0]))).not.toContainEqual(
      expect.stringMatching(/getSnapshot/),
    );
  });

  it('sends a read again after a 503, but never a write', async () => {
    useFakeTimers();
    let reads = 0;
    let writes = 0;
    server.use(
      route.get('*/v1.0/flaky', () => {
        reads += 1;
        return reads === 1
          ? HttpResponse.json({}, { status: 503, headers: { 'Retry-After': '1' } })
          : HttpResponse.json({ fine: true });
      }),
      route.post('*/v1.0/flaky', () => {
        writes += 1;
        return HttpResponse.json({}, { status: 503, headers: { 'Retry-After': '1' } });
      }),
    );
    const read = http<{ fine: boolean }>('/flaky');
    await passTime(1000);
    await expect(read).resolves.toEqual({ fine: true });
    expect(reads).toBe(2);
    expect(await failure(http('/flaky', { method: 'POST', body: '{}' }))).toMatchObject({
      status: 503,
    });
    expect(writes).toBe(1);
  });

  it('gives up after three waits and reports the 429', async () => {
    useFakeTimers();
    let calls = 0;
    server.use(
      route.get('*/v1.0/busy', () => {
        calls += 1;
        return HttpResponse.json(
          { error: { code: 'TooManyRequests', message: 'Slow down.' } },
          { status: 429, headers: { 'Retry-After': '1' } },
        );
      }),
    );
    const call = failure(http('/busy'));
    await passTime(3000);
    expect(await call).toMatchObject({ status: 429, message: 'Slow down.' });
    expect(calls).toBe(4);
  });

  it('renews a refused token once, with a fresh one, and sends the request again', async () => {
    const asked: TokenRequest[] = [];
    setTokenProvider({
      getToken: (request) => {
        asked.push(request);
        return request.forceRefresh ? 'mock.analyst@contoso.com' : 'mock.expired@contoso.com';
      },
      refreshable: true,
    });
    onTestFinished(() => setTokenProvider(undefined));
    const page = await http<{ value: unknown[] }>('/security/incidents?$top=1');
    expect(page.value).toHaveLength(1);
    expect(asked).toEqual([
      { service: 'graph', forceRefresh: false },
      { service: 'graph', forceRefresh: true },
    ]);
  });

  it('refuses a URL outside Graph and ARM before sending anything, naming its origin only', async () => {
    const asked: TokenRequest[] = [];
    setTokenProvider({ getToken: (r) => (asked.push(r), 'secret'), refreshable: false });
    onTestFinished(() => setTokenProvider(undefined));
    const error = await failure(http('https://evil.example/v1.0/steal?token=x'));
    expect(error.code).toBe('UntrustedUrl');
    expect(error.message).toContain('https://evil.example');
    expect(error.message).not.toContain('steal');
    expect(asked).toEqual([]);
    expect((await failure(http('https://graph.microsoft.com/v1.0/../evil'))).code).toBe(
      'UntrustedUrl',
    );
  });
});
