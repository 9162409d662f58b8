// @aopkit/client — a typed client of the Alipay gateway on openapi-fetch: validates, signs,
// verifies every response, retries safely.

// Client
export { type AlipayClient, createAlipayClient } from './createAlipayClient.js';
export { AlipayApiError, type ApiErrorFields, type SignatureMismatch } from './errors/AlipayApiError.js';
export { AlipayConnectionError } from './errors/AlipayConnectionError.js';
// Errors
export { AlipayError, type AlipayErrorCode } from './errors/AlipayError.js';
export { AlipayResponseError } from './errors/AlipayResponseError.js';
export { AlipayResponseMismatchError } from './errors/AlipayResponseMismatchError.js';
export { AlipaySignatureError } from './errors/AlipaySignatureError.js';
export { AlipayTimeoutError } from './errors/AlipayTimeoutError.js';
export { AlipayValidationError, type ValidationRule } from './errors/AlipayValidationError.js';
export type { VoucherSendParams, VoucherSendResult } from './input/VoucherSendParams.js';
export type {
  AlipayClientOptions,
  AlipayLogger,
  RetryDelayOptions,
  SendOptions,
} from './options/AlipayClientOptions.js';
// Retries
export { backoffDelay, shouldRetry } from './retry/shouldRetry.js';
