import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
// The client is not a dependency of this package (it depends on this one): its source, by path.
import { AlipayValidationError, createAlipayClient } from '../../client/src/index.js';
import { DEMO_APP_KEYS, FakeGatewayError, type RequestLogEntry } from '../src/index.js';
import { FAKE_GATEWAY_URL, type FakeGatewaySetup, setupFakeGateway } from '../src/setup/index.js';
import { watchedClock } from './helpers/watch.js';

const USER = '2088000000000001';
const fixtures = { templates: [{ template_id: 'TPL_1' }], users: [{ user_id: USER }] };
const send = (client: ReturnType<typeof createAlipayClient>, out_biz_no: string) =>
  client.marketing.voucher.send({ template_id: 'TPL_1', out_biz_no, user_id: USER });

// Every setup a test starts is closed, even when the test fails.
const started: FakeGatewaySetup[] = [];
function setUp(options?: Parameters<typeof setupFakeGateway>[0]) {
  const fake = setupFakeGateway(options);
  fake.listen();
  started.push(fake);
  return fake;
}
afterEach(async () => {
  for (const fake of started.splice(0)) await fake.close();
});

describe('setupFakeGateway', () => {
  it('gives client options that send a voucher through the fake, with fast retries', async () => {
    const fake = setUp({ fixtures });
    expect(fake.clientOptions).toEqual({
      appId: fake.app.appId,
      privateKey: DEMO_APP_KEYS.privateKey,
      alipayPublicKey: fake.gateway.alipayPublicKey,
      gateway: FAKE_GATEWAY_URL,
      signType: 'RSA2',
      timeoutMs: 5_000,
      maxRetries: 2,
      retryDelay: { initialMs: 1, maxMs: 5 },
    });
    expect(fake.url).toBe(FAKE_GATEWAY_URL);
    expect(fake.app).toMatchObject({ appId: expect.stringMatching(/^2021\d{12}$/), signType: 'RSA2' });

    const client = createAlipayClient(fake.clientOptions);
    fake.gateway.nextCall({ sub_code: 'SYSTEM_ERROR' });
    const { voucher_id } = await send(client, 'order-1');
    expect(fake.gateway.vouchers.map((v) => v.voucher_id)).toEqual([voucher_id]);
    expect(fake.gateway.requests.map((r) => [r.app_id, r.verdict?.code])).toEqual([
      [fake.app.appId, '40004'],
      [fake.app.appId, '10000'],
    ]);
  });

  it('freezes the client options: a test changes them by spreading, never for the next test', () => {
    const fake = setupFakeGateway({ fixtures });
    expect(Object.isFrozen(fake.clientOptions)).toBe(true);
    expect(Object.isFrozen(fake.clientOptions.retryDelay)).toBe(true);
    expect(Object.isFrozen(fake.app)).toBe(true);
  });

  it('answers on production, sandbox and baseUrls too', async () => {
    const fake = setUp({ fixtures, baseUrls: ['https://alipay-proxy.example.test/custom'] });
    for (const [i, gateway] of [
      'production',
      'sandbox',
      'https://alipay-proxy.example.test/custom',
    ].entries()) {
      await send(createAlipayClient({ ...fake.clientOptions, gateway }), `order-${i}`);
    }
    expect(fake.gateway.vouchers).toHaveLength(3);
  });

  it('registers the app it is given: id, key pair, sign type, AES key', async () => {
    // A pair of its own: the client refuses the fake Alipay key pair as an app's (its own key as Alipay's).
    const pair = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const fake = setUp({
      fixtures,
      app: {
        appId: '2021009900000001',
        privateKey: pair.privateKey,
        publicKey: pair.publicKey,
        signType: 'RSA',
        encryptKey: true,
      },
    });
    expect(fake.clientOptions).toMatchObject({
      appId: '2021009900000001',
      privateKey: pair.privateKey,
      signType: 'RSA',
      encryptKey: fake.app.encryptKey,
    });
    expect(fake.app.encryptKey).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    await send(createAlipayClient(fake.clientOptions), 'order-1');
    expect(
      fake.gateway.requests.map((r) => [r.params.sign_type, r.params.encrypt_type, r.verdict?.code]),
    ).toEqual([['RSA', 'AES', '10000']]);
  });

  it('keeps the app registered across reset()', async () => {
    const fake = setUp({ fixtures });
    const client = createAlipayClient(fake.clientOptions);
    await send(client, 'order-1');
    await fake.reset();
    expect(fake.gateway.vouchers).toHaveLength(0);
    await send(client, 'order-1');
    expect(fake.gateway.vouchers).toHaveLength(1);
  });

  it('reset() waits for a request still in flight, so it cannot write into the next test', async () => {
    const clock = watchedClock();
    const completed: RequestLogEntry[] = [];
    const fake = setUp({ fixtures, now: clock.now, onRequest: (entry) => completed.push(entry) });
    fake.gateway.nextCall({ latencyMs: 300 });
    const arrived = clock.called();
    const sending = send(createAlipayClient(fake.clientOptions), 'slow');
    await arrived; // the fake is processing it
    await fake.reset();
    // It completed (and issued) before the reset, which then cleared it: onRequest is only told of a
    // request that completed in the state it arrived in.
    expect(completed.map((entry) => entry.verdict?.code)).toEqual(['10000']);
    expect(fake.gateway.vouchers).toHaveLength(0);
    expect(fake.gateway.requests).toHaveLength(0);
    await expect(sending).resolves.toMatchObject({ user_id: USER });
  });

  it('reset() drops the handlers a test added with server.use', async () => {
    const fake = setUp({ fixtures });
    const client = createAlipayClient({ ...fake.clientOptions, maxRetries: 0 });
    // Another fake (another seed, so another generated app id): it does not know the app.
    fake.server.use(...setupFakeGateway({ fixtures, seed: 2 }).gateway.handlers);
    await expect(send(client, 'order-1')).rejects.toMatchObject({ sub_code: 'isv.invalid-app-id' });
    await fake.reset();
    await expect(send(client, 'order-1')).resolves.toMatchObject({ user_id: USER });
  });

  it('close() waits for a request still in flight', async () => {
    const clock = watchedClock();
    const completed: RequestLogEntry[] = [];
    const fake = setupFakeGateway({ fixtures, now: clock.now, onRequest: (entry) => completed.push(entry) });
    fake.listen();
    fake.gateway.nextCall({ latencyMs: 300 });
    const arrived = clock.called();
    const sending = send(createAlipayClient(fake.clientOptions), 'slow');
    await arrived;
    await fake.close();
    expect(completed).toHaveLength(1);
    await expect(sending).resolves.toMatchObject({ user_id: USER });
  });

  describe('onUnhandledRequest', () => {
    // A real loopback server: a request MSW lets through gets its answer; one it refuses errors.
    async function elsewhere() {
      const server = createServer((_, res) => res.end('elsewhere'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      return { url, close: () => new Promise((resolve) => server.close(resolve)) };
    }

    it("is 'error' by default: a request to another URL fails instead of leaving the test", async () => {
      const other = await elsewhere();
      try {
        const fake = setUp({ fixtures });
        const errors: unknown[] = [];
        const log = console.error;
        console.error = (...args: unknown[]) => errors.push(args); // MSW prints why; keep the output clean
        try {
          await expect(fetch(other.url)).rejects.toThrow();
        } finally {
          console.error = log;
        }
        expect(String(errors[0])).toContain('without a matching request handler');
        expect(fake.gateway.requests).toHaveLength(0);
      } finally {
        await other.close();
      }
    });

    it('can be set', async () => {
      const other = await elsewhere();
      try {
        setUp({ fixtures, onUnhandledRequest: 'bypass' });
        expect(await (await fetch(other.url)).text()).toBe('elsewhere');
      } finally {
        await other.close();
      }
    });
  });

  describe('refuses bad options with a FakeGatewayError naming the field', () => {
    const SECRET = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-not-a-real-key';
    const cases: [string, unknown, string, RegExp][] = [
      [
        'an unknown option',
        { sedd: 2 },
        'sedd',
        /options\.sedd is not an option of setupFakeGateway \(known: seed, /,
      ],
      ['options not an object', 'fixtures.json', 'options', /setupFakeGateway: options must be an object/],
      ['app not an object', { app: 'demo' }, 'app', /options\.app must be an object/],
      [
        'an unknown app option',
        { app: { appID: '2021' } },
        'app.appID',
        /known: appId, privateKey, publicKey/,
      ],
      ['an empty appId', { app: { appId: '' } }, 'app.appId', /non-empty string/],
      [
        'a private key without its public key',
        { app: { privateKey: SECRET } },
        'app.publicKey',
        /key pair whole/,
      ],
      [
        'a public key without its private key',
        { app: { publicKey: SECRET } },
        'app.privateKey',
        /key pair whole/,
      ],
      [
        'a non-string key',
        { app: { privateKey: 42, publicKey: SECRET } },
        'app.privateKey',
        /non-empty string/,
      ],
      ['a sign type', { app: { signType: 'SHA256' } }, 'app.signType', /'RSA2' or 'RSA'/],
      [
        'an AES key of the wrong type',
        { app: { encryptKey: 16 } },
        'app.encryptKey',
        /base64 AES key or true/,
      ],
      ['a strategy', { onUnhandledRequest: 'ignore' }, 'onUnhandledRequest', /'error', 'warn', 'bypass'/],
      ['baseUrls not an array', { baseUrls: 'https://proxy.example.test' }, 'baseUrls', /array/],
    ];
    it.each(cases)('%s', (_, options, field, message) => {
      const error = (() => {
        try {
          setupFakeGateway(options as Parameters<typeof setupFakeGateway>[0]);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(FakeGatewayError);
      expect(error).toMatchObject({ code: 'ERR_FAKE_CONFIG', field });
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain(SECRET);
      expect((error as Error).message).not.toContain('MIIE');
    });

    it('reads own properties only: an inherited option is not one', () => {
      const options = Object.create({ seed: 'not a number' }) as object;
      expect(() => setupFakeGateway(options)).not.toThrow();
    });

    it("passes the gateway's own options on for createFakeGateway to check", () => {
      expect(() => setupFakeGateway({ faults: { rate: 2 } })).toThrow(FakeGatewayError);
    });

    it('leaves the private key to the client, which names it without echoing it', () => {
      const fake = setupFakeGateway({ app: { privateKey: SECRET, publicKey: DEMO_APP_KEYS.publicKey } });
      expect(() => createAlipayClient(fake.clientOptions)).toThrow(AlipayValidationError);
      expect(() => createAlipayClient(fake.clientOptions)).toThrow(/privateKey/);
    });
  });
});
