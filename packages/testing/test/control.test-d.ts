import { describe, expectTypeOf, it } from 'vitest';
import type { paths } from '../src/control/controlApi.gen.js';
import type { RouteTable } from '../src/control/routeTypes.js';
import {
  createFakeGateway,
  type FakeGateway,
  type FakeGatewayCore,
  type FakeGatewayServer,
  startFakeGatewayServer,
} from '../src/index.js';
import * as server from '../src/server.js';

describe('the control routes are typed by the document', () => {
  it('one entry per documented path, one handler per documented method', () => {
    expectTypeOf<keyof RouteTable>().toEqualTypeOf<keyof paths>();
    expectTypeOf<keyof RouteTable['/__aopkit/templates']>().toEqualTypeOf<'get' | 'post'>();
    expectTypeOf<keyof RouteTable['/__aopkit/reset']>().toEqualTypeOf<'post'>();
    type Expire = RouteTable['/__aopkit/templates/{template_id}/expire']['post'];
    expectTypeOf<Parameters<Expire>[0]['params']>().toEqualTypeOf<{ template_id: string }>();
  });

  it('a handler answering another shape, or a table missing a route, does not compile', () => {
    // @ts-expect-error: health answers { ok: true, alipayPublicKey }
    const wrong: RouteTable['/__aopkit/health']['get'] = () => ({ ok: true });
    expectTypeOf(wrong).not.toBeAny();
    const health = { get: () => ({ ok: true as const, alipayPublicKey: '' }) };
    // @ts-expect-error: every other route of the document is missing
    const partial: RouteTable = { '/__aopkit/health': health };
    expectTypeOf(partial).not.toBeAny();
  });
});

describe('startFakeGatewayServer keeps the gateway type it is given', () => {
  it('a createFakeGateway gateway keeps its handlers; a default one is the core', async () => {
    const full = await startFakeGatewayServer({ gateway: createFakeGateway() });
    expectTypeOf(full).toEqualTypeOf<FakeGatewayServer<FakeGateway>>();
    const core = await server.startFakeGatewayServer({ port: 0 });
    expectTypeOf(core.gateway).toEqualTypeOf<FakeGatewayCore>();
    expectTypeOf(core.controlUrl).toEqualTypeOf<string>();
  });
});
