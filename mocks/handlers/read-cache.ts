/**
 * Remembered answers of the queue's reads. A GET of a list or an item answers the same bytes for
 * the same persona, URL and `Prefer` header until the store changes; the queue sends the same few
 * reads over and over, and filtering, sorting and serialising 500 incidents with their alerts
 * for each one is what made `mock:serve` slow.
 *
 * Correctness rests on two facts: an entry is kept per persona object (a persona can never be
 * answered from another's view), and an entry is used only at the store generation it was made
 * at (`IncidentStore.generation()` counts every change, silent ones included), so a write is
 * visible to the very next read.
 */
import type { Persona } from '@/domain/identity';
import type { IncidentStore } from '../store/incident-store';

type Entry = { status: number; headers: [string, string][]; body: Uint8Array<ArrayBuffer> };

/** The most bytes kept; the oldest entries go first past it. */
const MAX_BYTES = 16 * 1024 * 1024;

export class ReadCache {
  private generation = -1;
  private readonly byPersona = new Map<Persona, Map<string, Entry>>();
  private bytes = 0;

  constructor(private readonly store: Pick<IncidentStore, 'generation'>) {}

  /** What makes two requests of one persona answer alike. */
  static key(url: URL, request: Request): string {
    return `${url.href}\n${request.headers.get('prefer') ?? ''}`;
  }

  /** The remembered answer, if the store has not changed since it was made. */
  get(persona: Persona, key: string): Response | undefined {
    this.forgetIfStale();
    const entry = this.byPersona.get(persona)?.get(key);
    if (!entry) return undefined;
    return new Response(entry.body, { status: entry.status, headers: entry.headers });
  }

  /**
   * Answers with `response` and remembers it when it succeeded and the store did not change
   * while it was made (`generation` is the store's generation before the resolver ran).
   */
  async put(
    persona: Persona,
    key: string,
    generation: number,
    response: Response,
  ): Promise<Response> {
    if (response.status !== 200 || response.bodyUsed) return response;
    const body = new Uint8Array(await response.arrayBuffer());
    const headers = [...response.headers];
    const status = response.status;
    this.forgetIfStale();
    if (generation === this.generation && body.byteLength <= MAX_BYTES) {
      let mine = this.byPersona.get(persona);
      if (!mine) this.byPersona.set(persona, (mine = new Map<string, Entry>()));
      const previous = mine.get(key);
      if (previous) this.bytes -= previous.body.byteLength;
      mine.set(key, { status, headers, body });
      this.bytes += body.byteLength;
      this.evict();
    }
    return new Response(body, { status, headers });
  }

  private forgetIfStale(): void {
    const now = this.store.generation();
    if (now === this.generation) return;
    this.generation = now;
    this.byPersona.clear();
    this.bytes = 0;
  }

  private evict(): void {
    for (const mine of this.byPersona.values()) {
      for (const [key, entry] of mine) {
        if (this.bytes <= MAX_BYTES) return;
        mine.delete(key);
        this.bytes -= entry.body.byteLength;
      }
    }
  }
}
