import { type ResultCodeFact, resultCodesOf, type SubCodeFact, subCodesOf } from './codeTables';
import { type FieldFact, fieldsOf, propertiesOf, requiredOf } from './fieldRules';
import {
  derefObject,
  isObject,
  type JsonObject,
  nonEmptyString,
  SpecError,
  segment,
  stringArray,
} from './specAccess';

export type { FieldFact, ResultCodeFact, SubCodeFact };

/** Everything `facts.gen.ts` holds, read from the spec. */
export interface Facts {
  method: string;
  responseNode: string;
  errorResponseNode: string;
  gatewayPath: string;
  gateways: { production: string; sandbox: string };
  commonParams: Record<string, FieldFact>;
  bizContentFields: Record<string, FieldFact>;
  identityFields: string[];
  responseFields: Record<string, FieldFact>;
  resultCodes: Record<string, ResultCodeFact>;
  subCodes: Record<string, SubCodeFact>;
  businessSubCodes: string[];
}

const COMMON_SCHEMA = '#/components/schemas/CommonRequestParams';
const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
// The gateway serves its JSON answers as text/html;charset=<charset>.
const ANSWER_MEDIA_TYPE = 'text/html';
const ERROR_RESPONSE_NODE = 'error_response';
const BUSINESS_FAILED_CODE = '40004';
const ENVIRONMENTS = ['production', 'sandbox'] as const;

/** Reads the runtime facts of the spec's single gateway operation; throws a SpecError naming what is missing. */
export function buildFacts(spec: unknown): Facts {
  if (!isObject(spec)) throw new SpecError('#', 'the spec must be an object');
  const { path, operation, pointer: opPointer } = singleOperation(spec);

  const schemas =
    isObject(spec.components) && isObject(spec.components.schemas) ? spec.components.schemas : {};
  const common = derefObject(spec, schemas.CommonRequestParams, COMMON_SCHEMA, 'schema CommonRequestParams');
  const commonParams = fieldsOf(spec, common.node, common.pointer);
  const method = singleMethod(commonParams, common.pointer);
  checkQueryParameters(spec, operation, opPointer, common.node);

  const bizContent = bizContentSchema(spec, operation, opPointer, common.node);
  const bizContentFields = fieldsOf(spec, bizContent.node, bizContent.pointer);
  const identityFields = identityRule(bizContent.node, bizContent.pointer, bizContentFields);

  const responseNode = `${method.replaceAll('.', '_')}_response`;
  const body = responseBodySchema(spec, operation, opPointer);
  const bodyProps = propertiesOf(body.node, body.pointer);
  const success = plainNode(
    spec,
    derefObject(
      spec,
      bodyProps[responseNode],
      `${body.pointer}/properties/${responseNode}`,
      `response node "${responseNode}" (derived from method ${method})`,
    ),
  );
  const failure = derefObject(
    spec,
    bodyProps[ERROR_RESPONSE_NODE],
    `${body.pointer}/properties/${ERROR_RESPONSE_NODE}`,
    `response node "${ERROR_RESPONSE_NODE}"`,
  );

  const resultCodes = resultCodesOf(spec, success.node, success.pointer);
  const subCodes = subCodesOf(spec, success.node, success.pointer, resultCodes);
  if (!(BUSINESS_FAILED_CODE in resultCodes)) {
    throw new SpecError(success.pointer, `the result codes lack ${BUSINESS_FAILED_CODE} (Business Failed)`);
  }

  return {
    method,
    responseNode,
    errorResponseNode: ERROR_RESPONSE_NODE,
    gatewayPath: path,
    gateways: gatewaysOf(spec, path),
    commonParams,
    bizContentFields,
    identityFields,
    responseFields: responseFieldsOf(spec, success, failure.node),
    resultCodes,
    subCodes,
    businessSubCodes: Object.keys(subCodes).filter((key) => subCodes[key]?.code === BUSINESS_FAILED_CODE),
  };
}

function singleOperation(spec: JsonObject) {
  const paths = isObject(spec.paths) ? Object.entries(spec.paths) : [];
  const [entry] = paths;
  if (paths.length !== 1 || entry === undefined) {
    throw new SpecError('#/paths', `must hold exactly one path, found ${paths.length}`);
  }
  const [path, item] = entry;
  const pointer = `#/paths/${segment(path)}/post`;
  if (!isObject(item) || !isObject(item.post)) throw new SpecError(pointer, 'missing the POST operation');
  return { path, operation: item.post, pointer };
}

function gatewaysOf(spec: JsonObject, path: string): Facts['gateways'] {
  if (!Array.isArray(spec.servers)) throw new SpecError('#/servers', 'missing');
  const urls = new Map<string, string>();
  spec.servers.forEach((server: unknown, i) => {
    const at = `#/servers/${i}`;
    if (!isObject(server)) throw new SpecError(at, 'a server must be an object');
    const environment = nonEmptyString(server['x-environment'], at, 'x-environment');
    if (urls.has(environment)) throw new SpecError(at, `second server for environment ${environment}`);
    urls.set(environment, nonEmptyString(server.url, at, 'url').replace(/\/$/, '') + path);
  });
  const [production, sandbox] = ENVIRONMENTS.map((environment) => {
    const url = urls.get(environment);
    if (url === undefined) throw new SpecError('#/servers', `no server has x-environment: ${environment}`);
    return url;
  });
  return { production: production!, sandbox: sandbox! };
}

function singleMethod(commonParams: Record<string, FieldFact>, pointer: string): string {
  const values = commonParams.method?.enum;
  if (values?.length !== 1 || values[0] === undefined) {
    throw new SpecError(`${pointer}/properties/method`, 'method must have an enum of exactly one value');
  }
  return values[0];
}

/**
 * Each query parameter must be a property of CommonRequestParams, and optional: any of them may come in
 * the form body instead, so only the two places together can hold what CommonRequestParams requires.
 */
function checkQueryParameters(
  spec: JsonObject,
  operation: JsonObject,
  opPointer: string,
  common: JsonObject,
) {
  const properties = propertiesOf(common, COMMON_SCHEMA);
  const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
  parameters.forEach((raw: unknown, i) => {
    const { node: parameter, pointer } = derefObject(spec, raw, `${opPointer}/parameters/${i}`, 'parameter');
    const name = nonEmptyString(parameter.name, pointer, 'name');
    if (parameter.in !== 'query') throw new SpecError(pointer, `parameter ${name} must be in: query`);
    const property = properties[name];
    const schema = derefObject(spec, parameter.schema, `${pointer}/schema`, `schema of ${name}`).node;
    const target = property === undefined ? undefined : derefObject(spec, property, pointer, name).node;
    if (schema !== target) {
      throw new SpecError(pointer, `parameter ${name} must $ref ${COMMON_SCHEMA}/properties/${name}`);
    }
    if (parameter.required === true) {
      throw new SpecError(pointer, `parameter ${name} must not be required: it may come in the form body`);
    }
  });
}

function bizContentSchema(spec: JsonObject, operation: JsonObject, opPointer: string, common: JsonObject) {
  const bodyAt = `${opPointer}/requestBody`;
  const body = derefObject(spec, operation.requestBody, bodyAt, 'requestBody');
  const content = isObject(body.node.content) ? body.node.content[FORM_MEDIA_TYPE] : undefined;
  const mediaAt = `${body.pointer}/content/${segment(FORM_MEDIA_TYPE)}`;
  const media = derefObject(spec, content, mediaAt, `${FORM_MEDIA_TYPE} content`);
  const form = derefObject(spec, media.node.schema, `${mediaAt}/schema`, 'form schema');
  const commonProps = propertiesOf(common, COMMON_SCHEMA);
  const formProps = propertiesOf(form.node, form.pointer);
  for (const [name, property] of Object.entries(formProps)) {
    const at = `${form.pointer}/properties/${segment(name)}`;
    const target =
      commonProps[name] === undefined ? undefined : derefObject(spec, commonProps[name], at, name).node;
    if (derefObject(spec, property, at, name).node !== target) {
      throw new SpecError(at, `form field ${name} must $ref ${COMMON_SCHEMA}/properties/${name}`);
    }
  }
  const bizAt = `${form.pointer}/properties/biz_content`;
  const biz = derefObject(spec, formProps.biz_content, bizAt, 'form field biz_content');
  return derefObject(
    spec,
    biz.node.contentSchema,
    `${biz.pointer}/contentSchema`,
    'biz_content contentSchema',
  );
}

/** x-identity-priority, checked against the anyOf that states "at least one of them". */
function identityRule(schema: JsonObject, pointer: string, fields: Record<string, FieldFact>): string[] {
  const at = `${pointer}/x-identity-priority`;
  const priority = stringArray(schema['x-identity-priority'], at, 'x-identity-priority');
  if (priority.length === 0) throw new SpecError(at, 'must name at least one field');
  for (const name of priority) {
    if (!(name in fields)) throw new SpecError(at, `${name} is not a property`);
    if (fields[name]?.required) throw new SpecError(at, `${name} cannot be both required and one-of`);
  }
  const anyOf = Array.isArray(schema.anyOf) ? schema.anyOf : [];
  const alternatives = anyOf.map((branch: unknown, i) => {
    const required = isObject(branch) ? branch.required : undefined;
    const names = stringArray(required, `${pointer}/anyOf/${i}/required`, 'anyOf branch required');
    if (names.length !== 1)
      throw new SpecError(`${pointer}/anyOf/${i}`, 'each branch must require one field');
    return names[0];
  });
  const same =
    alternatives.length === priority.length && priority.every((name) => alternatives.includes(name));
  if (!same) {
    throw new SpecError(
      `${pointer}/anyOf`,
      `anyOf [${alternatives.join(', ')}] must require exactly x-identity-priority [${priority.join(', ')}]`,
    );
  }
  return priority;
}

/**
 * The node's object schema. A node that may also arrive encrypted is a `oneOf` of that object and string
 * schemas (the base64 ciphertext): exactly one branch must be an object.
 */
function plainNode(spec: JsonObject, node: { node: JsonObject; pointer: string }) {
  if (node.node.oneOf === undefined) return node;
  if (!Array.isArray(node.node.oneOf)) throw new SpecError(`${node.pointer}/oneOf`, 'oneOf must be an array');
  const branches = node.node.oneOf.map((branch, i) =>
    derefObject(spec, branch, `${node.pointer}/oneOf/${i}`, 'oneOf branch'),
  );
  const objects = branches.filter((branch) => branch.node.type === 'object');
  const others = branches.filter((branch) => branch.node.type !== 'object');
  if (objects.length !== 1) {
    throw new SpecError(
      `${node.pointer}/oneOf`,
      `must have exactly one object branch, found ${objects.length}`,
    );
  }
  for (const other of others) {
    if (other.node.type !== 'string') {
      throw new SpecError(other.pointer, 'a branch besides the object must be a string (the encrypted node)');
    }
  }
  return objects[0]!;
}

function responseBodySchema(spec: JsonObject, operation: JsonObject, opPointer: string) {
  const responses = isObject(operation.responses) ? operation.responses : {};
  const at = `${opPointer}/responses/200`;
  const response = derefObject(spec, responses['200'], at, 'response 200');
  const content = isObject(response.node.content) ? response.node.content[ANSWER_MEDIA_TYPE] : undefined;
  const mediaAt = `${response.pointer}/content/${segment(ANSWER_MEDIA_TYPE)}`;
  const media = derefObject(spec, content, mediaAt, `${ANSWER_MEDIA_TYPE} content`);
  const body = derefObject(spec, media.node.schema, `${mediaAt}/schema`, 'response body schema');
  // A text/html body is a string to a validator: its JSON is described by contentSchema.
  if (body.node.type !== 'string') return body;
  return derefObject(
    spec,
    body.node.contentSchema,
    `${body.pointer}/contentSchema`,
    'response body contentSchema',
  );
}

/** The fields the operation adds to the common result; required = present on success (`then.required`). */
function responseFieldsOf(
  spec: JsonObject,
  success: { node: JsonObject; pointer: string },
  failure: JsonObject,
) {
  const common = new Set(Object.keys(propertiesOf(failure, ERROR_RESPONSE_NODE)));
  const own = Object.entries(propertiesOf(success.node, success.pointer)).filter(
    ([name]) => !common.has(name),
  );
  const then = isObject(success.node.then) ? success.node.then : {};
  const required = [
    ...requiredOf(success.node, success.pointer),
    ...requiredOf(then, `${success.pointer}/then`),
  ];
  const ownRequired = required.filter((name) => !common.has(name));
  return fieldsOf(spec, { properties: Object.fromEntries(own) }, success.pointer, ownRequired);
}
