import { commonConfigShape, env, loadConfig } from '@app/platform';
import { z } from 'zod';

export const gatewayConfigSchema = z.object({
  ...commonConfigShape('gateway'),
  /** Where `/socket.io` is proxied, so that browsers see one origin. */
  FRONTDESK_URL: env.url(['http:', 'https:'], 'http://127.0.0.1:3002'),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** Validated once at boot; every bad key is reported together. */
export function loadGatewayConfig(environment: Readonly<Record<string, string | undefined>>): Readonly<GatewayConfig> {
  return loadConfig(gatewayConfigSchema, environment);
}
