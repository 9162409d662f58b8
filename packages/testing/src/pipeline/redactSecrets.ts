import { canonicalize } from '@aopkit/signer';

/**
 * Parameters whose values are credentials, never kept in the log (nor passed to onRequest):
 * a merchant's `app_auth_token` and a user's `auth_token` (PROTOCOL §4).
 */
export const SECRET_PARAMS: readonly string[] = ['app_auth_token', 'auth_token'];

/** What a secret parameter's value becomes in the log. */
export const REDACTED = '[redacted]';

// A value the canonical string keeps (not empty or blank in Java's sense): only those are secrets.
// The others stay as they are, so a string rebuilt from the copy has the real one's shape.
const isSigned = (name: string, value: string): boolean => canonicalize({ [name]: value }) !== '';

/** A copy of `params` with every secret value (one that is signed and sent) replaced by `[redacted]`. */
export function redactSecrets(params: Readonly<Record<string, string>>): Record<string, string> {
  const copy = { ...params };
  for (const name of SECRET_PARAMS) {
    const value = copy[name];
    if (value !== undefined && isSigned(name, value)) copy[name] = REDACTED;
  }
  return copy;
}
