/**
 * msw's floating `registration.update()` (mswjs/msw#2006): a rejection is reported as a warning
 * instead of going unhandled, and a caller that awaits `update()` still gets it.
 */
import { describe, expect, it, vi } from 'vitest';
import { reportFloatingWorkerUpdates } from '@mocks/worker-update';

class FakeRegistration {
  constructor(private readonly outcome: () => Promise<unknown>) {}
  update(): Promise<unknown> {
    return this.outcome();
  }
}

describe('reportFloatingWorkerUpdates', () => {
  it('handles a rejected update nobody awaits, and still rejects for one who does', async () => {
    const warn = vi.fn();
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      reportFloatingWorkerUpdates(FakeRegistration.prototype, warn);
      const failure = new Error("Failed to update a ServiceWorker for scope ('/'): Not found");
      const registration = new FakeRegistration(() => Promise.reject(failure));

      // As msw does: called, not awaited.
      void registration.update();
      await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.any(String), failure));

      await expect(registration.update()).rejects.toBe(failure);
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('passes a successful update through, and patches a prototype once', async () => {
    const warn = vi.fn();
    class Ok extends FakeRegistration {}
    reportFloatingWorkerUpdates(Ok.prototype, warn);
    const first = Ok.prototype.update;
    reportFloatingWorkerUpdates(Ok.prototype, warn);
    expect(Ok.prototype.update).toBe(first);
    await expect(new Ok(() => Promise.resolve('updated')).update()).resolves.toBe('updated');
    expect(warn).not.toHaveBeenCalled();
  });
});
