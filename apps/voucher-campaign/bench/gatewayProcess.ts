// The fake gateway in a process of its own, over loopback, so the bench measures the app's CPU and not
// the fake's. Prints one JSON line (its URL and the app's keys) once it listens; runs until killed.
import { createFakeGateway, startFakeGatewayServer } from '@aopkit/testing';

const users = Number(process.argv[2] ?? 10_000);
const gateway = createFakeGateway({ seed: 1 });
gateway.addTemplate({ template_id: 'T_BENCH', type: 'voucher' });
for (let i = 1; i <= users; i++) gateway.addUser({ user_id: `2088${String(i).padStart(12, '0')}` });
const app = gateway.registerApp();
const server = await startFakeGatewayServer({ port: 0, gateway });
process.stdout.write(
  `${JSON.stringify({ url: server.url, appId: app.appId, privateKey: app.privateKey, alipayPublicKey: gateway.alipayPublicKey })}\n`,
);
process.on('SIGTERM', () => {
  void server.close();
  process.exit(0);
});
