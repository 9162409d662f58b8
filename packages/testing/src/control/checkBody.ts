import { ControlError } from './ControlError.js';

/** What a body field may hold, as the document declares it. */
export type FieldKind = 'string' | 'boolean' | 'number' | 'string|true';

const badBody = (message: string) => new ControlError(message, { code: 'ERR_CONTROL_BAD_BODY' });

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

function fits(value: unknown, kind: FieldKind): boolean {
  if (kind === 'string|true') return typeof value === 'string' || value === true;
  return typeof value === kind;
}

/**
 * The body as an object with only the `fields` given, each of its kind; a ControlError (400) naming the
 * field and the known ones otherwise. Values are never echoed: a body may carry a key.
 */
export function checkBody<T>(body: unknown, what: string, fields: Readonly<Record<keyof T, FieldKind>>): T {
  const known = Object.keys(fields).join(', ');
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badBody(`${what}: send a JSON object with ${known} (got ${kindOf(body)})`);
  }
  for (const [key, value] of Object.entries(body)) {
    const kind = (fields as Record<string, FieldKind>)[key];
    if (kind === undefined)
      throw badBody(`${what}: unknown field ${JSON.stringify(key)}; the fields: ${known}`);
    if (!fits(value, kind)) {
      const expected = kind === 'string|true' ? 'a string or true' : `a ${kind}`;
      throw badBody(`${what}.${key} must be ${expected} (got ${kindOf(value)})`);
    }
  }
  return body as T;
}

/** The body as parsed JSON; undefined when empty. Never quotes the text (it may hold a key). */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ControlError('the body is not valid JSON', { code: 'ERR_CONTROL_BAD_BODY', cause });
  }
}
