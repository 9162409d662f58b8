import { BIZ_CONTENT_FIELDS } from '@aopkit/types';
import { describe, expect, it } from 'vitest';
import { outBizNo } from '../src/outBizNo';

const ann = { field: 'user_id', value: '2088000000000001' } as const;

describe('outBizNo', () => {
  it('is the same for the same campaign, template and recipient, so reruns are idempotent', () => {
    expect(outBizNo('spring', 'T1', ann)).toBe(outBizNo('spring', 'T1', { ...ann }));
  });

  it('differs when the campaign, template or recipient differs', () => {
    const base = outBizNo('spring', 'T1', ann);
    expect(outBizNo('autumn', 'T1', ann)).not.toBe(base);
    expect(outBizNo('spring', 'T2', ann)).not.toBe(base);
    expect(outBizNo('spring', 'T1', { field: 'login_id', value: ann.value })).not.toBe(base);
  });

  it("fits the spec's out_biz_no limit", () => {
    expect(outBizNo('x'.repeat(500), 'T1', ann).length).toBeLessThanOrEqual(
      BIZ_CONTENT_FIELDS.out_biz_no.maxLength,
    );
  });
});
