import { startFakeGatewayServer } from '@aopkit/testing';
import { type CampaignFakeOptions, campaignFake } from './campaignFake';

/**
 * The campaign fake on a real loopback HTTP server, for tests that run the CLI as a child process
 * (MSW cannot reach into it) and outlive the processes they kill. `onArrival` is called as each request
 * arrives, before the fake handles it (before any latency fault). The caller closes `server`.
 */
export async function startLoopbackGateway(options: CampaignFakeOptions & { onArrival?: () => void } = {}) {
  const { onArrival, ...fakeOptions } = options;
  const fake = campaignFake(fakeOptions);
  const gateway = fake.gateway;
  const counting = onArrival
    ? new Proxy(gateway, {
        get: (target, key) =>
          key === 'handle'
            ? (request: Request) => {
                onArrival();
                return target.handle(request);
              }
            : Reflect.get(target, key),
      })
    : gateway;
  const server = await startFakeGatewayServer({ port: 0, gateway: counting });
  return { gateway, app: fake.app, server, env: { ...fake.env, ALIPAY_GATEWAY: server.url } };
}
