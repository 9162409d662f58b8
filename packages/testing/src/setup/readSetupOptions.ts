import { COMMON_PARAMS } from '@aopkit/types';
import type { FakeGatewayOptions } from '../FakeGatewayCore.js';
import { FAKE_GATEWAY_OPTIONS } from '../options/checkOptions.js';
import type {
  SetupAppOptions,
  SetupFakeGatewayOptions,
  UnhandledRequestStrategy,
} from './FakeGatewaySetup.js';
import { setupOptionError } from './setupOptionError.js';

const SIGN_TYPES = COMMON_PARAMS.sign_type.enum;

// Type-checked: an option added to the interfaces without a line here fails the typecheck.
const KNOWN = {
  ...FAKE_GATEWAY_OPTIONS,
  app: true,
  onUnhandledRequest: true,
} as const satisfies Record<keyof SetupFakeGatewayOptions, true>;
const KNOWN_APP = {
  appId: true,
  privateKey: true,
  publicKey: true,
  signType: true,
  encryptKey: true,
} as const satisfies Record<keyof SetupAppOptions, true>;
const STRATEGIES = ['error', 'warn', 'bypass'];

/** Validated options: the gateway's (checked by createFakeGateway), the app's, MSW's strategy. */
export interface SetupOptions {
  readonly gatewayOptions: FakeGatewayOptions;
  readonly app: SetupAppOptions;
  readonly onUnhandledRequest: UnhandledRequestStrategy;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Own properties only: an option inherited from a prototype is not an option. */
function ownEntries(value: Record<string, unknown>): [string, unknown][] {
  return Object.keys(value).map((key) => [key, value[key]]);
}

function refuseUnknown(value: Record<string, unknown>, known: object, where: string): void {
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(known, key)) {
      throw setupOptionError(
        `${where}${key}`,
        `is not an option of setupFakeGateway (known: ${Object.keys(known).join(', ')})`,
      );
    }
  }
}

function readApp(value: unknown): SetupAppOptions {
  if (value === undefined) return {};
  if (!isObject(value))
    throw setupOptionError(
      'app',
      'must be an object { appId?, privateKey?, publicKey?, signType?, encryptKey? }',
    );
  refuseUnknown(value, KNOWN_APP, 'app.');
  const app = Object.fromEntries(ownEntries(value).filter(([, v]) => v !== undefined));
  for (const field of ['appId', 'privateKey', 'publicKey'] as const) {
    const v = app[field];
    // Never echo the value: it may be a key.
    if (v !== undefined && (typeof v !== 'string' || v === '')) {
      throw setupOptionError(`app.${field}`, 'must be a non-empty string when given');
    }
  }
  if ((app.privateKey === undefined) !== (app.publicKey === undefined)) {
    throw setupOptionError(
      app.privateKey === undefined ? 'app.privateKey' : 'app.publicKey',
      'is missing: give the key pair whole (privateKey and publicKey), or neither for the bundled demo keys',
    );
  }
  if (app.signType !== undefined && !(SIGN_TYPES as readonly unknown[]).includes(app.signType)) {
    throw setupOptionError(
      'app.signType',
      `must be ${SIGN_TYPES.map((t) => `'${t}'`).join(' or ')} (got ${JSON.stringify(String(app.signType))})`,
    );
  }
  // The AES key itself is checked by registerApp, which names encryptKey without echoing it.
  if (app.encryptKey !== undefined && app.encryptKey !== true && typeof app.encryptKey !== 'string') {
    throw setupOptionError('app.encryptKey', 'must be a base64 AES key or true (to generate one)');
  }
  return app as SetupAppOptions;
}

function readStrategy(value: unknown): UnhandledRequestStrategy {
  if (value === undefined) return 'error';
  if (typeof value === 'function' || (typeof value === 'string' && STRATEGIES.includes(value))) {
    return value as UnhandledRequestStrategy;
  }
  throw setupOptionError(
    'onUnhandledRequest',
    `must be 'error', 'warn', 'bypass' or a function (got ${JSON.stringify(String(value))})`,
  );
}

/** Checks setupFakeGateway's options: unknown ones refused, the app's and MSW's read here. */
export function readSetupOptions(options: unknown): SetupOptions {
  if (options === undefined) return { gatewayOptions: {}, app: {}, onUnhandledRequest: 'error' };
  if (!isObject(options)) throw setupOptionError('options', 'must be an object when given');
  refuseUnknown(options, KNOWN, '');
  const { app, onUnhandledRequest, ...rest } = Object.fromEntries(ownEntries(options));
  return {
    gatewayOptions: rest as FakeGatewayOptions,
    app: readApp(app),
    onUnhandledRequest: readStrategy(onUnhandledRequest),
  };
}
