/**
 * The seed's only source of chance: a small seeded PRNG, and stable GUIDs derived from text.
 * Nothing in the seed reads Math.random or the clock, so a seed number draws the same sequence
 * on every engine. The order of the draws is part of the output: moving one draw changes every
 * record generated after it.
 */
import { flat } from './text';

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** sfc32 seeded through splitmix32: fast, small, and good enough for demo data. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = Math.trunc(seed) >>> 0;
    const mix = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4_294_967_296;
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  hex(length: number): string {
    const parts: string[] = [];
    for (let n = 0; n < length; n += 8) {
      const v = this.u32();
      parts.push(
        HEX2[v >>> 24] as string,
        HEX2[(v >>> 16) & 255] as string,
        HEX2[(v >>> 8) & 255] as string,
        HEX2[v & 255] as string,
      );
    }
    const out = parts.join('');
    return out.length === length ? out : out.slice(0, length);
  }

  guid(): string {
    const h = this.hex(32);
    const variant = '89ab'[this.u32() & 3] as string;
    return flat`${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/** A stable GUID from a text (detector and policy ids must not depend on the seed). */
export function guidOf(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  const r = new Rng((h1 ^ Math.imul(h2, 31)) >>> 0);
  return r.guid();
}
