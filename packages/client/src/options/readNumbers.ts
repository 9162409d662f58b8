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
