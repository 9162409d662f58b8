const EXCERPT = 40;
// Enum values are short words ('RSA2', 'gbk', 'node'); anything longer may be a key or a token pasted
// into the wrong option, so only its length is told.
const SHORT = 16;

/** At most 40 characters of `text`, with `…` when cut. */
export const clip = (text: string): string => (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text);

/** A name (an option key, a parameter name) for a message: JSON-quoted, at most 40 characters. */
export const excerpt = (text: string): string => JSON.stringify(clip(text));

/**
 * A non-secret option value for a message: a short string quoted, a longer one by its length only
 * (it may be a secret in the wrong place), anything else by its type. Never the whole of a long value.
 */
export function shown(value: unknown): string {
  if (typeof value === 'string')
    return value.length <= SHORT ? JSON.stringify(value) : `a string of ${value.length} characters`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
