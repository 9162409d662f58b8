import { expect, it } from 'vitest';
import { propertyDocs } from '../scripts/propertyDocs';

it("moves each property's description to summary, a $ref one taking its target's, on a copy", () => {
  const spec = {
    components: {
      schemas: {
        Obj: {
          type: 'object',
          description: 'The object itself keeps its description.',
          properties: {
            a: { type: 'string', description: 'A.' },
            b: { $ref: '#/components/schemas/B' },
            c: { $ref: '#/components/schemas/B', description: 'Its own.' },
            d: { type: 'string' },
            e: { type: 'string', summary: 'Kept.', description: 'Left alone.' },
          },
        },
        B: { type: 'string', description: 'B.' },
      },
    },
    'x-vendor': { properties: { z: { description: 'Vendor data.' } } },
  };
  const before = structuredClone(spec);
  const out = propertyDocs(spec);
  expect(out.components.schemas.Obj.properties).toEqual({
    a: { type: 'string', summary: 'A.' },
    b: { $ref: '#/components/schemas/B', summary: 'B.' },
    c: { $ref: '#/components/schemas/B', summary: 'Its own.' },
    d: { type: 'string' },
    e: { type: 'string', summary: 'Kept.', description: 'Left alone.' },
  });
  expect(out.components.schemas.Obj.description).toBe('The object itself keeps its description.');
  expect(out.components.schemas.B).toEqual({ type: 'string', description: 'B.' });
  expect(out['x-vendor']).toEqual(spec['x-vendor']);
  expect(spec).toEqual(before);
});
