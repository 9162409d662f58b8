// The standalone fake for the bench, in its own process so the clients' CPU is measured apart from
// the gateway's. Prints one JSON line { url, alipayPublicKey } once listening; exits when stdin ends.
import { startFakeGatewayServer } from '@aopkit/testing';

const appPublicKey = process.env.BENCH_APP_PUBLIC_KEY;
if (!appPublicKey) throw new Error('BENCH_APP_PUBLIC_KEY is required');

const server = await startFakeGatewayServer({
  port: 0,
  gatewayOptions: {
    requestLogLimit: 100,
    fixtures: {
      apps: [{ appId: '2021000000000001', publicKey: appPublicKey }],
      templates: [{ template_id: 'T_BENCH' }],
      users: [{ user_id: '2088000000000001' }],
    },
  },
});
process.stdout.write(
  `${JSON.stringify({ url: server.url, alipayPublicKey: server.gateway.alipayPublicKey })}\n`,
);
process.stdin.resume();
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
