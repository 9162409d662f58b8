/**
 * `object[key]` only when it is the object's own property: a value inherited from a polluted
 * `Object.prototype` (or any prototype) never counts as an option or a parameter. Objects with a
 * null prototype work the same.
 */
export const own = (object: object, key: string): unknown =>
  Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;

/** Whether `value` is an object whose keys are options (a plain or null-prototype object, not an array). */
export const isOptionsObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
