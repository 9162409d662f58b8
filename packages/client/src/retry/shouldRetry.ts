import { AlipayError } from '../errors/AlipayError.js';

/**
 * Whether to send the identical request again, as a pure function of the outcome of attempt
 * number `attempt` (1-based) and the retry budget. Only AlipayErrors marked `retryable` qualify:
 * connection errors, timeouts, HTTP 5xx, code 20000 and sub-codes the spec marks retryable
 * (`SYSTEM_ERROR`). Never 400xx errors, signature failures, validation errors or aborts.
 */
export function shouldRetry(outcome: unknown, attempt: number, maxRetries: number): boolean {
  return attempt <= maxRetries && outcome instanceof AlipayError && outcome.retryable;
}

/**
 * The pause before retry number `attempt` (1-based): exponential from `initialMs`, capped at
 * `maxMs`, with full jitter (a uniform draw from [0, cap)), so many clients retrying at once spread
 * out. `random` is injectable to keep it pure in tests.
 */
export function backoffDelay(
  attempt: number,
  delay: { readonly initialMs: number; readonly maxMs: number },
  random: () => number = Math.random,
): number {
  const cap = Math.min(delay.maxMs, delay.initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * cap);
}
