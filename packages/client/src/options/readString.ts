import { COMMON_PARAMS, type FieldRule } from '@aopkit/types';
import { hasLoneSurrogate, UNENCODABLE } from '../text/hasLoneSurrogate.js';
import { invalidOption, shown } from './invalidOption.js';

/**
 * A string option. `param` names the wire parameter whose spec rules (maxLength, enum) apply.
 * `secret` (keys, certificates, tokens, AES keys) keeps the value out of every message and trims
 * surrounding whitespace and line breaks, which a key or token never holds but a copy from a file or
 * the console often does. Any other string is taken as given, never trimmed.
 */
export function readString(
  value: unknown,
  field: string,
  rules: { required?: boolean; param?: keyof typeof COMMON_PARAMS; secret?: boolean } = {},
): string | undefined {
  if (value === undefined) {
    if (rules.required) throw invalidOption(field, 'required', 'is required');
    return undefined;
  }
  if (typeof value !== 'string') throw invalidOption(field, 'type', `must be a string (got ${shown(value)})`);
  const text = rules.secret ? value.trim() : value;
  if (text.trim() === '') throw invalidOption(field, 'type', 'must be a non-empty string');
  if (hasLoneSurrogate(text)) {
    throw invalidOption(field, 'charset', UNENCODABLE);
  }
  const rule: FieldRule | undefined = rules.param ? COMMON_PARAMS[rules.param] : undefined;
  if (rule?.maxLength !== undefined && text.length > rule.maxLength) {
    throw invalidOption(
      field,
      'maxLength',
      `must be at most ${rule.maxLength} characters (got ${text.length})`,
    );
  }
  // What aopkit sends (x-aopkit-sends) when the gateway takes more spellings than that.
  const allowed = rule?.sends ?? rule?.enum;
  if (allowed && !allowed.includes(text)) {
    const got = rules.secret ? '' : ` (got ${shown(text)})`;
    throw invalidOption(field, 'enum', `must be one of ${allowed.map((v) => `'${v}'`).join(', ')}${got}`);
  }
  return text;
}
