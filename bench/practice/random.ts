// A seeded random source for the synthetic practice: the same seed gives the same practice.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

type Generator = ReturnType<typeof xoroshiro128plus>;

export class Random {
  readonly #rng: Generator;

  constructor(seed: number) {
    this.#rng = xoroshiro128plus(seed | 0);
  }

  /** An integer in [from, to]. */
  int(from: number, to: number): number {
    return uniformInt(this.#rng, from, to);
  }

  /** A float in [0, 1). */
  float(): number {
    return uniformFloat64(this.#rng);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Picks a key by weight, e.g. `{ active: 55, closed: 20 }`. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let at = this.float() * total;
    for (const [key, weight] of entries) {
      at -= weight;
      if (at < 0) return key;
    }
    return (entries.at(-1) as [K, number])[0];
  }

  /** A version-4 UUID drawn from this source (so ids repeat with the seed). */
  uuid(): string {
    const hex = Array.from({ length: 4 }, () =>
      (this.int(0, 0xffff_ffff) >>> 0).toString(16).padStart(8, '0'),
    ).join('');
    const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/** A child seed for one part of the practice (e.g. one therapist), independent of the others. */
export function childSeed(seed: number, part: number): number {
  return (Math.imul(seed ^ 0x9e37_79b9, 0x85eb_ca6b) + Math.imul(part + 1, 0xc2b2_ae35)) | 0;
}
