import { z } from 'zod';

/** One bad environment variable and why it was refused. */
export interface ConfigProblem {
  readonly key: string;
  readonly reason: string;
}

/**
 * Thrown once at boot with every bad key, so an operator fixes the environment in one go instead of
 * discovering the problems one restart at a time.
 */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.key}: ${p.reason}`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export interface LoadConfigOptions {
  /** Keys whose development default must never reach production (secrets, the real SMTP relay). */
  readonly requiredInProduction?: readonly string[];
}

/**
 * Validates the environment against a zod object schema and returns a frozen, typed config.
 * Empty strings count as unset (a blank `HTTP_PORT=` in a .env file takes the default).
 */
export function loadConfig<S extends z.ZodTypeAny>(schema: S, env: Env, options: LoadConfigOptions = {}): Readonly<z.infer<S>> {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(present);
  // Checked beside the schema, not as a zod refinement: zod skips refinements once a field is bad,
  // and the operator should see every problem at once.
  const missing = present['NODE_ENV'] === 'production' ? (options.requiredInProduction ?? []).filter((key) => !(key in present)) : [];
  const problems = [...(parsed.success ? [] : problemsOf(parsed.error)), ...missing.map((key) => ({ key, reason: 'is required when NODE_ENV=production' }))];
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return Object.freeze(parsed.data);
}

function problemsOf(error: z.ZodError): ConfigProblem[] {
  const byKey = new Map<string, string>();
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '(environment)';
    // The first reason per key is the useful one; later ones repeat it in other words.
    if (!byKey.has(key)) byKey.set(key, issue.message);
  }
  return [...byKey].map(([key, reason]) => ({ key, reason }));
}

/** Field builders with messages an operator can act on. */
export const env = {
  port: (fallback: number) =>
    z.coerce
      .number({ invalid_type_error: 'must be 1–65535' })
      .int('must be 1–65535')
      .min(1, 'must be 1–65535')
      .max(65535, 'must be 1–65535')
      .default(fallback),
  url: (protocols: readonly string[], fallback?: string) => {
    const shown = protocols.map((p) => `${p}//`).join(' or ');
    const article = /^[aeiou]/i.test(protocols[0] ?? '') ? 'an' : 'a';
    const field = z.string().refine((value) => hasProtocol(value, protocols), `must be ${article} ${shown} URL`);
    return fallback === undefined ? field : field.default(fallback);
  },
  positiveInt: (fallback: number) =>
    z.coerce
      .number({ invalid_type_error: 'must be a positive whole number' })
      .int('must be a positive whole number')
      .positive('must be a positive whole number')
      .default(fallback),
  boolean: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0'], { errorMap: () => ({ message: 'must be true or false' }) })
      .transform((value) => value === 'true' || value === '1')
      .default(fallback ? 'true' : 'false'),
  name: (fallback: string) =>
    z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, 'may only contain letters, digits, _ and -')
      .default(fallback),
  oneOf: <T extends [string, ...string[]]>(values: T, fallback: T[number]) =>
    z.enum(values, { errorMap: () => ({ message: `must be one of ${values.join(', ')}` }) }).default(fallback),
};

function hasProtocol(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
