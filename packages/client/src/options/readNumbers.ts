import { invalidOption, shown } from './invalidOption.js';

// setTimeout's ceiling: a larger delay fires at once.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A positive timeout in ms, or the fallback when undefined. */
export function readTimeout(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TIMER_MS) {
    throw invalidOption(
      field,
      'type',
      `must be a positive number of milliseconds up to ${MAX_TIMER_MS} (got ${shown(value)})`,
    );
  }
  return value;
}

/** A non-negative integer count, or the fallback when undefined. */
export function readCount(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw invalidOption(field, 'type', `must be a non-negative integer (got ${shown(value)})`);
  }
  return value;
}

/** A non-negative delay in ms, or the fallback when undefined. */
export function readDelay(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_TIMER_MS) {
    throw invalidOption(field, 'type', `must be a non-negative number of milliseconds (got ${shown(value)})`);
  }
  return value;
}

/** The bounds of `maxResponseBytes`: a voucher answer is under 2 kB; memory stays bounded. */
export const RESPONSE_BYTES = { min: 4096, max: 2 ** 30, default: 2 ** 20 } as const;

/** `maxResponseBytes`: an integer byte count within {@link RESPONSE_BYTES}, or the default. */
export function readByteLimit(value: unknown, field: string): number {
  if (value === undefined) return RESPONSE_BYTES.default;
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < RESPONSE_BYTES.min ||
    value > RESPONSE_BYTES.max
  ) {
    throw invalidOption(
      field,
      'type',
      `must be a whole number of bytes from ${RESPONSE_BYTES.min} to ${RESPONSE_BYTES.max} (got ${shown(value)})`,
    );
  }
  return value;
}
