import { AopkitError } from '@aopkit/signer';

/**
 * A configuration mistake (an option, an environment variable, a journal that is not this campaign's):
 * reported as such, with exit code 2. `code`: `ERR_CAMPAIGN_CONFIG`.
 */
export class ConfigError extends AopkitError {
  override name = 'ConfigError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { code: 'ERR_CAMPAIGN_CONFIG', cause: options.cause });
  }
}
