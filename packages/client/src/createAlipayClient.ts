import type { VoucherSendParams, VoucherSendResult } from './input/VoucherSendParams.js';
import type { AlipayClientOptions, SendOptions } from './options/AlipayClientOptions.js';
import { readOptions } from './options/readOptions.js';
import { sendVoucher } from './send/sendVoucher.js';
import { createGatewayApi } from './transport/createGatewayApi.js';

/** A client of the Alipay gateway, bound to one app and its keys. */
export interface AlipayClient {
  readonly marketing: {
    readonly voucher: {
      /**
       * `alipay.marketing.voucher.send`: sends one voucher. Resolves `{ voucher_id, user_id }` only
       * from a verified success; rejects with an AlipayError subclass (or `signal.reason` on abort).
       * Retries are safe: `template_id` + `out_biz_no` make the call idempotent.
       */
      send(params: VoucherSendParams, options?: SendOptions): Promise<VoucherSendResult>;
    };
  };
}

/**
 * Creates a client. Every option is validated now (AlipayValidationError names the field and the
 * rule, never a key's value) and the keys are parsed once.
 *
 * @example
 * const client = createAlipayClient({ appId, privateKey, alipayPublicKey, gateway: 'sandbox' });
 * const { voucher_id } = await client.marketing.voucher.send({ template_id, out_biz_no, user_id });
 */
export function createAlipayClient(options: AlipayClientOptions): AlipayClient {
  const resolved = readOptions(options);
  const api = createGatewayApi(resolved.baseUrl);
  return {
    marketing: {
      voucher: {
        send: (params, callOptions) => sendVoucher(resolved, api, params, callOptions),
      },
    },
  };
}
