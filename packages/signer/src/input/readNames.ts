import { SignerOptionError } from '../errors/SignerOptionError.js';
import { ownOptions } from './ownOptions.js';
import { clip } from './shown.js';

/**
 * Names a caller gives for its messages (its own option names, a noun), as `fn`'s argument `name`:
 * an object with only `known` keys, each a non-empty string (clipped to 40 characters). Absent names
 * stay absent, for the caller's defaults. Anything else is a SignerOptionError naming the key.
 */
export function readNames<K extends string>(
  value: unknown,
  fn: string,
  name: string,
  known: Readonly<Record<K, true>>,
): Partial<Record<K, string>> {
  const names = ownOptions(value, fn, known, { required: false, name });
  for (const key of Object.keys(names) as K[]) {
    const given = names[key];
    if (given === undefined) continue;
    if (typeof given !== 'string' || given.trim() === '') {
      const field = `${name}.${key}`;
      throw new SignerOptionError(`${fn}: ${field} must be a non-empty string`, { field, rule: 'type' });
    }
    names[key] = clip(given);
  }
  return names as Partial<Record<K, string>>;
}
