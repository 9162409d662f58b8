import { ownOptions } from './input/ownOptions.js';
import { readName } from './input/readName.js';

/**
 * How a verifier's errors name what it was given, for a caller whose own options hold the key under
 * other names (a fake gateway checking an app's requests calls it `publicKey`). Each defaults to the
 * option's own name; `keyNoun` to `the Alipay public key`.
 */
export interface VerifierFieldNames {
  /** Names the public key in messages; default `alipayPublicKey`. */
  alipayPublicKey?: string;
  /** Names the public-key certificate in messages; default `alipayPublicCert`. */
  alipayPublicCert?: string;
  /** Names the root certificate bundle in messages; default `alipayRootCert`. */
  alipayRootCert?: string;
  /** The key in prose, as in "… was refused by the crypto library"; default `the Alipay public key`. */
  keyNoun?: string;
}

// Type-checked both ways against VerifierFieldNames.
const KNOWN = {
  alipayPublicKey: true,
  alipayPublicCert: true,
  alipayRootCert: true,
  keyNoun: true,
} as const satisfies Record<keyof VerifierFieldNames, true>;

/** Validates createVerifier's `fieldNames` (unknown keys refused) and fills in the defaults. */
export function readVerifierFieldNames(value: unknown): Required<VerifierFieldNames> {
  const own = ownOptions(value, 'createVerifier', KNOWN, { required: false, name: 'fieldNames' });
  const name = (key: keyof VerifierFieldNames, fallback: string) =>
    readName(own[key], fallback, 'createVerifier', `fieldNames.${key}`);
  return {
    alipayPublicKey: name('alipayPublicKey', 'alipayPublicKey'),
    alipayPublicCert: name('alipayPublicCert', 'alipayPublicCert'),
    alipayRootCert: name('alipayRootCert', 'alipayRootCert'),
    keyNoun: name('keyNoun', 'the Alipay public key'),
  };
}
