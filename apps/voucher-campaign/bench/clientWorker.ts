// The client alone in a process of its own, the ceiling of a campaign worker in the Postgres bench:
// sends `count` vouchers (users `from` to `from + count - 1`, out_biz_no `<prefix>_<n>`) at
// `concurrency`, with no recipients file, journal or pool, then prints one JSON line: its CPU time
// (startup included, as the workers'). Keys and gateway come from the environment, as the CLI's.
import { createAlipayClient } from '@aopkit/client';

const [prefix = 'alone', from = '1', count = '0', concurrency = '16'] = process.argv.slice(2);
const env = process.env;
const client = createAlipayClient({
  appId: env.ALIPAY_APP_ID as string,
  privateKey: env.ALIPAY_PRIVATE_KEY as string,
  alipayPublicKey: env.ALIPAY_PUBLIC_KEY as string,
  gateway: env.ALIPAY_GATEWAY as string,
});
let next = 0;
const lane = async () => {
  while (next < Number(count)) {
    const n = Number(from) + next++;
    await client.marketing.voucher.send({
      template_id: 'T_BENCH',
      out_biz_no: `${prefix}_${n}`,
      user_id: `2088${String(n).padStart(12, '0')}`,
    });
  }
};
await Promise.all(Array.from({ length: Number(concurrency) }, lane));
const used = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ code: 0, cpuMs: (used.user + used.system) / 1000 })}\n`);
process.exit(0);
