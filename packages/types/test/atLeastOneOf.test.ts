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

/** The generated text between two markers, comments dropped and whitespace collapsed. */
function section(types: string, from: string, to: string): string {
  const start = types.indexOf(from);
  const end = types.indexOf(to, start + from.length);
  return types
    .slice(start, end < 0 ? undefined : end)
    .replace(/\/\*\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ');
}

describe('renderOpenApiTypes', () => {
  it('types "at least one of" as the object intersected with a union, not as unknown', async () => {
    const plain = structuredClone(fixture) as { components: { schemas: { Biz: Record<string, unknown> } } };
    delete plain.components.schemas.Biz['x-identity-priority'];
    const types = await renderOpenApiTypes(plain);
    const biz = section(types, 'Biz: {', 'Phone: string');
    expect(biz).not.toContain('unknown');
    expect(biz).toContain('} & ({ email: string; } | { phone: components["schemas"]["Phone"]; });');
  });

  // With x-identity-priority the shape changes (issue #12, field docs reach the editor): a fields object
  // and a union partitioned by priority, both exported, so a client can reshape the fields and keep
  // their documentation.
  it('types a prioritised "at least one of" as XFields & XAtLeastOne, partitioned by priority', async () => {
    const types = await renderOpenApiTypes(fixture);
    expect(section(types, 'Biz:', ';')).toBe('Biz: BizFields & BizAtLeastOne');
    expect(section(types, 'export type BizFields', '};')).toBe(
      'export type BizFields = { coupon_id: string; phone?: components["schemas"]["Phone"]; email?: string; ',
    );
    // phone is first in x-identity-priority: its branch is the last one, and the others exclude it.
    expect(section(types, 'export type BizAtLeastOne', 'export type operations')).toBe(
      'export type BizAtLeastOne = { phone?: undefined; email: string; } | { phone: components["schemas"]["Phone"]; }; ',
    );
    const reordered = structuredClone(fixture) as {
      components: { schemas: { Biz: Record<string, unknown> } };
    };
    reordered.components.schemas.Biz['x-identity-priority'] = ['email', 'phone'];
    expect(
      section(await renderOpenApiTypes(reordered), 'export type BizAtLeastOne', 'export type operations'),
    ).toBe(
      'export type BizAtLeastOne = { email?: undefined; phone: components["schemas"]["Phone"]; } | { email: string; }; ',
    );
  });

  it("documents every field as plain text with its limits, a $ref one with its target's, over several lines", async () => {
    const types = await renderOpenApiTypes(fixture);
    const fields = types.slice(
      types.indexOf('export type BizFields'),
      types.indexOf('export type BizAtLeastOne'),
    );
    const properties = [...fields.matchAll(/(\/\*\*[\s\S]*?\*\/)?\n\s*(\w+)\??: /g)];
    expect(properties.map((m) => m[2])).toEqual(['coupon_id', 'phone', 'email']);
    for (const [, doc, name] of properties) {
      // Over several lines: a one-line JSDoc would be moved to the line before by the d.ts bundler.
      expect(doc, name).toMatch(/^\/\*\*\n\s+\* [A-Z]\w+\. Max \d+ characters\./);
    }
    expect(fields).toContain('* Phone. Max 11 characters. Pattern: `^1\\d{10}$`.\n');
    expect(types).not.toMatch(/^\s*\/\*\* .* \*\/$/m);
  });
});
