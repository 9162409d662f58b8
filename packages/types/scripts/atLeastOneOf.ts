import type { OpenAPITSOptions, SchemaObject } from 'openapi-typescript';
import {
  QUESTION_TOKEN,
  transformSchemaObject,
  tsIntersection,
  tsPropertyIndex,
  tsUnion,
  UNDEFINED,
} from 'openapi-typescript';
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

/** `x-identity-priority`, when the schema has it and it names exactly the idiom's fields. */
function priorityOf(schema: SchemaObject, fields: string[]): string[] | undefined {
  const priority = (schema as { 'x-identity-priority'?: unknown })['x-identity-priority'];
  const same =
    Array.isArray(priority) && priority.length === fields.length && fields.every((f) => priority.includes(f));
  return same ? (priority as string[]) : undefined;
}

const comment = <T extends ts.Node>(node: T, text: string): T =>
  ts.addSyntheticLeadingComment(
    node,
    ts.SyntaxKind.MultiLineCommentTrivia,
    `*\n * ${text.replaceAll('\n', '\n * ')}\n `,
    true,
  );

const exportedAlias = (name: string, type: ts.TypeNode, doc: string) =>
  comment(
    ts.factory.createTypeAliasDeclaration(
      [ts.factory.createModifier(ts.SyntaxKind.ExportKeyword)],
      name,
      undefined,
      type,
    ),
    doc,
  );

/**
 * openapi-typescript 7 turns that idiom into `Base | unknown | unknown`, i.e. `unknown`. This postTransform
 * types it as `Base & ({ a: A } | { b: B } | …)` instead: the object, with at least one of them present.
 *
 * With `x-identity-priority` (the fields are tried in an order, as the identity of voucher.send), schema
 * `X` becomes `XFields & XAtLeastOne` instead, two exported aliases: `XFields` is the object with every
 * property (the idiom's optional), `XAtLeastOne` a union partitioned by the highest-priority field present,
 * `{ a: A } | { a?: undefined; b: B } | …`, which is exactly "at least one of them". Why this shape: an
 * editor shows a property's documentation in an object literal only when the property resolves to one
 * declaration across the union's branches; here every property comes from `XFields` (kept through `Omit`
 * of `XFields`, which an intersection would not be), and a literal naming the first field rules out every
 * other branch (`a?: undefined`). The branches are written lowest priority first: TypeScript reports a
 * literal that matches no branch against the last one, so a missing identity names the first field.
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
    const typeOf = (field: string) =>
      transformSchemaObject(schema.properties![field]!, { ...options, path: `${path}/properties/${field}` });
    const property = (field: string) =>
      ts.factory.createPropertySignature(undefined, tsPropertyIndex(field), undefined, typeOf(field));
    const priority = priorityOf(schema, fields);
    const name = /^#\/components\/schemas\/(\w+)$/.exec(path)?.[1];
    if (!priority || !name) {
      return tsIntersection([
        base,
        tsUnion(fields.map((field) => ts.factory.createTypeLiteralNode([property(field)]))),
      ]);
    }
    const fieldsName = `${name}Fields`;
    const oneName = `${name}AtLeastOne`;
    const footer = options.ctx.injectFooter;
    if (!footer.some((node) => ts.isTypeAliasDeclaration(node) && node.name.text === fieldsName)) {
      const absent = (field: string) =>
        ts.factory.createPropertySignature(undefined, tsPropertyIndex(field), QUESTION_TOKEN, UNDEFINED);
      const branches = priority.map((field, i) =>
        ts.factory.createTypeLiteralNode([...priority.slice(0, i).map(absent), property(field)]),
      );
      footer.push(
        exportedAlias(
          fieldsName,
          base,
          `Every property of ${name}, ${fields.join(', ')} optional; ${name} adds that at least one is present.`,
        ),
        exportedAlias(
          oneName,
          ts.factory.createUnionTypeNode(branches.reverse()),
          `At least one of ${priority.join(', ')}, by priority: each branch is "this field present, none before it".\n` +
            'Written lowest priority first, so that a literal with none of them is told the first is missing.',
        ),
      );
    }
    return tsIntersection([
      ts.factory.createTypeReferenceNode(fieldsName),
      ts.factory.createTypeReferenceNode(oneName),
    ]);
  } finally {
    inProgress.delete(path);
  }
};
