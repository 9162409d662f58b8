import { canonicalize } from './canonicalize.js';
import { createVerifier, type PublicKeyVerifierOptions, type Verifier } from './createVerifier.js';
import type { SignType } from './options.js';

/** Options of {@link verifyNotification}: a ready verifier (preferred: its key is parsed once), or a key. */
export type NotificationOptions = { verifier: Verifier } | PublicKeyVerifierOptions;

const SIGN_TYPES: readonly string[] = ['RSA2', 'RSA'];

/**
 * Verifies an asynchronous notification (PROTOCOL §11, V1): drops `sign` and `sign_type`, drops
 * empty values, sorts and joins as in §2, and checks `sign` with the Alipay public key, using the
 * hash named by the fields' `sign_type` (default RSA2). `fields` are the form fields, URL-decoded
 * exactly once. Resolves false — never throws — for a missing or bad signature or an unknown sign_type.
 */
export async function verifyNotification(
  fields: Readonly<Record<string, string | undefined>>,
  options: NotificationOptions,
): Promise<boolean> {
  const verifier = 'verifier' in options ? options.verifier : createVerifier(options);
  const { sign, sign_type: signType = 'RSA2', ...rest } = fields;
  if (!sign || !SIGN_TYPES.includes(signType)) return false;
  return verifier.verify(canonicalize(rest), sign, signType as SignType);
}
