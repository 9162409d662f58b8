import { isAesKey } from '@aopkit/signer';
import type { CommonRequestParams } from '@aopkit/types';
import { AlipayValidationError } from '../errors/AlipayValidationError.js';
import type { AlipayClientOptions, AlipayLogger } from './AlipayClientOptions.js';
import { invalidOption, shown } from './invalidOption.js';
import { type ClientCrypto, readCrypto } from './readCrypto.js';
import { readGateway } from './readGateway.js';
import { readCount, readDelay, readTimeout } from './readNumbers.js';
import { readString } from './readString.js';

/** A client's options, validated, with defaults applied and keys parsed. */
export interface ResolvedOptions extends ClientCrypto {
  readonly appId: string;
  readonly baseUrl: string;
  readonly signType: CommonRequestParams['sign_type'];
  readonly charset: CommonRequestParams['charset'];
  readonly appAuthToken?: string | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryDelay: { readonly initialMs: number; readonly maxMs: number };
  readonly fetch?: typeof fetch | undefined;
  readonly logger: AlipayLogger;
  readonly encryptKey?: string | undefined;
}

const KNOWN: ReadonlySet<string> = new Set<keyof AlipayClientOptions>([
  'appId',
  'privateKey',
  'alipayPublicKey',
  'appCert',
  'alipayPublicCert',
  'alipayRootCert',
  'gateway',
  'signType',
  'charset',
  'appAuthToken',
  'timeoutMs',
  'maxRetries',
  'retryDelay',
  'fetch',
  'logger',
  'encryptKey',
]);

/** Validates every option (naming the field and the rule, never echoing a key) and parses keys once. */
export function readOptions(options: AlipayClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new AlipayValidationError('createAlipayClient: options are required', {
      field: 'options',
      rule: 'required',
    });
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) throw invalidOption(key, 'unknown', 'is not an option of createAlipayClient');
  }
  const appId = readString(options.appId, 'appId', { required: true, param: 'app_id' })!;
  const signType = (readString(options.signType, 'signType', { param: 'sign_type' }) ??
    'RSA2') as ResolvedOptions['signType'];
  const charset = (readString(options.charset, 'charset', { param: 'charset' }) ??
    'utf-8') as ResolvedOptions['charset'];
  const appAuthToken = readString(options.appAuthToken, 'appAuthToken', {
    param: 'app_auth_token',
    secret: true,
  });
  const encryptKey = readString(options.encryptKey, 'encryptKey', { secret: true });
  // AES-128 (PROTOCOL §10), as the signer's aesEncrypt takes it.
  if (encryptKey !== undefined && !isAesKey(encryptKey)) {
    throw invalidOption('encryptKey', 'key', 'must be the base64 of a 16-byte AES key (24 characters)');
  }
  const retry = options.retryDelay ?? {};
  if (typeof retry !== 'object' || retry === null) {
    throw invalidOption(
      'retryDelay',
      'type',
      `must be an object { initialMs?, maxMs? } (got ${shown(retry)})`,
    );
  }
  const initialMs = readDelay(retry.initialMs, 'retryDelay.initialMs', 500);
  const maxMs = readDelay(retry.maxMs, 'retryDelay.maxMs', Math.max(5000, initialMs));
  if (maxMs < initialMs)
    throw invalidOption('retryDelay.maxMs', 'type', `must be at least initialMs (${initialMs})`);
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw invalidOption('fetch', 'type', 'must be a fetch function');
  }
  // Absent options stay undefined: every reader checks `=== undefined`.
  return {
    appId,
    baseUrl: readGateway(options.gateway),
    signType,
    charset,
    appAuthToken,
    timeoutMs: readTimeout(options.timeoutMs, 'timeoutMs', 15_000),
    maxRetries: readCount(options.maxRetries, 'maxRetries', 2),
    retryDelay: { initialMs, maxMs },
    fetch: options.fetch,
    logger: readLogger(options.logger),
    encryptKey: encryptKey?.trim(),
    ...readCrypto(options, signType, charset),
  };
}

function readLogger(logger: unknown): AlipayLogger {
  if (logger === undefined) return {};
  const ok =
    typeof logger === 'object' &&
    logger !== null &&
    ['debug', 'warn'].every((k) => {
      const f = (logger as Record<string, unknown>)[k];
      return f === undefined || typeof f === 'function';
    });
  if (!ok)
    throw invalidOption('logger', 'type', 'must be an object with optional debug() and warn() functions');
  const { debug, warn } = logger as AlipayLogger;
  // A logger that throws must not change a call's outcome: a voucher already issued would be
  // reported as a failure, and a retry cancelled.
  const guarded =
    (log: NonNullable<AlipayLogger['debug']>): NonNullable<AlipayLogger['debug']> =>
    (message, meta) => {
      try {
        log.call(logger, message, meta); // its own `this`, as loggers such as pino need
      } catch {
        // dropped on purpose: there is nowhere safer to report it
      }
    };
  return { ...(debug && { debug: guarded(debug) }), ...(warn && { warn: guarded(warn) }) };
}
