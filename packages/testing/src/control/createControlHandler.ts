import { AopkitError } from '@aopkit/signer';
import { consolePage } from '../console/consolePage.js';
import type {
  FakeGatewayCore,
  FakeTemplate,
  FakeUser,
  RequestLogEntry,
  ScriptedOutcome,
} from '../FakeGatewayCore.js';
import { DEFAULT_LATENCY_MS } from '../faults/checkFaultOptions.js';
import { requestExtras } from '../state/requestExtras.js';
import { ControlError } from './ControlError.js';
import { checkBody, parseJson } from './checkBody.js';
import type { components } from './controlApi.gen.js';
import { eventStream } from './eventStream.js';
import type { RouteTable } from './routeTypes.js';
import { type StateView, stateRegistry } from './stateRegistry.js';

type Schemas = components['schemas'];

/** The path prefix of every control route; the gateway itself never serves it. */
export const CONTROL_PREFIX = '/__aopkit/';

const TEMPLATE_FIELDS = {
  template_id: 'string',
  type: 'string',
  expired: 'boolean',
} as const satisfies Record<keyof FakeTemplate, string>;
const USER_FIELDS = {
  user_id: 'string',
  login_id: 'string',
  taobao_nick: 'string',
  frozen: 'boolean',
} as const satisfies Record<keyof FakeUser, string>;
const APP_FIELDS = {
  appId: 'string',
  publicKey: 'string',
  appCert: 'string',
  signType: 'string',
  encryptKey: 'string|true',
} as const satisfies Record<keyof Schemas['AppRegistration'], string>;

const held = (t: FakeTemplate): Schemas['HeldTemplate'] => ({
  template_id: t.template_id,
  type: t.type ?? 'voucher',
  expired: t.expired ?? false,
});
const heldUser = (u: FakeUser): Schemas['HeldUser'] => ({ ...u, frozen: u.frozen ?? false });
const logged = (r: RequestLogEntry): Schemas['RequestLogEntry'] => ({
  ...r,
  receivedAt: r.receivedAt.toISOString(),
});

function faultSettings(state: StateView): Schemas['FaultSettings'] {
  const plan = state.faults();
  return {
    rate: plan?.rate ?? 0,
    kinds: Object.fromEntries(plan?.weights ?? []),
    latencyMs: plan?.latencyMs ?? DEFAULT_LATENCY_MS,
    scripted: state.scriptedCount(),
  };
}

function detail(gateway: FakeGatewayCore, seq: string): Schemas['RequestDetail'] {
  const entry = gateway.requests.find((r) => String(r.seq) === seq);
  if (!entry) {
    throw new ControlError(`no request #${seq} in the log (since the last reset)`, {
      code: 'ERR_CONTROL_NOT_FOUND',
    });
  }
  const extras = requestExtras.get(entry) ?? {};
  return {
    request: logged(entry),
    ...(extras.verifiedString === undefined ? {} : { verifiedString: extras.verifiedString }),
    ...(extras.responseText === undefined
      ? {}
      : { response: { text: extras.responseText, signed: entry.signed } }),
  };
}

/** The control routes over one gateway, each typed by the operation the document declares. */
function routesOf(gateway: FakeGatewayCore, state: () => StateView) {
  return {
    '/__aopkit/health': {
      get: () => ({ ok: true, alipayPublicKey: gateway.alipayPublicKey }),
    },
    '/__aopkit/reset': {
      post: () => {
        gateway.reset();
        return { ok: true };
      },
    },
    '/__aopkit/idle': {
      post: async () => {
        await gateway.idle();
        return { ok: true };
      },
    },
    '/__aopkit/next-call': {
      post: ({ body }) => {
        // The gateway checks the shape and names what is wrong (ERR_FAKE_SCRIPT), as nextCall() does.
        if (typeof body !== 'object' || body === null || Array.isArray(body))
          throw new ControlError('next-call: send a JSON object, such as {"sub_code":"SYSTEM_ERROR"}', {
            code: 'ERR_CONTROL_BAD_BODY',
          });
        gateway.nextCall(body as ScriptedOutcome);
        return { ok: true, scripted: body as Schemas['ScriptedOutcome'] };
      },
    },
    '/__aopkit/templates': {
      get: () => ({ templates: state().templates().map(held) }),
      post: ({ body }) => {
        const template = checkBody<FakeTemplate>(body, 'template', TEMPLATE_FIELDS);
        gateway.addTemplate(template);
        return { template: held(template) };
      },
    },
    '/__aopkit/templates/{template_id}/expire': {
      post: ({ params }) => {
        gateway.expireTemplate(params.template_id);
        const template = state()
          .templates()
          .find((t) => t.template_id === params.template_id);
        return { template: held(template ?? { template_id: params.template_id, expired: true }) };
      },
    },
    '/__aopkit/users': {
      get: () => ({ users: state().users().map(heldUser) }),
      post: ({ body }) => {
        const user = checkBody<FakeUser>(body, 'user', USER_FIELDS);
        gateway.addUser(user);
        return { user: heldUser(user) };
      },
    },
    '/__aopkit/users/{user_id}/freeze': {
      post: ({ params }) => {
        gateway.freezeUser(params.user_id);
        const user = state()
          .users()
          .find((u) => u.user_id === params.user_id);
        return { user: heldUser(user ?? { user_id: params.user_id, frozen: true }) };
      },
    },
    '/__aopkit/apps': {
      post: ({ body }) => {
        const app = checkBody<Schemas['AppRegistration']>(body ?? {}, 'app', APP_FIELDS);
        return gateway.registerApp(app as Parameters<FakeGatewayCore['registerApp']>[0]);
      },
    },
    '/__aopkit/vouchers': {
      get: () => ({
        vouchers: gateway.vouchers.map((v) => ({ ...v, issuedAt: v.issuedAt.toISOString() })),
      }),
    },
    '/__aopkit/requests': {
      get: () => ({ requests: gateway.requests.map(logged) }),
    },
    '/__aopkit/requests/{seq}': {
      get: ({ params }) => detail(gateway, params.seq),
    },
    '/__aopkit/faults': {
      get: () => faultSettings(state()),
      put: ({ body }) => {
        // An empty body would read as "no faults option": refuse it rather than switch faults off.
        if (body === undefined)
          throw new ControlError('faults: send a JSON object such as {"rate":0.1,"latencyMs":100}', {
            code: 'ERR_CONTROL_BAD_BODY',
          });
        state().setFaults(body);
        return faultSettings(state());
      },
    },
    '/__aopkit/events': {
      get: ({ request }) => eventStream(state(), request.signal, logged),
    },
    '/__aopkit/console': {
      get: () =>
        new Response(consolePage(), {
          headers: {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-store',
            // The page loads nothing from elsewhere: only its own inline script and style, and this API.
            'content-security-policy':
              "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:",
          },
        }),
    },
  } satisfies RouteTable;
}

type AnyHandler = (call: { params: Record<string, string>; body: unknown; request: Request }) => unknown;

interface Route {
  template: string;
  pattern: RegExp;
  names: string[];
  methods: Record<string, AnyHandler>;
}

/** `/__aopkit/templates/{template_id}/expire` → a RegExp with one group per `{name}`. */
function compile(template: string, methods: Record<string, AnyHandler>): Route {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      if (part.startsWith('{')) {
        names.push(part.slice(1, -1));
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { template, pattern: new RegExp(`^${source}$`), names, methods };
}

/** Every `METHOD path` a router serves, upper-case method first (for tests and messages). */
export function controlRoutes(): string[] {
  const none = (): StateView => ({
    templates: () => [],
    users: () => [],
    faults: () => undefined,
    setFaults: () => undefined,
    scriptedCount: () => 0,
    subscribe: () => () => {},
  });
  return Object.entries(routesOf({} as FakeGatewayCore, none)).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** An error as the document's `Error` body; the fake's own "no such template/user" is a 404. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ControlError) {
    const body: Schemas['Error'] = { error: { code: error.code, message: error.message } };
    return json(error.status, body, error.allow ? { allow: error.allow } : {});
  }
  if (error instanceof AopkitError) {
    const status = error.code === 'ERR_FAKE_STATE' ? 404 : 400;
    return json(status, { error: { code: error.code, message: error.message } } satisfies Schemas['Error']);
  }
  const message = error instanceof Error ? error.message : String(error);
  return json(500, { error: { code: 'ERR_CONTROL_INTERNAL', message } } satisfies Schemas['Error']);
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (cause) {
    throw new ControlError('a path segment is not valid percent-encoding', {
      code: 'ERR_CONTROL_NOT_FOUND',
      cause,
    });
  }
}

/**
 * The control API over `gateway`, transport-neutral: a Request in, a Response out (JSON). Serves the
 * routes of the control API document under `/__aopkit/`; anything else there is 404, a known path with
 * another method 405. The body is read as JSON whatever its content-type. Size limits are the
 * transport's (startFakeGatewayServer answers 413).
 *
 * @example
 * const control = createControlHandler(gateway);
 * await control(new Request('http://fake/__aopkit/next-call', { method: 'POST', body: '{"drop":"before"}' }));
 */
export function createControlHandler(gateway: FakeGatewayCore): (request: Request) => Promise<Response> {
  const state = () => {
    const view = stateRegistry.get(gateway);
    if (view) return view;
    throw new ControlError(
      'this gateway was not made by createFakeGateway: its templates and users are not listed',
      {
        code: 'ERR_CONTROL_INTERNAL',
      },
    );
  };
  const routes = Object.entries(routesOf(gateway, state)).map(([template, methods]) =>
    compile(template, methods as Record<string, AnyHandler>),
  );
  const known = routes
    .flatMap((r) => Object.keys(r.methods).map((m) => `${m.toUpperCase()} ${r.template}`))
    .join(', ');

  return async (request) => {
    try {
      // `${controlUrl}/reset` is the natural way to join the advertised URL (it ends in a slash): take
      // `//` as `/` rather than answer 404 to the most common first try.
      const pathname = new URL(request.url).pathname.replace(/\/{2,}/g, '/');
      for (const route of routes) {
        const match = route.pattern.exec(pathname);
        if (!match) continue;
        const handler = route.methods[request.method.toLowerCase()];
        if (!handler) {
          const allow = Object.keys(route.methods)
            .map((m) => m.toUpperCase())
            .join(', ');
          throw new ControlError(`${request.method} ${route.template}: this route takes ${allow}`, {
            code: 'ERR_CONTROL_METHOD_NOT_ALLOWED',
            allow,
          });
        }
        const params = Object.fromEntries(route.names.map((name, i) => [name, decode(match[i + 1]!)]));
        const body = parseJson(await request.text());
        const reply = await handler({ params, body, request });
        return reply instanceof Response ? reply : json(200, reply);
      }
      throw new ControlError(`no control route ${request.method} ${pathname}; the routes: ${known}`, {
        code: 'ERR_CONTROL_NOT_FOUND',
      });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
