import type { Visit } from './types';

export const VISIT_CSV_HEADER: readonly string[] = [];
export function csvCell(_value: string | number | null): string { throw new Error('not implemented'); }
export function visitsToCsvRows(_visits: readonly Visit[]): string[][] { throw new Error('not implemented'); }
export function visitsToCsv(_visits: readonly Visit[]): string { throw new Error('not implemented'); }
