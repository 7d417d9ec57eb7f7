import shipped from '../../../../config/catalog.json';
import type { Catalog } from './catalog.schema';
import { parseCatalog } from './parse-catalog';

/** The shipped catalogue, parsed once for tests (a failure here names the broken path). */
export function shippedCatalog(): Catalog {
  const parsed = parseCatalog(shipped);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** A deep copy of the raw file, to break on purpose in tests. */
export const rawCatalog = (): Record<string, any> => JSON.parse(JSON.stringify(shipped)); // eslint-disable-line @typescript-eslint/no-explicit-any
