import { aesEncrypt } from '@aopkit/signer';
import { METHOD } from '@aopkit/types';
import { AlipayApiError } from '../errors/AlipayApiError.js';
import { AlipayError, settleError } from '../errors/AlipayError.js';
import { AlipayResponseError } from '../errors/AlipayResponseError.js';
import { AlipayValidationError } from '../errors/AlipayValidationError.js';
import { serializeBizContent } from '../input/serializeBizContent.js';
import type { VoucherSendParams, VoucherSendResult } from '../input/VoucherSendParams.js';
import type { SendOptions } from '../options/AlipayClientOptions.js';
import { invalidOption } from '../options/invalidOption.js';
import { isOptionsObject, own } from '../options/own.js';
import { readCount, readTimeout } from '../options/readNumbers.js';
import { type ResolvedOptions, refuseUnknown } from '../options/readOptions.js';
import { SUCCESS } from '../response/readResponse.js';
import { backoffDelay, shouldRetry } from '../retry/shouldRetry.js';
import { sleep } from '../retry/sleep.js';
import { excerpt } from '../text/excerpt.js';
import type { GatewayApi } from '../transport/createGatewayApi.js';
import { loadValueEncoder, unencodableField } from '../transport/valueEncoder.js';
import { type PreparedSend, sendAttempt } from './sendAttempt.js';

// Redacted facts about a failure, for the logger: never parameters, keys or signatures.
function facts(error: AlipayError): Record<string, unknown> {
  if (error instanceof AlipayApiError)
    return { error: error.name, code: error.code, sub_code: error.sub_code };
  if (error instanceof AlipayResponseError)
    return { error: error.name, code: error.code, status: error.status };
  return { error: error.name, code: error.code };
}

const CALL_OPTIONS: ReadonlySet<string> = new Set(
  Object.keys({ signal: true, timeoutMs: true, maxRetries: true } satisfies Record<keyof SendOptions, true>),
);

/** A misspelt per-call option (`retries`, `timeout`) would be ignored without a word: refuse it. */
function readCallOptions(call: unknown, fallback: ResolvedOptions) {
  if (!isOptionsObject(call))
    throw invalidOption('call', 'type', 'must be an object: send(params, { signal, timeoutMs, maxRetries })');
  refuseUnknown(call, CALL_OPTIONS, '', 'send()');
  const signal = own(call, 'signal');
  // Only a real AbortSignal: a look-alike would make AbortSignal.any() and fetch throw TypeError.
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw invalidOption('signal', 'type', 'must be an AbortSignal');
  }
  return {
    signal,
    timeoutMs: readTimeout(own(call, 'timeoutMs'), 'timeoutMs', fallback.timeoutMs),
    maxRetries: readCount(own(call, 'maxRetries'), 'maxRetries', fallback.maxRetries),
  };
}

// Input that could not even be read (a throwing getter, a revoked Proxy).
const unreadable = (cause: unknown) =>
  new AlipayValidationError('params could not be read', { field: 'params', rule: 'type' }, { cause });

// Anything else that is not ours (a bug, the runtime's crypto failing) is wrapped, never let through.
const unexpected = (error: unknown, mayHaveIssued: boolean): AlipayError =>
  error instanceof AlipayError
    ? error
    : new AlipayError(`unexpected: ${error instanceof Error ? excerpt(error.message, 200) : typeof error}`, {
        code: 'ERR_UNEXPECTED',
        mayHaveIssued,
        cause: error,
      });

/** Validates the input and fixes everything every attempt shares: no network I/O. */
async function prepare(
  options: ResolvedOptions,
  api: GatewayApi,
  params: unknown,
  call: unknown,
): Promise<PreparedSend & { readonly maxRetries: number }> {
  let json: string;
  let callOptions: ReturnType<typeof readCallOptions>;
  try {
    json = serializeBizContent(params);
    callOptions = readCallOptions(call, options);
  } catch (error) {
    throw error instanceof AlipayError ? error : unreadable(error);
  }
  const fields = JSON.parse(json) as Record<string, string>;
  if (options.charset !== 'utf-8') {
    const field = await unencodableField(fields, options.charset);
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
  // own(): an inherited user_id (a polluted Object.prototype) is not what the request named.
  const userId = own(fields, 'user_id') as string | undefined;
  return { options, api, encodeValue, bizContent, userId, ...callOptions };
}

/**
 * Sends one voucher: validates and serialises the business content once, then attempts, retrying
 * retryable outcomes with backoff until `maxRetries` is spent or `signal` aborts. Rejects with an
 * AlipayError carrying `attempts` and `mayHaveIssued` (over all attempts), or with `signal.reason`.
 */
export async function sendVoucher(
  options: ResolvedOptions,
  api: GatewayApi,
  params: VoucherSendParams,
  call: SendOptions = {},
): Promise<VoucherSendResult> {
  let prepared: Awaited<ReturnType<typeof prepare>>;
  try {
    prepared = await prepare(options, api, params, call);
  } catch (error) {
    throw settleError(unexpected(error, false), 0, false);
  }
  const { signal, maxRetries } = prepared;
  const { logger } = options;
  let mayHaveIssued = false;
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
    } catch (caught) {
      if (signal?.aborted) throw signal.reason;
      const error = unexpected(caught, true);
      mayHaveIssued ||= error.mayHaveIssued;
      const meta = { method: METHOD, attempt, durationMs: Date.now() - started, ...facts(error) };
      if (!shouldRetry(error, attempt, maxRetries)) {
        // The final failure: never logged lower than the retries before it.
        (logger.error ?? logger.warn)?.('alipay call failed', { ...meta, mayHaveIssued });
        throw settleError(error, attempt, mayHaveIssued);
      }
      const delayMs = backoffDelay(attempt, options.retryDelay);
      logger.warn?.('alipay call failed, retrying', { ...meta, delayMs });
      await sleep(delayMs, signal);
    }
  }
}
