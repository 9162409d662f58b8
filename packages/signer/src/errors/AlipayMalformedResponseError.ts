import { SignerError } from './SignerError.js';

/** What was wrong with the body. */
export type MalformedResponseReason =
  /** The body is not a JSON object. */
  | 'not-json'
  /** Neither `<method>_response` nor `error_response` is present. */
  | 'node-missing'
  /** The response node (or `sign`) appears twice: which one was signed is ambiguous (Java refuses too). */
  | 'duplicate-node'
  /** The node is neither an object nor an encrypted string, or `sign` is not a string. */
  | 'unexpected-shape';

/**
 * A gateway response body that cannot be verified because of its shape, not its signature.
 * `code` is `ERR_RESPONSE_MALFORMED`; `reason` says what was wrong.
 */
export class AlipayMalformedResponseError extends SignerError {
  override name = 'AlipayMalformedResponseError';
  declare readonly code: 'ERR_RESPONSE_MALFORMED';
  readonly reason: MalformedResponseReason;

  constructor(message: string, reason: MalformedResponseReason, options: { cause?: unknown } = {}) {
    super(message, { code: 'ERR_RESPONSE_MALFORMED', cause: options.cause });
    this.reason = reason;
  }
}
