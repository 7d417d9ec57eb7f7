/** Retry n (1-based) waits 200 ms · 2^(n-1), at most 30 s, with ±20 % jitter so retries do not align. */
export function defaultBackoff(attempt: number): number {
  const base = Math.min(30_000, 200 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

export function describeError(err: unknown): { name: string; message: string } {
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { name: 'NonError', message: String(err) };
}
