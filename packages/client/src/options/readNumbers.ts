import { invalidOption, shown } from './invalidOption.js';

// setTimeout's ceiling: a larger delay fires at once.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A number within [min, max] (an integer when asked), or the fallback when undefined. */
function readNumber(
  value: unknown,
  field: string,
  fallback: number,
  [min, max, integer]: readonly [number, number, boolean],
  what: string,
): number {
  if (value === undefined) return fallback;
  // `!(… >= …)` refuses NaN too.
  if (typeof value !== 'number' || !(value >= min && value <= max) || (integer && !Number.isInteger(value)))
    throw invalidOption(field, 'type', `must be ${what} (got ${shown(value)})`);
  return value;
}

/** A positive timeout in ms, or the fallback when undefined. */
export const readTimeout = (value: unknown, field: string, fallback: number): number =>
  readNumber(
    value,
    field,
    fallback,
    [Number.MIN_VALUE, MAX_TIMER_MS, false],
    `a positive number of milliseconds up to ${MAX_TIMER_MS}`,
  );

/** A non-negative integer count, or the fallback when undefined. */
export const readCount = (value: unknown, field: string, fallback: number): number =>
  readNumber(value, field, fallback, [0, Number.MAX_SAFE_INTEGER, true], 'a non-negative integer');

/** A non-negative delay in ms, or the fallback when undefined. */
export const readDelay = (value: unknown, field: string, fallback: number): number =>
  readNumber(value, field, fallback, [0, MAX_TIMER_MS, false], 'a non-negative number of milliseconds');

/**
 * `maxResponseBytes`: a whole number of bytes from 4096 to 2^30, default 1 MiB (a voucher answer is
 * under 2 kB; memory stays bounded).
 */
export const readByteLimit = (value: unknown, field: string): number =>
  readNumber(value, field, 2 ** 20, [4096, 2 ** 30, true], 'a whole number of bytes from 4096 to 1073741824');
