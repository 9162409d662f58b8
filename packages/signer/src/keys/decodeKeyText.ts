import { base64Decode } from '../encoding/base64.js';
import { AlipayKeyError } from '../errors/AlipayKeyError.js';

const ARMOR_RE = /-----(BEGIN|END) [A-Z0-9 ]+-----/g;
const WHITESPACE_RE = /\s+/g;

/**
 * Turns key text as users paste it — bare base64 or PEM, any line breaks (CRLF too), stray
 * whitespace — into DER bytes. `what` names the option in error messages; the key itself never
 * appears in them.
 */
export function decodeKeyText(text: unknown, what: string): Uint8Array {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new AlipayKeyError(`${what} must be a non-empty string (PEM or bare base64)`);
  }
  if (text.includes('ENCRYPTED')) {
    throw new AlipayKeyError(`${what} is an encrypted PEM key; pass the unencrypted key`);
  }
  const body = text.replace(ARMOR_RE, '').replace(WHITESPACE_RE, '');
  const der = base64Decode(body);
  if (der === undefined || der.length === 0) {
    throw new AlipayKeyError(
      `${what} is neither PEM nor bare base64 (${body.length} characters after cleanup)`,
    );
  }
  return der;
}
