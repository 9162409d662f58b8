import { describe, expect, it } from 'vitest';
import { AlipayValidationError } from '../src/index.js';
import { formatAmount } from '../src/input/formatAmount.js';

describe('formatAmount', () => {
  it.each([
    ['a #.00 string as is', '9.99', '9.99'],
    ['zero string', '0.00', '0.00'],
    ['a number with two decimals', 9.99, '9.99'],
    ['an integer, padded', 10, '10.00'],
    ['one decimal, padded', 9.9, '9.90'],
    ['zero', 0, '0.00'],
    ['a float sum that prints with two decimals', 0.5 + 0.25, '0.75'],
    ['the largest that fits ten characters', 9999999.99, '9999999.99'],
  ])('%s', (_name, given, want) => {
    expect(formatAmount(given)).toBe(want);
  });

  it.each([
    ['three decimals as a string', '9.999', 'pattern', /exactly two decimals/],
    ['no decimals as a string', '10', 'pattern', /exactly two decimals/],
    ['a leading zero', '09.99', 'pattern', /exactly two decimals/],
    ['three decimals as a number', 9.999, 'decimals', /at most two decimals/],
    ['a float artefact', 0.1 + 0.2, 'decimals', /0\.30000000000000004/],
    ['negative', -1, 'type', /non-negative/],
    ['NaN', Number.NaN, 'type', /finite/],
    ['Infinity', Number.POSITIVE_INFINITY, 'type', /finite/],
    ['exponent form', 1e21, 'pattern', /out of range/],
    ['a boolean', true, 'type', /number or a "#\.00" string/],
  ])('rejects %s', (_name, given, rule, message) => {
    const error = (() => {
      try {
        formatAmount(given);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AlipayValidationError);
    expect(error).toMatchObject({ field: 'amount', rule, retryable: false });
    expect((error as Error).message).toMatch(message);
  });

  it('says "amount must have exactly two decimals" for "9.999"', () => {
    expect(() => formatAmount('9.999')).toThrow('amount must have exactly two decimals');
  });
});
