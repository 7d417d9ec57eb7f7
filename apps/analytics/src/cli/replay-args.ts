import { fail, ok, type Result } from '@app/domain';
import type { ReplayMode } from '../replay/flow-replay';

export interface ReplayArgs {
  readonly officeId?: string;
  readonly from: string;
  readonly to: string;
  readonly format: 'csv' | 'json';
  readonly out?: string;
  readonly batchSize?: number;
  readonly mode: ReplayMode;
}

export const REPLAY_USAGE = `Aufruf / usage:
  npm run replay -- --from JJJJ-MM-TT --to JJJJ-MM-TT [--office ID] [--format json|csv] [--out DATEI]
                    [--batch-size N] [--mode auto|scan|per-day]
Ohne --office: alle Ämter. Ohne --out: Ausgabe auf stdout.
Exit: 0 ok, 2 falsche Angabe (Datum, Amt, Option), 3 Ereignisprotokoll (NATS) nicht erreichbar, 1 sonstiger Fehler.`;

const OPTIONS = new Set(['office', 'from', 'to', 'format', 'out', 'batch-size', 'mode']);

/** Parses `--key value` pairs; every problem is a German/English line (dates and office are checked later against the catalogue). */
export function parseReplayArgs(argv: readonly string[]): Result<ReplayArgs, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]!;
    const value = argv[i + 1];
    if (!key.startsWith('--') || !OPTIONS.has(key.slice(2))) return fail(`Unbekannte Option / unknown option: ${key}`);
    if (value === undefined || value.startsWith('--')) return fail(`Wert fehlt / missing value: ${key}`);
    values.set(key.slice(2), value);
  }
  const from = values.get('from');
  const to = values.get('to');
  if (from === undefined || to === undefined) return fail('--from und --to sind nötig / --from and --to are required');
  const format = values.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') return fail(`--format: json oder csv / json or csv, nicht / not "${format}"`);
  const mode = values.get('mode') ?? 'auto';
  if (mode !== 'auto' && mode !== 'scan' && mode !== 'per-day') return fail(`--mode: auto, scan oder per-day / not "${mode}"`);
  const batch = values.get('batch-size');
  const batchSize = batch === undefined ? undefined : Number(batch);
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000)) return fail(`--batch-size: 1 … 100000, nicht / not "${batch}"`);
  return ok({ officeId: values.get('office'), from, to, format, out: values.get('out'), batchSize, mode });
}
