import { AopkitError } from '@aopkit/signer';

/**
 * A recipients file the app cannot read as it stands: the message names the line and the fix.
 * `code`: `ERR_CAMPAIGN_RECIPIENTS`.
 */
export class RecipientsFileError extends AopkitError {
  override name = 'RecipientsFileError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { code: 'ERR_CAMPAIGN_RECIPIENTS', cause: options.cause });
  }
}
