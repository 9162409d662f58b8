import { BIZ_CONTENT_FIELDS, SUB_CODES } from '@aopkit/types';
import { describe, expect, it } from 'vitest';
import { type Harness, okBiz } from '../helpers/setup.js';

/** biz_content against the spec. */
export function bizContentChecks({ send }: Harness): void {
  const INVALID = SUB_CODES.INVALID_PARAMETER;

  const expectInvalid = (node: Record<string, string | undefined>, mentions: string) => {
    expect(node).toMatchObject({ code: INVALID.code, sub_code: 'INVALID_PARAMETER' });
    expect(node.sub_msg?.startsWith(INVALID.subMsg)).toBe(true);
    expect(node.sub_msg).toContain(mentions);
  };

  describe('biz_content against the spec (40004 INVALID_PARAMETER naming the field)', () => {
    it.each([
      ['missing', { biz_content: undefined }, 'biz_content is required'],
      ['not JSON', { biz_content: '{template_id:1' }, 'not valid JSON'],
      ['an array', { biz_content: '[]' }, 'must be a JSON object'],
    ])('biz_content %s', async (_, params, mentions) => {
      expectInvalid((await send({ params })).node, mentions);
    });

    it.each(['template_id', 'out_biz_no'] as const)('%s is required', async (field) => {
      const biz: Record<string, unknown> = okBiz('r1');
      delete biz[field];
      expectInvalid((await send({ biz })).node, `${field} is required`);
    });

    it('one of user_id, login_id, taobao_nick is required', async () => {
      const answer = await send({ biz: { template_id: 'TPL_VOUCHER_ACTIVE', out_biz_no: 'r2' } });
      expectInvalid(answer.node, 'one of user_id, login_id, taobao_nick is required');
      expect(answer.node.sub_msg).toContain('不能同时为空');
    });

    const limited = Object.entries(BIZ_CONTENT_FIELDS).filter(
      ([, rule]) => 'maxLength' in rule && rule.maxLength,
    );
    it.each(limited)(
      '%s longer than its maxLength is refused, at the limit accepted by the check',
      async (field, rule) => {
        const max = (rule as { maxLength: number }).maxLength;
        // amount's pattern is checked after its length: an over-long amount of digits fails on length.
        const value = field === 'amount' ? `${'1'.repeat(max - 3)}.00` : 'x'.repeat(max);
        const over = field === 'amount' ? `1${value}` : `${value}x`;
        expectInvalid(
          (await send({ biz: okBiz('len', { [field]: over }) })).node,
          `${field} is longer than ${max}`,
        );
        const at = (await send({ biz: okBiz('len', { [field]: value }) })).node;
        expect(at.sub_msg ?? '').not.toContain('longer than');
      },
    );

    it('counts length in UTF-16 units, as Java String.length() does: an emoji counts 2', async () => {
      const full = '😀'.repeat(BIZ_CONTENT_FIELDS.memo.maxLength / 2);
      expect((await send({ biz: okBiz('len-e1', { memo: full }) })).node.code).toBe('10000');
      expectInvalid(
        (await send({ biz: okBiz('len-e2', { memo: `${full}x` }) })).node,
        `memo is longer than ${BIZ_CONTENT_FIELDS.memo.maxLength}`,
      );
    });

    it.each(['9.9', '09.99', '9', '-1.00', '1e3'])('amount %s does not match #.00', async (amount) => {
      const answer = await send({ biz: okBiz('p1', { template_id: 'TPL_RED_PACKET', amount }) });
      expectInvalid(answer.node, 'amount does not match');
      expect(answer.node.sub_msg).toContain(BIZ_CONTENT_FIELDS.amount.pattern);
    });

    it('a non-string field is refused; a bare number amount is read as its text (9.99 passes)', async () => {
      expectInvalid((await send({ biz: okBiz('n1', { memo: 5 }) })).node, 'memo must be a string');
      const bare = await send({ biz: okBiz('n2', { template_id: 'TPL_RED_PACKET', amount: 9.99 }) });
      expect(bare.node.code).toBe('10000');
      const lossy = await send({ biz: okBiz('n3', { template_id: 'TPL_RED_PACKET', amount: 10.0 }) });
      expectInvalid(lossy.node, 'amount does not match');
    });

    it('an unknown field (camelCase keys included) is refused', async () => {
      expectInvalid((await send({ biz: okBiz('k1', { templateId: 'x' }) })).node, 'unknown field templateId');
    });
  });
}
