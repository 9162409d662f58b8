/**
 * How a verifier's errors name what it was given, for a caller whose own options hold the key under
 * other names (a fake gateway checking an app's requests calls it `publicKey`). Each defaults to the
 * option's own name; `keyNoun` to `the Alipay public key`. `alipayRootCert` keeps its name: the root
 * bundle is Alipay's whoever's key is checked.
 */
export interface VerifierFieldNames {
  /** Names the public key in messages; default `alipayPublicKey`. */
  alipayPublicKey?: string;
  /** Names the public-key certificate in messages; default `alipayPublicCert`. */
  alipayPublicCert?: string;
  /** The key in prose, as in "… was refused by the crypto library"; default `the Alipay public key`. */
  keyNoun?: string;
}

// Type-checked both ways against VerifierFieldNames.
export const FIELD_NAME_KEYS = {
  alipayPublicKey: true,
  alipayPublicCert: true,
  keyNoun: true,
} as const satisfies Record<keyof VerifierFieldNames, true>;
