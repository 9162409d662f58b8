import { AopkitError } from '@aopkit/signer';

/**
 * What went wrong, for a caller to switch on:
 * - `ERR_FAKE_CONFIG`: an option, a fixture, an app, template or user given to the fake is malformed
 *   (unknown key, wrong type, value out of range);
 * - `ERR_FAKE_SCRIPT`: a scripted outcome (`nextCall`) is malformed;
 * - `ERR_FAKE_STATE`: a call names something the fake does not hold (no such template, no such user);
 * - `ERR_FAKE_CLI`: a command-line argument or a fixtures file of the CLI is wrong;
 * - `ERR_FAKE_UNSUPPORTED`: the runtime lacks what the call needs (node:crypto, node:http).
 */
export type FakeGatewayErrorCode =
  | 'ERR_FAKE_CONFIG'
  | 'ERR_FAKE_SCRIPT'
  | 'ERR_FAKE_STATE'
  | 'ERR_FAKE_CLI'
  | 'ERR_FAKE_UNSUPPORTED';

/**
 * Every error the fake gateway throws at its caller for a bad option, fixture or call (`@aopkit/testing`).
 * `field` names what was wrong, as a path (`faults.rate`, `fixtures.templates[2].type`, `nextCall.sub_code`)
 * when there is one. Messages name the field and the fix, never a key or a token.
 *
 * @example
 * try { gateway.nextCall({ sub_code: 'NEW_CODE' }) } catch (e) {
 *   if (e instanceof FakeGatewayError && e.code === 'ERR_FAKE_SCRIPT') …
 * }
 */
export class FakeGatewayError extends AopkitError {
  override name = 'FakeGatewayError';
  declare readonly code: FakeGatewayErrorCode;
  /** The option, fixture field or argument at fault, when there is one. */
  declare readonly field?: string;

  constructor(message: string, options: { code: FakeGatewayErrorCode; field?: string; cause?: unknown }) {
    super(message, { code: options.code, cause: options.cause });
    if (options.field !== undefined) this.field = options.field;
  }
}

/** An `ERR_FAKE_CONFIG` error naming `field`. */
export const configError = (field: string, message: string, cause?: unknown): FakeGatewayError =>
  new FakeGatewayError(message, { code: 'ERR_FAKE_CONFIG', field, cause });
