/** The outcome of {@link Verifier.verifyResponse}. */
export interface VerifiedResponse {
  /**
   * `true`: the node's signature verified. `false`: an error came unsigned (some gateway errors
   * do) and is reported, not trusted. Anything else throws.
   */
  readonly verified: boolean;
  /** `<method>_response` or `error_response`. */
  readonly nodeName: string;
  /** The exact raw text of the node's value, as cut from the body (what the gateway signed). */
  readonly content: string;
  /** The parsed node, or the base64 ciphertext string when the response is AES-encrypted. */
  readonly node: unknown;
  /** The `sign` received, when there was one. */
  readonly sign?: string;
  /** The `alipay_cert_sn` received (certificate mode). */
  readonly alipayCertSn?: string;
}
