import { COMMON_PARAMS, type FieldRule } from '@aopkit/types';
import { invalidOption, shown } from './invalidOption.js';

/**
 * A string option. `param` names the wire parameter whose spec rules (maxLength, enum) apply;
 * `secret` keeps the value out of every message.
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
  const got = rules.secret ? typeof value : shown(value);
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidOption(field, 'type', `must be a non-empty string (got ${got})`);
  }
  const rule: FieldRule | undefined = rules.param ? COMMON_PARAMS[rules.param] : undefined;
  if (rule?.maxLength !== undefined && value.length > rule.maxLength) {
    throw invalidOption(
      field,
      'maxLength',
      `must be at most ${rule.maxLength} characters (got ${value.length})`,
    );
  }
  if (rule?.enum && !rule.enum.includes(value)) {
    throw invalidOption(
      field,
      'enum',
      `must be one of ${rule.enum.map((v) => `'${v}'`).join(', ')} (got ${got})`,
    );
  }
  return value;
}
