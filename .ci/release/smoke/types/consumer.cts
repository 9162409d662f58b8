// A CommonJS TypeScript consumer: `import` here compiles to require(), so the require-condition types
// (index.d.cts) are the ones checked. @aopkit/testing is left out here: its types reach msw's, and msw
// 2.15's own CommonJS declarations fail under node16 (TS1479: they import the ESM-only `rettime`);
// attw checks testing's index.d.cts instead.
import { createAlipayClient } from '@aopkit/client';
import { canonicalize, createSigner, formatTimestamp } from '@aopkit/signer';
import type { VoucherSendResponse } from '@aopkit/types';

export const signed: Promise<string> = createSigner({ privateKey: 'k' }).sign({
  timestamp: formatTimestamp(),
});
export const canonical: string = canonicalize({ a: '1' });
export const client = createAlipayClient({ appId: 'a', privateKey: 'k', alipayPublicKey: 'p' });
export function voucherIdOf(response: VoucherSendResponse): string | undefined {
  return response.voucher_id;
}
// @ts-expect-error createSigner needs privateKey
createSigner({});
