import { isAesKey } from '@aopkit/signer';
import type { Charset, CommonRequestParams } from '@aopkit/types';
import { AlipayValidationError } from '../errors/AlipayValidationError.js';
import { type FetchFunction, fetchTransport, globalFetchTransport } from '../transport/fetchTransport.js';
import type { GatewayTransport } from '../transport/GatewayTransport.js';
import { loadNodeHttpTransport, loadNodeTransport } from '../transport/nodeHttpTransport.js';
import type { AlipayClientOptions, AlipayLogger } from './AlipayClientOptions.js';
import { invalidOption, keyName, shown } from './invalidOption.js';
import { isOptionsObject, own } from './own.js';
import { type ClientCrypto, readCrypto } from './readCrypto.js';
import { readGateway } from './readGateway.js';
import { readByteLimit, readCount, readDelay, readTimeout } from './readNumbers.js';
import { readString } from './readString.js';

/** A client's options, validated, with defaults applied and keys parsed. */
export interface ResolvedOptions extends ClientCrypto {
  readonly appId: string;
  readonly baseUrl: string;
  readonly signType: CommonRequestParams['sign_type'];
  readonly charset: Charset;
  readonly appAuthToken?: string | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryDelay: { readonly initialMs: number; readonly maxMs: number };
  readonly maxResponseBytes: number;
  /** The transport every request goes out through, chosen once at creation. */
  readonly transport: GatewayTransport;
  readonly logger: AlipayLogger;
  readonly encryptKey?: string | undefined;
  /** Values never to show: the app_auth_token, wherever the gateway quotes it. */
  readonly secrets: readonly string[];
}

const KNOWN: ReadonlySet<string> = new Set(
  Object.keys({
    appId: true,
    privateKey: true,
    alipayPublicKey: true,
    appCert: true,
    alipayPublicCert: true,
    alipayRootCert: true,
    gateway: true,
    signType: true,
    charset: true,
    appAuthToken: true,
    timeoutMs: true,
    maxRetries: true,
    retryDelay: true,
    maxResponseBytes: true,
    transport: true,
    fetch: true,
    logger: true,
    encryptKey: true,
  } satisfies Record<keyof AlipayClientOptions, true>),
);
const RETRY_DELAY_KEYS: ReadonlySet<string> = new Set(['initialMs', 'maxMs']);
const LOGGER_METHODS = ['debug', 'warn', 'error'] as const;

/** Refuses any own key of `object` outside `known`, naming it (bounded) and listing the known ones. */
export function refuseUnknown(object: object, known: ReadonlySet<string>, prefix: string, where: string) {
  for (const key of Object.keys(object)) {
    if (!known.has(key)) {
      throw invalidOption(
        `${prefix}${keyName(key)}`,
        'unknown',
        `is not an option of ${where}; known: ${[...known].join(', ')}`,
      );
    }
  }
}

/**
 * The app id: digits only, as Alipay assigns it. Refused, not trimmed, when it holds anything else:
 * it is signed as written, and a stray space or line break (a copy from a file) signs another string.
 */
function readAppId(value: unknown): string {
  const appId = readString(value, 'appId', { required: true, param: 'app_id' })!;
  if (!/^\d+$/.test(appId)) {
    throw invalidOption(
      'appId',
      'pattern',
      'must be digits only, such as 2021000000000001 (not trimmed: it is signed as written)',
    );
  }
  return appId;
}

// Printable ASCII without '&' and '=': what Alipay's tokens are made of. A token holding '&' or '='
// is a pasted query string ("app_auth_token=…"), one with inner whitespace a broken copy.
const TOKEN = /^[\x21-\x25\x27-\x3c\x3e-\x7e]+$/;

/**
 * The app_auth_token: surrounding whitespace and line breaks trimmed (as for keys), then refused
 * unless it is one token; never shown.
 */
function readAppAuthToken(value: unknown): string | undefined {
  const token = readString(value, 'appAuthToken', { param: 'app_auth_token', secret: true });
  if (token !== undefined && !TOKEN.test(token)) {
    throw invalidOption(
      'appAuthToken',
      'pattern',
      "must be the token alone: no whitespace, '&' or '=' inside",
    );
  }
  return token;
}

/** Validates every option (naming the field and the rule, never echoing a key) and parses keys once. */
export function readOptions(options: AlipayClientOptions): ResolvedOptions {
  if (!isOptionsObject(options)) {
    throw new AlipayValidationError(`createAlipayClient: options must be an object (got ${shown(options)})`, {
      field: 'options',
      rule: options === undefined ? 'required' : 'type',
    });
  }
  refuseUnknown(options, KNOWN, '', 'createAlipayClient');
  const appId = readAppId(own(options, 'appId'));
  const signType = (readString(own(options, 'signType'), 'signType', { param: 'sign_type' }) ??
    'RSA2') as ResolvedOptions['signType'];
  const charset = (readString(own(options, 'charset'), 'charset', { param: 'charset' }) ??
    'utf-8') as ResolvedOptions['charset'];
  const appAuthToken = readAppAuthToken(own(options, 'appAuthToken'));
  const encryptKey = readString(own(options, 'encryptKey'), 'encryptKey', { secret: true });
  // AES-128 (PROTOCOL §10), as the signer's aesEncrypt takes it.
  if (encryptKey !== undefined && !isAesKey(encryptKey)) {
    throw invalidOption('encryptKey', 'key', 'must be the base64 of a 16-byte AES key (24 characters)');
  }
  const retry = own(options, 'retryDelay') ?? {};
  if (!isOptionsObject(retry)) {
    throw invalidOption(
      'retryDelay',
      'type',
      `must be an object { initialMs?, maxMs? } (got ${shown(retry)})`,
    );
  }
  refuseUnknown(retry, RETRY_DELAY_KEYS, 'retryDelay.', 'retryDelay');
  const initialMs = readDelay(own(retry, 'initialMs'), 'retryDelay.initialMs', 500);
  const maxMs = readDelay(own(retry, 'maxMs'), 'retryDelay.maxMs', Math.max(5000, initialMs));
  if (maxMs < initialMs)
    throw invalidOption('retryDelay.maxMs', 'type', `must be at least initialMs (${initialMs})`);
  const transport = readTransport(own(options, 'transport'), own(options, 'fetch'));
  // Absent options stay undefined: every reader checks `=== undefined`.
  return {
    appId,
    baseUrl: readGateway(own(options, 'gateway')),
    signType,
    charset,
    appAuthToken,
    timeoutMs: readTimeout(own(options, 'timeoutMs'), 'timeoutMs', 15_000),
    maxRetries: readCount(own(options, 'maxRetries'), 'maxRetries', 2),
    retryDelay: { initialMs, maxMs },
    maxResponseBytes: readByteLimit(own(options, 'maxResponseBytes'), 'maxResponseBytes'),
    transport,
    logger: readLogger(own(options, 'logger')),
    encryptKey,
    secrets: appAuthToken === undefined ? [] : [appAuthToken],
    ...readCrypto(options, signType, charset),
  };
}

function readLogger(logger: unknown): AlipayLogger {
  const out: AlipayLogger = {};
  if (logger === undefined) return out;
  for (const level of LOGGER_METHODS) {
    // Its class's methods count (loggers such as pino keep theirs on a prototype).
    const log = isOptionsObject(logger) ? (logger as Record<string, unknown>)[level] : 0;
    if (log !== undefined && typeof log !== 'function')
      throw invalidOption(
        'logger',
        'type',
        'must be an object with optional debug(), warn() and error() functions',
      );
    // A logger that throws must not change a call's outcome: a voucher already issued would be
    // reported as a failure, and a retry cancelled.
    if (log)
      out[level] = (message, meta) => {
        try {
          log.call(logger, message, meta); // its own `this`, as loggers such as pino need
        } catch {
          // dropped on purpose: there is nowhere safer to report it
        }
      };
  }
  return out;
}

/**
 * The transport, chosen once: the user's `fetch`, else `transport`, else the runtime's default
 * (node:http on Node.js, `globalThis.fetch` elsewhere). Never depends on load order.
 */
function readTransport(transport: unknown, fetchImpl: unknown): GatewayTransport {
  if (transport !== undefined && transport !== 'node-http' && transport !== 'fetch') {
    throw invalidOption('transport', 'enum', `must be 'node-http' or 'fetch' (got ${shown(transport)})`);
  }
  if (fetchImpl !== undefined) {
    if (typeof fetchImpl !== 'function')
      throw invalidOption('fetch', 'type', `must be a fetch function (got ${shown(fetchImpl)})`);
    if (transport === 'node-http')
      throw invalidOption('transport', 'conflict', "is 'node-http' but a fetch was given: leave one out");
    return fetchTransport(fetchImpl as FetchFunction);
  }
  if (transport === 'fetch') return globalFetchTransport;
  const node = transport === 'node-http' ? loadNodeHttpTransport() : loadNodeTransport();
  if (node) return node;
  if (transport === 'node-http')
    throw invalidOption(
      'transport',
      'enum',
      "'node-http' needs node:http, which this runtime lacks: use 'fetch'",
    );
  return globalFetchTransport;
}
