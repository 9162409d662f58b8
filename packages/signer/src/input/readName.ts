import { SignerOptionError } from '../errors/SignerOptionError.js';
import { clip } from './shown.js';

/**
 * A name the caller gives for its messages (an option of its own, a noun): `fallback` when undefined,
 * else a non-empty string, clipped to 40 characters. Anything else is a SignerOptionError naming `field`.
 */
export function readName(value: unknown, fallback: string, fn: string, field: string): string {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && value.trim() !== '') return clip(value);
  throw new SignerOptionError(`${fn}: ${field} must be a non-empty string`, { field, rule: 'type' });
}
