import { commonConfigShape, env, loadConfig } from '@app/platform';
import { z } from 'zod';

export const gatewayConfigSchema = z.object({
  ...commonConfigShape('gateway'),
  /** Where `/socket.io` is proxied, so that browsers see one origin. */
  FRONTDESK_URL: env.url(['http:', 'https:'], 'http://127.0.0.1:3002'),
  /** Exact origins a city app's web front end may call the API from (comma-separated; default none). */
  CORS_ORIGINS: z.string().default(''),
  /** Express `trust proxy`: false, a hop count, or addresses/CIDRs of the reverse proxy. */
  TRUST_PROXY: z.string().default('false'),
  /** Largest JSON body accepted; larger requests get 413. */
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'must be like 32kb or 1mb').default('32kb'),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** Validated once at boot; every bad key is reported together. */
export function loadGatewayConfig(environment: Readonly<Record<string, string | undefined>>): Readonly<GatewayConfig> {
  return loadConfig(gatewayConfigSchema, environment);
}
