/**
 * The store in the page itself, where no SharedWorker can hold it: the same runtime and handlers,
 * answering only this tab. Tabs then each hold a copy and keep it in step through IndexedDB and
 * a BroadcastChannel, without one writer across them (see the README).
 */
import { openBrowserRuntime } from './browser-runtime';
import { createHandlers } from './handlers';
import { createResponder, type Responder } from './respond';
import type { SeedSize } from './store/types';

export async function openPageStore(
  size: SeedSize,
): Promise<{ respond: Responder; notice?: string }> {
  const { runtime, notice } = await openBrowserRuntime(size, { shared: false });
  return { respond: createResponder(createHandlers(runtime)), ...(notice ? { notice } : {}) };
}
