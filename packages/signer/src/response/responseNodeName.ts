import { SignerOptionError } from '../errors/SignerOptionError.js';

/** Name of the node gateway-level failures may come under. */
export const ERROR_RESPONSE_NODE = 'error_response';

// One-entry memo: a client calls the same method over and over, and this sits on the verify path.
let lastMethod = '';
let lastName = '_response';

/**
 * `alipay.marketing.voucher.send` → `alipay_marketing_voucher_send_response` (PROTOCOL §5). Throws
 * SignerOptionError when `method` is not a string.
 */
export function responseNodeName(method: string): string {
  if (method !== lastMethod) {
    if (typeof method !== 'string') {
      throw new SignerOptionError(`responseNodeName: method must be a string (got ${typeof method})`, {
        field: 'method',
        rule: 'type',
      });
    }
    lastName = `${method.replaceAll('.', '_')}_response`;
    lastMethod = method;
  }
  return lastName;
}
