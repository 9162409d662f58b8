import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { atLeastOneOfFields } from '../scripts/atLeastOneOf';
import { renderOpenApiTypes } from '../scripts/generateFiles';

const fixture: unknown = parse(readFileSync(new URL('fixtures/mini-spec.yaml', import.meta.url), 'utf8'));
const props = { properties: { a: {}, b: {} } };

describe('atLeastOneOfFields', () => {
  it.each([
    ['the idiom', { ...props, anyOf: [{ required: ['a'] }, { required: ['b'] }] }, ['a', 'b']],
    [
      'a branch with more than required',
      { ...props, anyOf: [{ required: ['a'], type: 'object' }] },
      undefined,
    ],
    ['a branch requiring two fields', { ...props, anyOf: [{ required: ['a', 'b'] }] }, undefined],
    ['a field that is not a property', { ...props, anyOf: [{ required: ['c'] }] }, undefined],
    ['no anyOf', props, undefined],
    ['not an object', 'string', undefined],
  ])('%s', (_name, schema, want) => {
    expect(atLeastOneOfFields(schema)).toEqual(want);
  });
});

describe('renderOpenApiTypes', () => {
  it('types "at least one of" as the object intersected with a union, not as unknown', async () => {
    const types = await renderOpenApiTypes(fixture);
    const biz = types.slice(types.indexOf('Biz: {'), types.indexOf('Phone: string'));
    expect(biz).not.toContain('unknown');
    expect(biz.replace(/\s+/g, ' ')).toContain(
      '} & ({ email: string; } | { phone: components["schemas"]["Phone"]; });',
    );
  });
});
