import { configError } from '../errors/FakeGatewayError.js';

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The own fields of an object given to the fake (an option, a fixture entry), copied onto a
 * prototype-less record: an inherited property (`Object.prototype.seed = …`) is never read, and an
 * unknown own key is refused with the known ones listed (ERR_FAKE_CONFIG), so a typo such as `frozn`
 * cannot silently do nothing. `where` starts the message; `path` (default `where`) is the field's root.
 */
export function ownFields<K extends string>(
  value: unknown,
  known: readonly K[],
  context: { where: string; path?: string; shape: string },
): Partial<Record<K, unknown>> {
  const path = context.path ?? context.where;
  if (!isRecord(value)) {
    throw configError(path || context.where, `${context.where}: must be an object ${context.shape}`);
  }
  const fields: Partial<Record<K, unknown>> = Object.create(null);
  for (const key of Object.keys(value)) {
    if (!(known as readonly string[]).includes(key)) {
      const field = path === '' ? key : `${path}.${key}`;
      throw configError(field, `${context.where}: unknown key ${key}; known: ${known.join(', ')}`);
    }
    fields[key as K] = value[key];
  }
  return fields;
}
