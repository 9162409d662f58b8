import type { components } from './openapi.gen';

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

/** The form body of the request: `biz_content` and, optionally, `app_auth_token`. */
export type GatewayForm = components['schemas']['GatewayForm'];

/**
 * The business parameters of `alipay.marketing.voucher.send`, in snake_case as on the wire:
 * `template_id` and `out_biz_no` are required, plus at least one of `user_id`, `login_id`, `taobao_nick`.
 */
export type VoucherSendBizContent = components['schemas']['VoucherSendBizContent'];

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
