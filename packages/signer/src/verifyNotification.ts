import { canonicalize } from './canonicalize.js';
import { createVerifier, type PublicKeyVerifierOptions, type Verifier } from './createVerifier.js';
import { SignerOptionError } from './errors/SignerOptionError.js';
import { ownOptions } from './input/ownOptions.js';
import { SIGN_TYPES, type SignType } from './options.js';

/** Options of {@link verifyNotification}: a ready verifier (preferred: its key is parsed once), or a key. */
export type NotificationOptions = { verifier: Verifier } | PublicKeyVerifierOptions;

const VERIFIER_ONLY = { verifier: true } as const satisfies Record<'verifier', true>;

function verifierOf(options: NotificationOptions): Verifier {
  if (typeof options === 'object' && options !== null && Object.hasOwn(options, 'verifier')) {
    // With a ready verifier, any other option would be ignored: refused instead.
    const { verifier } = ownOptions(options, 'verifyNotification', VERIFIER_ONLY);
    if (
      typeof verifier !== 'object' ||
      verifier === null ||
      typeof (verifier as Verifier).verify !== 'function'
    ) {
      throw new SignerOptionError(
        'verifyNotification: options.verifier must be a Verifier from createVerifier',
        {
          field: 'verifier',
          rule: 'type',
        },
      );
    }
    return verifier as Verifier;
  }
  return createVerifier(options as PublicKeyVerifierOptions);
}

/**
 * Verifies an asynchronous notification (PROTOCOL §11, V1): drops `sign` and `sign_type`, drops
 * empty values, sorts and joins as in §2, and checks `sign` with the Alipay public key, using the
 * hash named by the fields' `sign_type` (default RSA2). `fields` are the form fields, URL-decoded
 * exactly once; only their own properties are read. Resolves false — never throws — for a missing or
 * bad signature or an unknown sign_type. Rejects with SignerOptionError for bad options or `fields`
 * that are not an object, and with the key errors of {@link createVerifier}.
 */
export async function verifyNotification(
  fields: Readonly<Record<string, string | undefined>>,
  options: NotificationOptions,
): Promise<boolean> {
  const verifier = verifierOf(options);
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new SignerOptionError('verifyNotification: fields must be an object of form fields', {
      field: 'fields',
      rule: 'type',
    });
  }
  // Own properties only: `sign` or `sign_type` inherited from a polluted prototype is never read.
  const own = (key: string) => (Object.hasOwn(fields, key) ? fields[key] : undefined);
  const sign = own('sign');
  const signType = own('sign_type') ?? 'RSA2';
  if (typeof sign !== 'string' || sign === '' || !(SIGN_TYPES as readonly unknown[]).includes(signType))
    return false;
  // Null prototype: a `__proto__` field is kept as a field, as object spread would keep it.
  const rest: Record<string, string | undefined> = Object.create(null);
  for (const key of Object.keys(fields)) if (key !== 'sign' && key !== 'sign_type') rest[key] = fields[key];
  let content: string;
  try {
    content = canonicalize(rest);
  } catch (error) {
    // A field that cannot have been signed as it stands (a lone surrogate, a non-string): not verified.
    if (error instanceof SignerOptionError) return false;
    throw error;
  }
  return verifier.verify(content, sign, signType as SignType);
}
