// An ESM TypeScript consumer: every package's public types, as a merchant's code and tests use them.
import {
  type AlipayClient,
  AlipayValidationError,
  createAlipayClient,
  type VoucherSendResult,
} from '@aopkit/client';
import { createSigner, createVerifier, type Signer, type VerifiedResponse } from '@aopkit/signer';
import { createFakeGateway, type FakeGateway, startFakeGatewayServer } from '@aopkit/testing';
import { METHOD, type VoucherSendBizContent } from '@aopkit/types';

const gateway: FakeGateway = createFakeGateway({ seed: 1 });
const app = gateway.registerApp();
const server = await startFakeGatewayServer({ port: 0, gateway });
const client: AlipayClient = createAlipayClient({
  appId: app.appId,
  privateKey: app.privateKey ?? '',
  alipayPublicKey: gateway.alipayPublicKey,
  gateway: server.url,
});
const biz: VoucherSendBizContent = { template_id: 'T1', out_biz_no: 'o-1', user_id: '2088102122524333' };
const result: VoucherSendResult = await client.marketing.voucher.send(biz);
const voucherId: string = result.voucher_id;

// The types are real, not `any`: these must be refused.
// @ts-expect-error template_id is a string
await client.marketing.voucher.send({ template_id: 1, out_biz_no: 'o-2', user_id: '2088102122524333' });
// @ts-expect-error the fake has no such method
gateway.sendVoucher();

const signer: Signer = createSigner({ privateKey: app.privateKey ?? '' });
const sign: Promise<string> = signer.sign({ method: METHOD });
const verified: Promise<VerifiedResponse> = createVerifier({
  alipayPublicKey: gateway.alipayPublicKey,
}).verifyResponse('{}', METHOD);
const isValidationError: boolean = new Error() instanceof AlipayValidationError;

export { isValidationError, sign, verified, voucherId };

await server.close();
