import { BIZ_CONTENT_FIELDS } from '@aopkit/types';
import { describe, expect, it } from 'vitest';
import { AlipayValidationError } from '../src/index.js';
import { serializeBizContent } from '../src/input/serializeBizContent.js';

const base = { template_id: 'T1', out_biz_no: 'order-1', user_id: '2088000000000001' };

function rejection(input: unknown): AlipayValidationError {
  try {
    serializeBizContent(input);
  } catch (error) {
    if (error instanceof AlipayValidationError) return error;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('serializeBizContent', () => {
  it('writes the fields in the spec order whatever the input order', () => {
    const a = serializeBizContent({
      memo: '备注',
      user_id: '2088',
      out_biz_no: 'o',
      template_id: 'T',
      amount: 1,
    });
    const b = serializeBizContent({
      template_id: 'T',
      amount: '1.00',
      out_biz_no: 'o',
      user_id: '2088',
      memo: '备注',
    });
    expect(a).toBe(b);
    expect(a).toBe('{"template_id":"T","user_id":"2088","out_biz_no":"o","amount":"1.00","memo":"备注"}');
  });

  it('drops undefined and empty optional fields', () => {
    expect(serializeBizContent({ ...base, memo: undefined, login_id: '' })).toBe(
      '{"template_id":"T1","user_id":"2088000000000001","out_biz_no":"order-1"}',
    );
  });

  it.each(['user_id', 'login_id', 'taobao_nick'])('accepts %s alone as the identity', (field) => {
    expect(() => serializeBizContent({ template_id: 'T', out_biz_no: 'o', [field]: 'x' })).not.toThrow();
  });

  it.each<[string, unknown, Partial<AlipayValidationError>, RegExp]>([
    [
      'missing template_id',
      { out_biz_no: 'o', user_id: 'u' },
      { field: 'template_id', rule: 'required' },
      /template_id is required/,
    ],
    [
      'empty out_biz_no',
      { ...base, out_biz_no: '' },
      { field: 'out_biz_no', rule: 'required' },
      /out_biz_no is required/,
    ],
    [
      'no identity',
      { template_id: 'T', out_biz_no: 'o' },
      { rule: 'identity' },
      /one of user_id, login_id, taobao_nick/,
    ],
    [
      'an unknown field',
      { ...base, userId: 'x' },
      { field: 'userId', rule: 'unknown' },
      /userId is not a field/,
    ],
    ['a number id', { ...base, user_id: 2088 }, { field: 'user_id', rule: 'type' }, /must be a string/],
    ['null memo', { ...base, memo: null }, { field: 'memo', rule: 'type' }, /got null/],
    ['not an object', 'x', { field: 'params', rule: 'type' }, /object/],
  ])('rejects %s', (_name, input, want, message) => {
    const error = rejection(input);
    expect(error).toMatchObject(want);
    expect(error.message).toMatch(message);
  });

  it.each(
    Object.entries(BIZ_CONTENT_FIELDS).flatMap(([field, rule]) =>
      'maxLength' in rule && field !== 'amount' ? [[field, rule.maxLength] as const] : [],
    ),
  )('enforces the spec maxLength of %s (%i)', (field, max) => {
    expect(() => serializeBizContent({ ...base, [field]: 'x'.repeat(max) })).not.toThrow();
    expect(rejection({ ...base, [field]: 'x'.repeat(max + 1) })).toMatchObject({ field, rule: 'maxLength' });
  });

  it('counts maxLength in UTF-16 units, as the gateway (Java) and the fake do: an emoji counts 2', () => {
    const max = BIZ_CONTENT_FIELDS.memo.maxLength;
    expect(() => serializeBizContent({ ...base, memo: '优'.repeat(max) })).not.toThrow();
    expect(() => serializeBizContent({ ...base, memo: '😀'.repeat(max / 2) })).not.toThrow();
    const error = rejection({ ...base, memo: `${'😀'.repeat(max / 2)}a` });
    expect(error).toMatchObject({ field: 'memo', rule: 'maxLength' });
    expect((error as Error).message).toContain(`got ${max + 1}`);
    expect(rejection({ ...base, memo: '优'.repeat(max + 1) })).toMatchObject({
      field: 'memo',
      rule: 'maxLength',
    });
  });

  it('checks amount against the spec maxLength as sent, before any request', () => {
    const max = BIZ_CONTENT_FIELDS.amount.maxLength;
    expect(max).toBe(10);
    expect(serializeBizContent({ ...base, amount: 1234567.89 })).toContain('"amount":"1234567.89"');
    expect(serializeBizContent({ ...base, amount: '9999999.99' })).toContain('"amount":"9999999.99"');
    for (const amount of [12345678.9, '99999999.99', 1e15]) {
      const error = rejection({ ...base, amount });
      expect(error).toMatchObject({ field: 'amount', rule: 'maxLength' });
      expect(error.message).toMatch(/amount must be at most 10 characters as sent/);
    }
    expect(rejection({ ...base, amount: 12345678.9 }).message).toContain('"12345678.90"');
  });

  it('checks amount against the spec pattern', () => {
    expect(rejection({ ...base, amount: '9.999' }).message).toMatch('amount must have exactly two decimals');
    expect(serializeBizContent({ ...base, amount: 9.99 })).toContain('"amount":"9.99"');
  });
});
