import { readFileSync } from 'node:fs';
import { ConfigError } from './configError';

/** What the app hands to `createAlipayClient`. */
export interface ClientSettings {
  readonly appId: string;
  readonly privateKey: string;
  readonly alipayPublicKey: string;
  readonly gateway: string;
}

/**
 * Reads real-gateway credentials from the environment, or returns undefined when `ALIPAY_APP_ID` is not
 * set (the app then runs against the built-in fake). Errors name the variable, never its value.
 */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): ClientSettings | undefined {
  const appId = env.ALIPAY_APP_ID;
  if (!appId) return undefined;
  return {
    appId,
    privateKey: secret(env, 'ALIPAY_PRIVATE_KEY'),
    alipayPublicKey: secret(env, 'ALIPAY_PUBLIC_KEY'),
    gateway: env.ALIPAY_GATEWAY || 'production',
  };
}

function secret(env: NodeJS.ProcessEnv, name: string): string {
  const inline = env[name];
  if (inline) return inline;
  const file = env[`${name}_FILE`];
  if (!file) throw new ConfigError(`ALIPAY_APP_ID is set, so ${name} or ${name}_FILE must be set too`);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${name}_FILE (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
