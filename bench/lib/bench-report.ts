import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** One figure in the BENCHMARKS.md format: ours beside the raw ceiling measured in the same run. */
export interface Figure {
  readonly ours: number;
  readonly raw: number;
  readonly ratio: number;
  readonly unit: string;
  readonly goal: string;
}

export interface BenchResult {
  readonly name: string;
  readonly at: string;
  readonly load: Record<string, number | string>;
  readonly figures: Record<string, Figure>;
  /** What the same load reaches on the same machine with the least possible implementation (goal `ceiling`): context for the figures, never a verdict. */
  readonly ceilings?: Record<string, Figure>;
  readonly checks: Record<string, boolean>;
  readonly notes?: readonly string[];
}

export function figure(ours: number, raw: number, unit: string, goal: string): Figure {
  return { ours: Math.round(ours), raw: Math.round(raw), ratio: Math.round((ours / raw) * 100) / 100, unit, goal };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `>= 0.8` / `<= 10` against a ratio. */
export function meetsGoal(f: Figure): boolean {
  const [op, bound] = f.goal.split(/\s+/);
  const limit = Number(bound);
  return op === '>=' ? f.ratio >= limit : op === '<=' ? f.ratio <= limit : false;
}

export function printTable(result: BenchResult): void {
  const row = (name: string, f: Figure, verdict: string) => [name, String(f.ours), String(f.raw), f.ratio.toFixed(2), f.unit, f.goal, verdict];
  const rows = [
    ...Object.entries(result.figures).map(([name, f]) => row(name, f, meetsGoal(f) ? 'met' : 'MISSED')),
    ...Object.entries(result.ceilings ?? {}).map(([name, f]) => row(`${name} (ceiling)`, f, '')),
  ];
  const header = ['figure', 'ours', 'raw', 'ratio', 'unit', 'goal', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${result.name} — ${result.at} — load ${JSON.stringify(result.load)}`);
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  for (const [name, ok] of Object.entries(result.checks)) console.log(`check ${name}: ${ok ? 'ok' : 'FAILED'}`);
}

export function writeResult(path: string, result: BenchResult): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
}
