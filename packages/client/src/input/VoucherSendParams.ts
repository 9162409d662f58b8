import type { VoucherSendBizContent, VoucherSendResponse } from '@aopkit/types';

// Distributes over the spec's identity union (user_id | login_id | taobao_nick), so "at least one"
// survives and an unknown field is still an excess property.
type WithLooseAmount<T> = T extends unknown ? Omit<T, 'amount'> & { amount?: number | string } : never;

/**
 * The input of `client.marketing.voucher.send`: the spec's business content, snake_case as on the
 * wire. `template_id` and `out_biz_no` are required, plus at least one of `user_id`, `login_id`,
 * `taobao_nick`. `amount` (red-packet templates only) may be a number or a `#.00` string.
 */
export type VoucherSendParams = WithLooseAmount<VoucherSendBizContent>;

/** What a successful send resolves to: the voucher sent, and the user it went to. */
export type VoucherSendResult = Required<Pick<VoucherSendResponse, 'voucher_id' | 'user_id'>>;
