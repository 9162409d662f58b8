import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildFacts, type Facts } from '../scripts/buildFacts';
import { renderFacts } from '../scripts/renderFacts';
import type { JsonObject } from '../scripts/specAccess';

const fixture = parse(
  readFileSync(new URL('fixtures/mini-spec.yaml', import.meta.url), 'utf8'),
) as JsonObject;

/** Compiles rendered TypeScript to JavaScript and imports it, to read the values back. */
async function evaluate(source: string): Promise<Record<string, unknown>> {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);
}

const mapValues = <T, R>(table: Record<string, T>, f: (entry: T) => R) =>
  Object.fromEntries(Object.entries(table).map(([key, entry]) => [key, f(entry)]));
/** The field facts as the runtime tables hold them: without their descriptions. */
const rules = (fields: Facts['commonParams']) => mapValues(fields, ({ description: _, ...rule }) => rule);
const descriptions = (fields: Facts['commonParams']) => mapValues(fields, (field) => field.description);

describe('renderFacts', () => {
  const facts = buildFacts(fixture);
  const source = renderFacts(facts);

  it('renders TypeScript whose values are exactly the facts, escapes included', async () => {
    const module = await evaluate(source);
    expect(module.METHOD).toBe('alipay.demo.coupon.issue');
    expect(module.RESPONSE_NODE).toBe('alipay_demo_coupon_issue_response');
    expect(module.GATEWAY_PATH).toBe(facts.gatewayPath);
    expect(module.GATEWAYS).toEqual(facts.gateways);
    expect(module.COMMON_PARAMS).toEqual(rules(facts.commonParams));
    expect(module.COMMON_PARAM_DESCRIPTIONS).toEqual(descriptions(facts.commonParams));
    expect(module.BIZ_CONTENT_FIELDS).toEqual(rules(facts.bizContentFields));
    expect(module.BIZ_CONTENT_DESCRIPTIONS).toEqual(descriptions(facts.bizContentFields));
    expect(module.IDENTITY_FIELDS).toEqual(['phone', 'email']);
    expect(module.RESPONSE_FIELDS).toEqual(rules(facts.responseFields));
    expect(module.RESPONSE_FIELD_DESCRIPTIONS).toEqual(descriptions(facts.responseFields));
    expect(module.RESULT_CODES).toEqual(facts.resultCodes);
    expect(module.SUB_CODES).toEqual(facts.subCodes);
    expect(module.BUSINESS_SUB_CODES).toEqual(['COUPON_GONE', 'BUSY']);
  });

  it('renders the handling tables with the English meaning and advice, without the sub code documentation', async () => {
    const module = await evaluate(source);
    expect(module.RESULT_CODE_HANDLING).toEqual(
      mapValues(facts.resultCodes, ({ msg, meaning, advice, retryable }) => ({
        msg,
        meaning,
        advice,
        retryable,
      })),
    );
    expect(module.SUB_CODE_HANDLING).toEqual(
      mapValues(facts.subCodes, ({ meaning, advice, retryable }) => ({ meaning, advice, retryable })),
    );
  });

  it('keeps descriptions and documentation out of the runtime tables', () => {
    // The handling tables carry each code's English meaning (error messages are built from it), but
    // never the field descriptions, the Chinese sub_msg or the sub code's result code.
    const runtime = [
      'COMMON_PARAMS',
      'BIZ_CONTENT_FIELDS',
      'RESPONSE_FIELDS',
      'RESULT_CODE_HANDLING',
      'SUB_CODE_HANDLING',
    ];
    for (const name of runtime) {
      const table = source.slice(source.indexOf(`export const ${name} =`)).split(' as const')[0]!;
      expect(table, name).not.toMatch(/\b(description|subMsg|code):/);
    }
  });

  it('declares every exported name other packages import', () => {
    const names = [...source.matchAll(/^export (?:const|interface|type) (\w+)/gm)].map((m) => m[1]);
    expect(names).toEqual([
      'METHOD',
      'RESPONSE_NODE',
      'ERROR_RESPONSE_NODE',
      'GATEWAY_PATH',
      'GATEWAYS',
      'FieldRule',
      'COMMON_PARAMS',
      'COMMON_PARAM_DESCRIPTIONS',
      'BIZ_CONTENT_FIELDS',
      'BIZ_CONTENT_DESCRIPTIONS',
      'IDENTITY_FIELDS',
      'RESPONSE_FIELDS',
      'RESPONSE_FIELD_DESCRIPTIONS',
      'CodeHandling',
      'ResultCodeInfo',
      'RESULT_CODES',
      'RESULT_CODE_HANDLING',
      'SubCodeInfo',
      'SUB_CODES',
      'SUB_CODE_HANDLING',
      'BUSINESS_SUB_CODES',
      'ResultCode',
      'SubCode',
    ]);
  });

  it('does not depend on the order the spec writes a field’s keywords in', () => {
    const reordered = structuredClone(fixture);
    const schemas = (reordered.components as JsonObject).schemas as Record<string, JsonObject>;
    const { pattern, maxLength, description, type } = schemas.Phone as JsonObject;
    schemas.Phone = { description, pattern, type, maxLength };
    expect(renderFacts(buildFacts(reordered))).toBe(source);
  });

  it('writes a maxLength the spec changes', () => {
    const changed = structuredClone(fixture);
    ((changed.components as JsonObject).schemas as Record<string, JsonObject>).Phone!.maxLength = 15;
    const rendered = renderFacts(buildFacts(changed));
    expect(rendered).not.toBe(source);
    expect(rendered).toContain(
      "phone: {\n    required: false,\n    maxLength: 15,\n    pattern: '^1\\\\d{10}$',",
    );
  });
});
