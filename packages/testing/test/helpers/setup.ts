import type { SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  createFakeGateway,
  demoFixtures,
  type FakeGateway,
  type FakeGatewayOptions,
  type FakeGatewayServer,
  startFakeGatewayServer,
} from '../../src/index.js';
import { setupFakeGateway } from '../../src/setup/index.js';
import { demoApp } from './app.js';
import { type BuildOptions, type Placement, requestFromParams, signedParams } from './buildRequest.js';
import { type Answer, readAnswer } from './readAnswer.js';

export { demoApp, okBiz } from './app.js';

type Charset = 'utf-8' | 'gbk' | 'gb2312';
type PostOptions = {
  charset?: Charset;
  placement?: Placement;
  signType?: 'RSA2' | 'RSA';
  contentType?: string;
  url?: string;
};

/** A gateway with the demo fixtures, reachable one way or another, and clients of it. */
export interface Harness {
  gateway: FakeGateway;
  /** Where requests go: the production URL under MSW, the loopback URL with the server. */
  url(): string;
  /** Signs a request like a client, sends it, and returns the verified answer. */
  send(options?: Partial<BuildOptions>): Promise<Answer>;
  /** Sends already signed parameters. */
  post(params: Record<string, string>, options?: PostOptions): Promise<Answer>;
}

/** fetch, with a network error (a dropped connection) turned into an Error naming it. */
export async function fetchOrDrop(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (cause) {
    throw new Error('connection dropped', { cause });
  }
}

function harnessOf(gateway: FakeGateway, url: () => string): Harness {
  const post = async (params: Record<string, string>, options: PostOptions = {}) => {
    const response = await fetchOrDrop(requestFromParams(params, { ...options, url: options.url ?? url() }));
    const { charset, signType } = options;
    return readAnswer(response, gateway, {
      ...(charset ? { charset } : {}),
      ...(signType ? { signType } : {}),
    });
  };
  return {
    gateway,
    url,
    post,
    send: async (options = {}) => post(await signedParams({ app: demoApp, ...options }), options),
  };
}

/**
 * The gateway behind MSW, through setupFakeGateway (the helper users get) with the demo fixtures and
 * their first app as its app: listening for the file with onUnhandledRequest 'error', MSW overrides
 * and the fake's state reset after each test (once no request is in flight).
 */
export function useMswGateway(options: FakeGatewayOptions = {}): Harness & { server: SetupServer } {
  const fake = setupFakeGateway({ fixtures: demoFixtures, app: { appId: demoApp.appId }, ...options });
  beforeAll(() => fake.listen());
  afterEach(() => fake.reset());
  afterAll(() => fake.close());
  return { ...harnessOf(fake.gateway, () => 'https://openapi.alipay.com/gateway.do'), server: fake.server };
}

/** The gateway behind the standalone server on 127.0.0.1 (real HTTP; no MSW in the file). */
export function useServerGateway(options: FakeGatewayOptions = {}): Harness {
  const gateway = createFakeGateway({ fixtures: demoFixtures, ...options });
  let server: FakeGatewayServer | undefined;
  beforeAll(async () => {
    server = await startFakeGatewayServer({ gateway });
  });
  afterEach(() => gateway.reset());
  afterAll(() => server?.close());
  return harnessOf(gateway, () => server!.url);
}
