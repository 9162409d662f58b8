/** A spec that lacks, or contradicts, something the generator needs. */
export class SpecError extends Error {
  override readonly name = 'SpecError';

  constructor(
    readonly pointer: string,
    problem: string,
  ) {
    super(`spec ${pointer}: ${problem}`);
  }
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` ("#/a/b~1c") through the whole document; throws when it points nowhere. */
export function resolvePointer(spec: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#')) throw new SpecError(ref, 'only local $refs ("#/…") are supported');
  let node: unknown = spec;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const segment = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) node = node[segment];
    else node = undefined;
    if (node === undefined) throw new SpecError(ref, '$ref points to nothing');
  }
  return node;
}

/** A node with its `$ref`s followed (a chain of them too), plus the pointer it ended at. */
export function deref(spec: JsonObject, node: unknown, pointer: string): { node: unknown; pointer: string } {
  let current = node;
  let at = pointer;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 32) throw new SpecError(at, '$ref chain too long (a cycle?)');
    at = current.$ref;
    current = resolvePointer(spec, at);
  }
  return { node: current, pointer: at };
}

/** Like `deref`, but the result must be an object. */
export function derefObject(spec: JsonObject, node: unknown, pointer: string, what: string) {
  const resolved = deref(spec, node, pointer);
  if (!isObject(resolved.node)) throw new SpecError(pointer, `missing ${what}`);
  return { node: resolved.node, pointer: resolved.pointer };
}

export function stringArray(value: unknown, pointer: string, what: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new SpecError(pointer, `${what} must be an array of strings`);
  }
  return value;
}

export function nonEmptyString(value: unknown, pointer: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SpecError(pointer, `${what} must be a non-empty string`);
  }
  return value;
}

/** Escapes a key for use as one segment of a JSON pointer. */
export function segment(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
