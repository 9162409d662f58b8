import { expect, it } from 'vitest';
import { limitsInDescriptions } from '../scripts/limitsInDescriptions';

it('ends string schemas’ descriptions with their limits, on a copy', () => {
  const spec = {
    a: { type: 'string', maxLength: 28, description: 'A.' },
    b: { type: 'string', pattern: '^\\d$' },
    c: { type: 'object', maxLength: 3, description: 'Not a string.' },
    'x-sub-codes': { d: { type: 'string', maxLength: 1, description: 'Vendor data.' } },
  };
  const before = structuredClone(spec);
  expect(limitsInDescriptions(spec)).toEqual({
    a: { type: 'string', maxLength: 28, description: 'A. Max 28 characters.' },
    b: { type: 'string', pattern: '^\\d$', description: 'Pattern: `^\\d$`.' },
    c: spec.c,
    'x-sub-codes': spec['x-sub-codes'],
  });
  expect(spec).toEqual(before);
});
