import { AopkitError } from '@aopkit/signer';

/**
 * A problem with the journal that the user has to act on: it belongs to another campaign, has a corrupt
 * line, is not a journal at all, is in use by another run, could not be written (disk full), or (a
 * Postgres journal) cannot be reached or lost the worker's session. The message names the journal (its
 * path and line, or the database URL without its password) and says what to do.
 * `code`: `ERR_CAMPAIGN_JOURNAL`.
 */
export class JournalError extends AopkitError {
  override name = 'JournalError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { code: 'ERR_CAMPAIGN_JOURNAL', cause: options.cause });
  }
}
