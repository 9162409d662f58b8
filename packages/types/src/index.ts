import type { COMMON_PARAMS } from './facts.gen';
import type { components, VoucherSendBizContentAtLeastOne, VoucherSendBizContentFields } from './openapi.gen';

// Runtime facts: method, gateways, field rules, result and sub codes (generated from the spec).
export * from './facts.gen';

// The whole operation, as openapi-typescript types it (generated from the spec).
export type { components, operations, paths } from './openapi.gen';

// Named schemas of the spec.

/**
 * Every common request parameter, whether sent in the query or the form body; all are signed except
 * `sign`. Includes `biz_content` (the JSON text of {@link VoucherSendBizContent}).
 */
export type CommonRequestParams = components['schemas']['CommonRequestParams'];

/**
 * The charsets aopkit sends, lower-case (`x-aopkit-sends`). The gateway also takes the Java SDK's
 * `UTF-8`, `GBK`, `GB2312`, which {@link CommonRequestParams}' `charset` allows; each is signed as sent.
 */
export type Charset = (typeof COMMON_PARAMS.charset.sends)[number];

/**
 * The form body of a POST: any common parameter may come here; aopkit sends `biz_content` and, optionally,
 * `app_auth_token`.
 */
export type GatewayForm = components['schemas']['GatewayForm'];

/**
 * The business parameters of `alipay.marketing.voucher.send`, in snake_case as on the wire:
 * `template_id` and `out_biz_no` are required, plus at least one of `user_id`, `login_id`, `taobao_nick`.
 */
export type VoucherSendBizContent = components['schemas']['VoucherSendBizContent'];

/**
 * Every business field of `alipay.marketing.voucher.send`, each documented with its description and
 * limit, with `user_id`, `login_id` and `taobao_nick` all optional: {@link VoucherSendBizContent} is this
 * and {@link VoucherSendIdentity}. Reshape this one (`Omit`, `Pick`, mapped types) to keep the fields'
 * documentation in editors, then intersect with {@link VoucherSendIdentity}.
 */
export type VoucherSendBizFields = VoucherSendBizContentFields;

/**
 * At least one of `user_id`, `login_id`, `taobao_nick`, as a union partitioned by the highest-priority
 * one present (the gateway's order): `{ user_id } | { user_id?: undefined; login_id } | …`. A literal
 * missing all three is told that `user_id` is missing.
 */
export type VoucherSendIdentity = VoucherSendBizContentAtLeastOne;

/**
 * The operation's response node (`alipay_marketing_voucher_send_response`): `code`, `msg`, and on
 * success `voucher_id` and `user_id`, on failure `sub_code` and `sub_msg`.
 */
export type VoucherSendResponse = components['schemas']['VoucherSendResponse'];

/** A gateway-level failure, under `error_response`; it may come unsigned. */
export type ErrorResponse = components['schemas']['ErrorResponse'];

/**
 * The JSON body of every answer: the response node or `error_response`, with `sign` (and in certificate
 * mode `alipay_cert_sn`). Verify `sign` over the node's raw text before trusting it.
 */
export type VoucherSendResponseBody = components['schemas']['VoucherSendResponseBody'];
