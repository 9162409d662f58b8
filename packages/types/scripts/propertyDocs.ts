import { isObject, type JsonObject, resolvePointer } from './specAccess';

/**
 * openapi-typescript writes a property's description as a `@description` tag, which editors show
 * apart from the documentation, and writes nothing for a property that is only a `$ref` (`amount`:
 * `{ $ref: Price }`). This returns a copy of the spec where every property of every object schema
 * carries its description, the `$ref`'s target's when it has none, as `summary`: the documentation text
 * an editor shows first when hovering the property. Run it after {@link limitsInDescriptions}, so the
 * limits come along. The spec itself is left as it is.
 */
export function propertyDocs<T>(spec: T): T {
  const copy = structuredClone(spec) as unknown;
  if (!isObject(copy)) return copy as T;
  walk(copy, copy);
  return copy as T;
}

function walk(root: JsonObject, node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(root, item);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-')) continue;
    if (key === 'properties' && isObject(value)) {
      for (const property of Object.values(value)) if (isObject(property)) document(root, property);
    }
    walk(root, value);
  }
}

function document(root: JsonObject, property: JsonObject): void {
  let description = property.description;
  if (description === undefined && typeof property.$ref === 'string') {
    const target = resolvePointer(root, property.$ref);
    if (isObject(target)) description = target.description;
  }
  if (typeof description !== 'string' || description === '' || property.summary !== undefined) return;
  property.summary = description;
  delete property.description;
}
