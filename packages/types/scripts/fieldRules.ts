import {
  derefObject,
  isObject,
  type JsonObject,
  nonEmptyString,
  SpecError,
  segment,
  stringArray,
} from './specAccess';

/** The rules of one string field of the wire, as the spec declares them. */
export interface FieldFact {
  required: boolean;
  maxLength?: number;
  pattern?: string;
  enum?: string[];
  /** x-aopkit-sends: the values of enum that aopkit itself sends. */
  sends?: string[];
  description: string;
}

export function propertiesOf(schema: JsonObject, pointer: string): JsonObject {
  if (!isObject(schema.properties)) throw new SpecError(pointer, 'missing properties');
  return schema.properties;
}

export function requiredOf(schema: JsonObject, pointer: string): string[] {
  return schema.required === undefined ? [] : stringArray(schema.required, `${pointer}/required`, 'required');
}

/** The FieldFact of each property of an object schema, following $refs. */
export function fieldsOf(
  spec: JsonObject,
  schema: JsonObject,
  pointer: string,
  required = requiredOf(schema, pointer),
) {
  const fields: Record<string, FieldFact> = {};
  for (const [name, property] of Object.entries(propertiesOf(schema, pointer))) {
    const at = `${pointer}/properties/${segment(name)}`;
    fields[name] = fieldOf(
      derefObject(spec, property, at, `schema of ${name}`).node,
      at,
      required.includes(name),
    );
  }
  for (const name of required) {
    if (!(name in fields))
      throw new SpecError(`${pointer}/required`, `required field ${name} has no property`);
  }
  return fields;
}

// What fieldOf reads, and what only documents. Any other keyword (const, minLength, format, …) would
// constrain the field in the spec but silently not in the facts the client and the fake check against.
const CARRIED = new Set(['type', 'description', 'maxLength', 'pattern', 'enum', 'x-aopkit-sends']);
const DOCUMENTING = new Set(['examples', 'title', '$comment', 'contentMediaType', 'contentSchema']);

function fieldOf(schema: JsonObject, pointer: string, required: boolean): FieldFact {
  for (const keyword of Object.keys(schema)) {
    if (!CARRIED.has(keyword) && !DOCUMENTING.has(keyword)) {
      throw new SpecError(
        pointer,
        `keyword ${keyword} is not carried into the generated facts: teach scripts/fieldRules.ts to carry it, or drop it`,
      );
    }
  }
  if (schema.type !== 'string') throw new SpecError(pointer, 'gateway fields must be of type string');
  const field: FieldFact = {
    required,
    description: nonEmptyString(schema.description, pointer, 'description'),
  };
  if (schema.maxLength !== undefined) {
    if (!Number.isInteger(schema.maxLength) || (schema.maxLength as number) < 0) {
      throw new SpecError(pointer, 'maxLength must be a non-negative integer');
    }
    field.maxLength = schema.maxLength as number;
  }
  if (schema.pattern !== undefined) {
    field.pattern = nonEmptyString(schema.pattern, pointer, 'pattern');
    try {
      new RegExp(field.pattern, 'u');
    } catch (cause) {
      throw new SpecError(pointer, `pattern does not compile: ${(cause as Error).message}`);
    }
  }
  if (schema.enum !== undefined) field.enum = stringArray(schema.enum, `${pointer}/enum`, 'enum');
  if (schema['x-aopkit-sends'] !== undefined) {
    const at = `${pointer}/x-aopkit-sends`;
    const sends = stringArray(schema['x-aopkit-sends'], at, 'x-aopkit-sends');
    const outside = sends.filter((value) => !field.enum?.includes(value));
    if (sends.length === 0 || outside.length > 0) {
      throw new SpecError(at, `must name values of enum (not ${outside.join(', ') || 'nothing'})`);
    }
    field.sends = sends;
  }
  return field;
}
