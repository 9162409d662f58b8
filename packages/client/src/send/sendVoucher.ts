import { aesEncrypt } from '@aopkit/signer';
import { METHOD } from '@aopkit/types';
import { AlipayApiError } from '../errors/AlipayApiError.js';
import { AlipayResponseError } from '../errors/AlipayResponseError.js';
import { AlipayValidationError } from '../errors/AlipayValidationError.js';
import { serializeBizContent } from '../input/serializeBizContent.js';
import type { VoucherSendParams, VoucherSendResult } from '../input/VoucherSendParams.js';
import type { SendOptions } from '../options/AlipayClientOptions.js';
import { invalidOption } from '../options/invalidOption.js';
import { readCount, readTimeout } from '../options/readNumbers.js';
import type { ResolvedOptions } from '../options/readOptions.js';
import { SUCCESS } from '../response/readResponse.js';
import { backoffDelay, shouldRetry } from '../retry/shouldRetry.js';
import { sleep } from '../retry/sleep.js';
import type { GatewayApi } from '../transport/createGatewayApi.js';
import { loadValueEncoder, unencodableField } from '../transport/valueEncoder.js';
import { sendAttempt } from './sendAttempt.js';

// Redacted facts about a failure, for the logger: never parameters, keys or signatures.
function facts(error: unknown): Record<string, unknown> {
  if (error instanceof AlipayApiError)
    return { error: error.name, code: error.code, sub_code: error.sub_code };
  if (error instanceof AlipayResponseError) return { error: error.name, status: error.status };
  return { error: error instanceof Error ? error.name : typeof error };
}

const CALL_OPTIONS: ReadonlySet<string> = new Set<keyof SendOptions>(['signal', 'timeoutMs', 'maxRetries']);

/** A misspelt per-call option (`retries`, `timeout`) would be ignored without a word: refuse it. */
function readCallOptions(call: unknown): void {
  if (typeof call !== 'object' || call === null)
    throw invalidOption('call', 'type', 'must be an object: send(params, { signal, timeoutMs, maxRetries })');
  for (const key of Object.keys(call)) {
    if (!CALL_OPTIONS.has(key))
      throw invalidOption(
        key,
        'unknown',
        `is not an option of send(); known: ${[...CALL_OPTIONS].join(', ')}`,
      );
  }
}

/**
 * Sends one voucher: validates and serialises the business content once, then attempts, retrying
 * retryable outcomes with backoff until `maxRetries` is spent or `signal` aborts.
 */
export async function sendVoucher(
  options: ResolvedOptions,
  api: GatewayApi,
  params: VoucherSendParams,
  call: SendOptions = {},
): Promise<VoucherSendResult> {
  const json = serializeBizContent(params);
  readCallOptions(call);
  const timeoutMs = readTimeout(call.timeoutMs, 'timeoutMs', options.timeoutMs);
  const maxRetries = readCount(call.maxRetries, 'maxRetries', options.maxRetries);
  const { signal } = call;
  if (
    signal !== undefined &&
    (typeof signal !== 'object' || signal === null || typeof signal.aborted !== 'boolean')
  ) {
    throw invalidOption('signal', 'type', 'must be an AbortSignal');
  }
  if (options.charset !== 'utf-8') {
    const field = await unencodableField(JSON.parse(json) as Record<string, string>, options.charset);
    if (field !== undefined) {
      throw new AlipayValidationError(`${field} has characters that ${options.charset} cannot encode`, {
        field,
        rule: 'charset',
      });
    }
  }
  const bizContent =
    options.encryptKey === undefined
      ? json
      : await aesEncrypt(json, options.encryptKey, { charset: options.charset });
  const encodeValue = await loadValueEncoder(options.charset);
  const prepared = { options, api, encodeValue, bizContent, timeoutMs, signal };
  const { logger } = options;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    const started = Date.now();
    try {
      const result = await sendAttempt(prepared);
      logger.debug?.('alipay call succeeded', {
        method: METHOD,
        attempt,
        code: SUCCESS,
        durationMs: Date.now() - started,
      });
      return result;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const meta = { method: METHOD, attempt, durationMs: Date.now() - started, ...facts(error) };
      if (!shouldRetry(error, attempt, maxRetries)) {
        logger.debug?.('alipay call failed', meta);
        throw error;
      }
      const delayMs = backoffDelay(attempt, options.retryDelay);
      logger.warn?.('alipay call failed, retrying', { ...meta, delayMs });
      await sleep(delayMs, signal);
    }
  }
}
