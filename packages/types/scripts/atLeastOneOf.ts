import type { OpenAPITSOptions, SchemaObject, TransformNodeOptions } from 'openapi-typescript';
import { transformSchemaObject, tsIntersection, tsPropertyIndex, tsUnion } from 'openapi-typescript';
import ts from 'typescript';

/**
 * The fields named by an object schema's `anyOf: [{ required: [a] }, { required: [b] }, …]`, the JSON
 * Schema idiom for "at least one of a, b, …"; undefined for any other schema.
 */
export function atLeastOneOfFields(schema: unknown): string[] | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const { anyOf, properties } = schema as { anyOf?: unknown; properties?: Record<string, unknown> };
  if (!Array.isArray(anyOf) || anyOf.length === 0 || typeof properties !== 'object') return undefined;
  const fields = anyOf.map((branch: unknown) => {
    const keys = typeof branch === 'object' && branch !== null ? Object.keys(branch) : [];
    const required = (branch as { required?: unknown }).required;
    const only = keys.length === 1 && Array.isArray(required) && required.length === 1;
    return only && typeof required[0] === 'string' && required[0] in properties ? required[0] : undefined;
  });
  return fields.every((field) => field !== undefined) ? (fields as string[]) : undefined;
}

const inProgress = new Set<string>();

/**
 * openapi-typescript 7 turns that idiom into `Base | unknown | unknown`, i.e. `unknown`. This postTransform
 * types it as `Base & ({ a: A } | { b: B } | …)` instead: the object, with at least one of them present.
 */
export const postTransform: NonNullable<OpenAPITSOptions['postTransform']> = (_type, options) => {
  const path = options.path;
  if (path === undefined || inProgress.has(path)) return undefined;
  const schema = options.ctx.resolve<SchemaObject>(path);
  const fields = atLeastOneOfFields(schema);
  if (schema === undefined || fields === undefined || !('properties' in schema)) return undefined;
  inProgress.add(path);
  try {
    const base = transformSchemaObject({ ...schema, anyOf: undefined } as SchemaObject, options);
    const branches = fields.map((field) => {
      const fieldOptions: TransformNodeOptions = { ...options, path: `${path}/properties/${field}` };
      const type = transformSchemaObject(schema.properties![field]!, fieldOptions);
      return ts.factory.createTypeLiteralNode([
        ts.factory.createPropertySignature(undefined, tsPropertyIndex(field), undefined, type),
      ]);
    });
    return tsIntersection([base, tsUnion(branches)]);
  } finally {
    inProgress.delete(path);
  }
};
