import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlipayResponseError, AlipayResponseMismatchError, createAlipayClient } from '../src/index.js';
import { testKeys } from './helpers/keys.js';
import { startLoopbackServer, TRANSPORTS } from './helpers/loopbackServer.js';

// A genuine, validly signed success (the Alipay key signs it) for another user than the request
// named: a replayed answer, or a proxy that mixed up two connections.
const { app, alipay } = testKeys();
const OURS = '2088000000000001';
const THEIRS = '2088000000000999';
const success = (voucher_id: string, user_id: string) => ({
  node: { code: '10000', msg: 'Success', voucher_id, user_id },
});

// First answer of each out_biz_no: another user's voucher; the resend gets the request's own.
let server: Awaited<ReturnType<typeof startLoopbackServer>>;
const answered = new Map<string, number>();
beforeAll(async () => {
  server = await startLoopbackServer(alipay.privateKey, ({ params }) => {
    const biz = JSON.parse(params.biz_content!) as { out_biz_no: string; user_id?: string };
    const n = (answered.get(biz.out_biz_no) ?? 0) + 1;
    answered.set(biz.out_biz_no, n);
    if (biz.out_biz_no.startsWith('always-other') || n === 1) return success('V_THEIRS', THEIRS);
    return success('V_OURS', biz.user_id ?? OURS);
  });
});
afterAll(() => server.close());

let seq = 0;
describe.each(TRANSPORTS)(
  'a signed success for another user, over real loopback HTTP, on %s',
  (_name, transport) => {
    const client = (extra = {}) =>
      createAlipayClient({
        appId: '2021000000000001',
        privateKey: app.privateKey,
        alipayPublicKey: alipay.publicKey,
        gateway: server.url,
        retryDelay: { initialMs: 1, maxMs: 2 },
        ...transport,
        ...extra,
      });

    it('never resolves: AlipayResponseMismatchError, retryable, a voucher may exist', async () => {
      const out_biz_no = `always-other-${++seq}`;
      const error = await client({ maxRetries: 0 })
        .marketing.voucher.send({ template_id: 'T1', out_biz_no, user_id: OURS })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AlipayResponseMismatchError);
      expect(error).toBeInstanceOf(AlipayResponseError);
      expect(error).toMatchObject({
        code: 'ERR_RESPONSE_MISMATCH',
        field: 'user_id',
        expected: OURS,
        received: THEIRS,
        retryable: true,
        mayHaveIssued: true,
        attempts: 1,
      });
      expect((error as Error).message).toMatch(
        /is for user_id 2088000000000999, not 2088000000000001: not this request's answer; resending the same out_biz_no is safe/,
      );
    });

    it('is retried with the same out_biz_no, and resolves with the request’s own voucher', async () => {
      const out_biz_no = `retried-${++seq}`;
      const before = server.seen.length;
      await expect(
        client().marketing.voucher.send({ template_id: 'T1', out_biz_no, user_id: OURS }),
      ).resolves.toEqual({ voucher_id: 'V_OURS', user_id: OURS });
      const ours = server.seen.slice(before).map((r) => r.params.biz_content);
      expect(ours).toHaveLength(2);
      expect(ours[0]).toBe(ours[1]);
    });

    it('a request by login_id names no user_id: the answer’s user is the one Alipay resolved', async () => {
      const out_biz_no = `always-other-login-${++seq}`;
      await expect(
        client({ maxRetries: 0 }).marketing.voucher.send({
          template_id: 'T1',
          out_biz_no,
          login_id: 'a@b.c',
        }),
      ).resolves.toEqual({ voucher_id: 'V_THEIRS', user_id: THEIRS });
    });
  },
);
