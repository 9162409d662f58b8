import { BIZ_CONTENT_FIELDS, IDENTITY_FIELDS } from '@aopkit/types';
import type { IssuedVoucher, Verdict } from '../FakeGatewayCore.js';
import { invalidParameter, SUCCESS, verdictOf } from '../response/verdicts.js';
import type { GatewayState } from '../state/GatewayState.js';
import type { BizContent } from './checkBizContent.js';

/** The business step's result: a verdict, and the voucher on success. */
export interface IssueResult {
  verdict: Verdict;
  voucher?: IssuedVoucher;
  /** True when an earlier voucher was returned for the same template_id + out_biz_no. */
  replayed?: boolean;
}

/** Everything that makes two requests "the same business content", in a fixed order. */
const fingerprintOf = (biz: BizContent): string =>
  JSON.stringify(Object.keys(BIZ_CONTENT_FIELDS).map((field) => biz[field as keyof BizContent] ?? null));

/**
 * The operation's business rules over the state, synchronously (so concurrent requests cannot both
 * issue for one out_biz_no): idempotency first — an operation that already happened returns its
 * voucher even if the template expired or the user was frozen since — then template, amount, user.
 */
export function issueVoucher(
  state: GatewayState,
  biz: BizContent,
  context: { appId: string; now: Date; nextVoucherId: () => string },
): IssueResult {
  const earlier = state.issuedFor(biz.template_id, biz.out_biz_no);
  if (earlier) {
    if (earlier.fingerprint === fingerprintOf(biz))
      return { verdict: SUCCESS, voucher: earlier.voucher, replayed: true };
    return {
      verdict: invalidParameter(
        `out_biz_no ${biz.out_biz_no} 已用于该模板的另一笔发券，业务参数不一致`,
        `out_biz_no was already used for this template_id with different content`,
      ),
    };
  }
  const template = state.templates.get(biz.template_id);
  if (!template) return { verdict: verdictOf('TEMPLATE_NOT_EXIST') };
  if (template.expired) return { verdict: verdictOf('TEMPLATE_EXPIRED') };
  // The reference page: amount is "红包发放时填写,其它情形不能填" — required for red packets, refused otherwise.
  if (template.type === 'red_packet' && biz.amount === undefined) {
    return {
      verdict: invalidParameter('红包模板必须填写 amount', 'amount is required for a red-packet template'),
    };
  }
  if (template.type !== 'red_packet' && biz.amount !== undefined) {
    return {
      verdict: invalidParameter(
        '非红包模板不能填写 amount',
        'amount is only allowed for red-packet templates',
      ),
    };
  }
  // The highest-priority identity given decides; lower ones are not consulted even if it is unknown.
  const field = IDENTITY_FIELDS.find((name) => biz[name] !== undefined)!;
  const user = state.findUser(field, biz[field]!);
  if (!user) return { verdict: verdictOf('USER_NOT_EXIST') };
  if (user.frozen) return { verdict: verdictOf('USER_STATUS_ERROR') };
  const voucher: IssuedVoucher = {
    voucher_id: context.nextVoucherId(),
    template_id: biz.template_id,
    out_biz_no: biz.out_biz_no,
    user_id: user.user_id,
    ...(biz.amount === undefined ? {} : { amount: biz.amount }),
    ...(biz.memo === undefined ? {} : { memo: biz.memo }),
    app_id: context.appId,
    issuedAt: context.now,
  };
  state.recordIssued({ voucher, fingerprint: fingerprintOf(biz) });
  return { verdict: SUCCESS, voucher };
}
