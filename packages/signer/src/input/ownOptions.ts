import { SignerOptionError } from '../errors/SignerOptionError.js';
import { clip, excerpt, shown } from './shown.js';

/**
 * An options object's own properties, checked against the function's known keys. Unknown own keys are
 * refused with the known ones listed (a misspelt `signtype` would otherwise be ignored, and
 * sign RSA2); inherited ones are never read, so a polluted `Object.prototype` cannot set an option.
 * Null-prototype objects are fine. `known` is a `satisfies Record<keyof Options, true>` literal, so the
 * list cannot drift from the type.
 */
export function ownOptions<K extends string>(
  options: unknown,
  fn: string,
  known: Readonly<Record<K, true>>,
  { required = true, name = 'options' } = {},
): Partial<Record<K, unknown>> {
  if (options === undefined) {
    if (!required) return {};
    throw new SignerOptionError(`${fn}: ${name} are required`, { field: name, rule: 'required' });
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new SignerOptionError(`${fn}: ${name} must be an object (got ${shown(options)})`, {
      field: name,
      rule: 'type',
    });
  }
  // Null prototype: an option the caller left out reads undefined, never a polluted prototype's value.
  const out: Partial<Record<K, unknown>> = Object.create(null);
  for (const key of Object.keys(options)) {
    if (!Object.hasOwn(known, key)) {
      const list = Object.keys(known).join(', ');
      throw new SignerOptionError(
        `${fn}: unknown ${name === 'options' ? 'option' : `key of ${name}`} ${excerpt(key)} (known: ${list})`,
        {
          field: clip(key),
          rule: 'unknown',
        },
      );
    }
    out[key as K] = (options as Record<string, unknown>)[key];
  }
  return out;
}
