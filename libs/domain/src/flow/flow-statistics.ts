import type { FlowDistribution, WaitSummary } from './types';

const MINUTE = 60_000;

/** Rounds half away from zero to `digits` decimals and never returns -0, so JSON text is stable. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  const r = Math.sign(value) * Math.round(Math.abs(value) * f) / f;
  return r === 0 ? 0 : r;
}

export function minutesBetween(from: number, until: number): number {
  return round((until - from) / MINUTE);
}

/** Nearest-rank percentile of values sorted ascending (no interpolation: always an observed value). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/**
 * The mean is summed in sorted order, so the same multiset of values gives the same bits whatever
 * order the visits came in. A Float64Array sorts numerically without a comparator call per step (our
 * values are rounded, so never NaN or -0, where it would differ from `(a, b) => a - b`).
 */
function stats(values: readonly number[]) {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return { sorted, mean: null, p50: null, p90: null, min: null, max: null };
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i];
  return {
    sorted,
    mean: round(sum / sorted.length),
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
  };
}

export function distribution(values: readonly number[], edges: readonly number[]): FlowDistribution {
  const { sorted, mean, p50, p90, min, max } = stats(values);
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const v of sorted) {
    let i = 0;
    while (i < edges.length && v >= edges[i]) i += 1;
    counts[i] += 1;
  }
  return { count: sorted.length, mean, p50, p90, min, max, edges: [...edges], counts };
}

export function waitSummary(values: readonly number[]): WaitSummary {
  const { sorted, mean, p50, p90, max } = stats(values);
  return { count: sorted.length, mean, p50, p90, max };
}
