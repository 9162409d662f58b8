import { AopkitError } from '@aopkit/signer';

/** The control API's own refusals; each becomes `{ error: { code, message } }` with its HTTP status. */
export type ControlErrorCode =
  | 'ERR_CONTROL_NOT_FOUND'
  | 'ERR_CONTROL_METHOD_NOT_ALLOWED'
  | 'ERR_CONTROL_BAD_BODY'
  | 'ERR_CONTROL_BODY_TOO_LARGE'
  | 'ERR_CONTROL_INTERNAL';

const STATUS: Record<ControlErrorCode, number> = {
  ERR_CONTROL_NOT_FOUND: 404,
  ERR_CONTROL_METHOD_NOT_ALLOWED: 405,
  ERR_CONTROL_BAD_BODY: 400,
  ERR_CONTROL_BODY_TOO_LARGE: 413,
  ERR_CONTROL_INTERNAL: 500,
};

/** A control request the API refuses, with the HTTP status that says why. */
export class ControlError extends AopkitError {
  override name = 'ControlError';
  declare readonly code: ControlErrorCode;
  readonly status: number;
  /** 405 only: the methods the route takes. */
  readonly allow?: string;

  constructor(message: string, options: { code: ControlErrorCode; allow?: string; cause?: unknown }) {
    super(message, { code: options.code, cause: options.cause });
    this.status = STATUS[options.code];
    if (options.allow !== undefined) this.allow = options.allow;
  }
}
