/** mulberry32: small, fast, seeded; the simulator's only source of chance, so a seed gives the same days. */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;

/** Picks by weight: `[['reisepass', 3], ['anmeldung', 5]]`. */
export function weighted<T>(rnd: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let x = rnd() * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1]![0];
}

/** Exponential inter-arrival time for a rate per minute (Poisson arrivals). */
export const exponential = (rnd: Random, perMinute: number): number => -Math.log(1 - rnd()) / perMinute;
