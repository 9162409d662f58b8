import type { VoucherSendBizFields, VoucherSendIdentity, VoucherSendResponse } from '@aopkit/types';

/**
 * `amount` as a number too (sent as `#.00`). Mapped over `Pick<…, 'amount'>` (a homomorphic mapped type),
 * so the property keeps the spec's documentation in editors.
 */
type LooseAmount = { [K in keyof Pick<VoucherSendBizFields, 'amount'>]?: number | string };

/**
 * The input of `client.marketing.voucher.send`: the spec's business content, snake_case as on the
 * wire. `template_id` and `out_biz_no` are required, plus at least one of `user_id`, `login_id`,
 * `taobao_nick`. `amount` (red-packet templates only) may be a number or a `#.00` string.
 *
 * Built from the spec's fields object (not by reshaping the identity union, which loses the
 * documentation of its members), so hovering a field in an editor shows its description and limit;
 * a call with no identity is told that `user_id` is missing.
 */
export type VoucherSendParams = Omit<VoucherSendBizFields, 'amount'> & LooseAmount & VoucherSendIdentity;

/** What a successful send resolves to: the voucher sent, and the user it went to. */
export type VoucherSendResult = Required<Pick<VoucherSendResponse, 'voucher_id' | 'user_id'>>;
