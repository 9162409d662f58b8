import { describe, expect, it } from 'vitest';
import { AlipayError } from '../src/index.js';
import { clientOf, USER, useFakeGateway } from './helpers/fakeSetup.js';

const SENDS = 1_000;
const IN_FLIGHT = 32;
const fake = useFakeGateway({
  seed: 20240101,
  faults: {
    rate: 0.3,
    kinds: { 'unknown-error': 1, 'system-error': 1, latency: 0.5, 'drop-before': 1, 'drop-after-issue': 2 },
    latencyMs: 4_000,
  },
});
const { gateway } = fake;

describe('exactly once under 30% seeded faults', () => {
  it(`${SENDS} sends → ${SENDS} vouchers, none twice, every call settled with a typed outcome`, {
    timeout: 120_000, // 31 s with the whole `pnpm test` on one core; a hang guard, not a speed target
  }, async () => {
    // A 4 s latency fault against a 3 s timeout: the fake may still issue after the client gave up. The
    // timeout is far above a loaded machine's answer time (about 1 s with 32 in flight on one core), so
    // only the faults time out.
    const client = clientOf(fake, {
      maxRetries: 12,
      timeoutMs: 3_000,
      retryDelay: { initialMs: 1, maxMs: 5 },
    });
    const outcomes: ({ ok: true; voucher_id: string; out_biz_no: string } | { ok: false; error: unknown })[] =
      [];
    let next = 0;
    const worker = async () => {
      while (next < SENDS) {
        const out_biz_no = `campaign-once-${String(next++).padStart(4, '0')}`;
        try {
          const r = await client.marketing.voucher.send({
            template_id: 'T_VOUCHER',
            out_biz_no,
            user_id: USER.user_id,
          });
          outcomes.push({ ok: true, voucher_id: r.voucher_id, out_biz_no });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));

    const resolved = outcomes.filter((o) => o.ok);
    const typed = outcomes.filter((o) => !o.ok && o.error instanceof AlipayError);
    const faults = gateway.requests.filter((r) => r.fault !== undefined).length;
    console.info(
      `exactly-once: ${SENDS} sends, ${gateway.requests.length} requests (${faults} faults), ${resolved.length} resolved, ${typed.length} rejected (typed)`,
    );
    for (const o of outcomes) if (!o.ok && !(o.error instanceof AlipayError)) throw o.error;
    for (const o of outcomes) if (!o.ok) console.info(String(o.error));
    expect(resolved.length + typed.length).toBe(SENDS);
    expect(resolved.length).toBe(SENDS);

    const vouchers = gateway.vouchers;
    expect(vouchers).toHaveLength(SENDS);
    expect(new Set(vouchers.map((v) => `${v.template_id}|${v.out_biz_no}`)).size).toBe(SENDS);
    expect(new Set(vouchers.map((v) => v.voucher_id)).size).toBe(SENDS);
    const byOutBizNo = new Map(vouchers.map((v) => [v.out_biz_no, v.voucher_id]));
    for (const o of resolved) expect(byOutBizNo.get(o.out_biz_no)).toBe(o.voucher_id);

    // Every attempt of one send carried the same biz_content bytes.
    const attempts = new Map<string, Set<string>>();
    for (const r of gateway.requests) {
      const biz = r.params.biz_content!;
      const key = (JSON.parse(biz) as { out_biz_no: string }).out_biz_no;
      attempts.set(key, (attempts.get(key) ?? new Set()).add(biz));
    }
    expect(attempts.size).toBe(SENDS);
    expect([...attempts.values()].every((set) => set.size === 1)).toBe(true);
    expect(gateway.requests.length).toBeGreaterThan(SENDS * 1.2);
    expect(gateway.requests.some((r) => r.fault === 'drop-after-issue')).toBe(true);
    expect(gateway.requests.some((r) => r.fault === 'latency')).toBe(true);
  });
});
