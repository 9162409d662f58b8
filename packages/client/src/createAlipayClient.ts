import { AlipayError } from './errors/AlipayError.js';
import { AlipayValidationError } from './errors/AlipayValidationError.js';
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
 * rule, never a key's value) and the keys are parsed once. Only the options' own properties count
 * (an inherited one, from a polluted `Object.prototype`, is ignored); a null-prototype object is fine.
 * Refused at once: the app's own public key (or certificate) given as Alipay's, an `appId` that is not
 * digits only, a plain-http gateway that is not a loopback host.
 *
 * @example
 * const client = createAlipayClient({ appId, privateKey, alipayPublicKey, gateway: 'sandbox' });
 * const { voucher_id } = await client.marketing.voucher.send({ template_id, out_biz_no, user_id });
 */
export function createAlipayClient(options: AlipayClientOptions): AlipayClient {
  let resolved: ReturnType<typeof readOptions>;
  try {
    resolved = readOptions(options);
  } catch (error) {
    if (error instanceof AlipayError) throw error;
    // Options that cannot even be read (a Proxy whose traps throw): still a refused input.
    throw new AlipayValidationError(
      'options could not be read',
      { field: 'options', rule: 'type' },
      { cause: error },
    );
  }
  const api = createGatewayApi(resolved.baseUrl);
  return {
    marketing: {
      voucher: {
        send: (params, callOptions) => sendVoucher(resolved, api, params, callOptions),
      },
    },
  };
}
