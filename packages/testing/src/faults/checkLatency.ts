import { FakeGatewayError, type FakeGatewayErrorCode } from '../errors/FakeGatewayError.js';

/** The longest delay the fake takes: ten minutes is already far past any client's timeout. */
export const MAX_LATENCY_MS = 600_000;

/** A value as an error message shows it: short, and its type when it is not a string or a number. */
export function shown(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A delay in ms, 0 to MAX_LATENCY_MS, or an error of `code` naming `field`. */
export function checkLatency(value: unknown, field: string, code: FakeGatewayErrorCode): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_LATENCY_MS) {
    throw new FakeGatewayError(
      `${field} must be a number of milliseconds from 0 to ${MAX_LATENCY_MS} (got ${shown(value)})`,
      { code, field },
    );
  }
  return value;
}
