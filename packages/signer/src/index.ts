// biome-ignore-all assist/source/organizeImports: grouped by section for readers, not by path
// @aopkit/signer — byte-correct signing and verification for the Alipay Open Platform gateway.

// Request signing
export { canonicalize, type ParamValue, type SignableParams } from './canonicalize.js';
export { createSigner, type Signer, type SignerOptions } from './createSigner.js';
export { formatTimestamp } from './formatTimestamp.js';
export { hasLoneSurrogate } from './input/loneSurrogate.js';
export type { SignType } from './options.js';
export { type Charset, loadCharsetEncoder } from './charset/createEncoder.js';
export { loadCharsetDecoder } from './charset/createDecoder.js';
export type { CryptoChoice } from './crypto/CryptoProvider.js';

// Response verification
export {
  type CertificateVerifierOptions,
  createVerifier,
  type PublicKeyVerifierOptions,
  type Verifier,
  type VerifierOptions,
} from './createVerifier.js';
export type { VerifierFieldNames } from './verifierFieldNames.js';
export type { VerifiedResponse } from './response/VerifiedResponse.js';
export { ERROR_RESPONSE_NODE, responseNodeName } from './response/responseNodeName.js';

// Asynchronous notifications
export { type NotificationOptions, verifyNotification } from './verifyNotification.js';

// Keys
export { isPublicKeyOf, type KeyFieldNames } from './keys/isPublicKeyOf.js';

// Certificate mode
export { certSerialNumber, rootCertSerialNumber } from './cert/certSerialNumber.js';

// AES content encryption
export { type AesOptions, aesDecrypt, aesEncrypt, isAesKey } from './aes.js';

// Errors
export { AopkitError } from './errors/AopkitError.js';
export { SignerError } from './errors/SignerError.js';
export { SignerOptionError, type SignerOptionRule } from './errors/SignerOptionError.js';
export { AlipayKeyError } from './errors/AlipayKeyError.js';
export { AlipayCertificateError } from './errors/AlipayCertificateError.js';
export {
  AlipaySignatureVerificationError,
  type VerificationFailureReason,
} from './errors/AlipaySignatureVerificationError.js';
export {
  AlipayMalformedResponseError,
  type MalformedResponseReason,
} from './errors/AlipayMalformedResponseError.js';
export { AesError } from './errors/AesError.js';
export { CryptoUnavailableError } from './errors/CryptoUnavailableError.js';
