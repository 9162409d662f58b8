import { configError } from '../errors/FakeGatewayError.js';
import type { FakeGatewayOptions, RequestLogEntry } from '../FakeGatewayCore.js';
import { checkFaultOptions, type FaultPlan } from '../faults/checkFaultOptions.js';
import { shown } from '../faults/checkLatency.js';
import { DEMO_ALIPAY_PUBLIC_CERT, DEMO_ALIPAY_ROOT_CERT } from '../keys/demoCerts.js';
import { DEMO_ALIPAY_KEYS } from '../keys/demoKeys.js';
import { ownFields } from './ownFields.js';

/** Every option of createFakeGateway; the type check keeps this list and FakeGatewayOptions in step. */
export const FAKE_GATEWAY_OPTIONS = {
  seed: true,
  baseUrls: true,
  alipayKeys: true,
  fixtures: true,
  faults: true,
  now: true,
  onRequest: true,
  requestLogLimit: true,
} as const satisfies Record<keyof FakeGatewayOptions, true>;
const OPTION_KEYS = Object.keys(FAKE_GATEWAY_OPTIONS) as (keyof FakeGatewayOptions)[];
const ALIPAY_KEY_KEYS = ['privateKey', 'publicKey', 'publicCert', 'rootCert'] as const;
const FIXTURE_LISTS = ['apps', 'templates', 'users'] as const;

/** createFakeGateway's options once checked, defaults applied. */
export interface CheckedOptions {
  seed: number;
  baseUrls: string[];
  alipayKeys: { privateKey: string; publicKey: string; publicCert?: string; rootCert?: string };
  /** The fixtures' lists, copied (entries are checked as they are loaded, at creation and each reset). */
  fixtures: Record<(typeof FIXTURE_LISTS)[number], readonly unknown[]>;
  faults: FaultPlan | undefined;
  now: () => Date;
  onRequest: ((entry: RequestLogEntry) => void) | undefined;
  requestLogLimit: number;
}

function checkAlipayKeys(value: unknown): CheckedOptions['alipayKeys'] {
  if (value === undefined) {
    return { ...DEMO_ALIPAY_KEYS, publicCert: DEMO_ALIPAY_PUBLIC_CERT, rootCert: DEMO_ALIPAY_ROOT_CERT };
  }
  const where = 'alipayKeys';
  const own = ownFields(value, ALIPAY_KEY_KEYS, {
    where,
    shape: '{ privateKey, publicKey, publicCert?, rootCert? }',
  });
  const keys: Record<string, string> = {};
  for (const name of ALIPAY_KEY_KEYS) {
    const key = own[name];
    const required = name === 'privateKey' || name === 'publicKey';
    if (key === undefined && !required) continue;
    // The type only, never the value: it is key material.
    if (typeof key !== 'string' || key.trim() === '') {
      throw configError(
        `${where}.${name}`,
        `${where}.${name} must be a non-empty PEM or base64 string (got ${key === undefined ? 'nothing' : `a ${typeof key}`})`,
      );
    }
    keys[name] = key;
  }
  return keys as CheckedOptions['alipayKeys'];
}

function checkFixtures(value: unknown): CheckedOptions['fixtures'] {
  const own =
    value === undefined
      ? {}
      : ownFields(value, FIXTURE_LISTS, { where: 'fixtures', shape: '{ apps?, templates?, users? }' });
  const lists = { apps: [], templates: [], users: [] } as CheckedOptions['fixtures'];
  for (const name of FIXTURE_LISTS) {
    const list = own[name];
    if (list === undefined) continue;
    if (!Array.isArray(list))
      throw configError(`fixtures.${name}`, `fixtures.${name} must be an array (got ${shown(list)})`);
    lists[name] = [...list];
  }
  return lists;
}

function isUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

function checkFunction<T>(value: unknown, field: string): T | undefined {
  if (value === undefined || typeof value === 'function') return value as T | undefined;
  throw configError(field, `${field} must be a function (got ${shown(value)})`);
}

/**
 * Checks createFakeGateway's options, reading own properties only: an unknown option is refused with
 * the known ones listed, and each option's type and range is checked, so a typo fails at creation
 * with a FakeGatewayError (ERR_FAKE_CONFIG) naming the field, not later as a silent default.
 */
export function checkOptions(options: unknown): CheckedOptions {
  const own =
    options === undefined
      ? {}
      : ownFields(options, OPTION_KEYS, { where: 'createFakeGateway', path: '', shape: 'of options' });
  const seed = own.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw configError('seed', `seed must be a finite number (got ${shown(seed)})`);
  }
  const baseUrls = own.baseUrls ?? [];
  if (!Array.isArray(baseUrls))
    throw configError('baseUrls', `baseUrls must be an array of URLs (got ${shown(baseUrls)})`);
  for (const [i, url] of baseUrls.entries()) {
    if (typeof url !== 'string' || !isUrl(url)) {
      throw configError(
        `baseUrls[${i}]`,
        `baseUrls[${i}] must be an absolute URL such as "https://gw.example/gateway.do" (got ${shown(url)})`,
      );
    }
  }
  const limit = own.requestLogLimit ?? Number.POSITIVE_INFINITY;
  if (
    typeof limit !== 'number' ||
    !(Number.isInteger(limit) || limit === Number.POSITIVE_INFINITY) ||
    limit < 0
  ) {
    throw configError('requestLogLimit', `requestLogLimit must be a whole number ≥ 0 (got ${shown(limit)})`);
  }
  return {
    seed,
    baseUrls: [...baseUrls],
    alipayKeys: checkAlipayKeys(own.alipayKeys),
    fixtures: checkFixtures(own.fixtures),
    faults: checkFaultOptions(own.faults),
    now: checkFunction<() => Date>(own.now, 'now') ?? (() => new Date()),
    onRequest: checkFunction<(entry: RequestLogEntry) => void>(own.onRequest, 'onRequest'),
    requestLogLimit: limit,
  };
}
