import { COMMON_PARAMS, type SubCode } from '@aopkit/types';
import type { AppSignType, Verdict } from '../FakeGatewayCore.js';
import { verdictOf } from '../response/verdicts.js';

type Params = Readonly<Record<string, string>>;
type RequiredParam = {
  [K in keyof typeof COMMON_PARAMS]: (typeof COMMON_PARAMS)[K]['required'] extends true ? K : never;
}[keyof typeof COMMON_PARAMS];

// The required parameters that have a 40001 isv.missing-* code, in the order the gateway checks them,
// once the app is known: app_id comes first, alone (missingAppId), and is looked up before any other.
// charset and biz_content have none: they fail later (isv.invalid-charset, INVALID_PARAMETER).
const MISSING: ReadonlyArray<readonly [Exclude<RequiredParam, 'app_id'>, SubCode]> = [
  ['method', 'isv.missing-method'],
  ['sign_type', 'isv.missing-signature-type'],
  ['sign', 'isv.missing-signature'],
  ['timestamp', 'isv.missing-timestamp'],
  ['version', 'isv.missing-version'],
];

const present = (value: string | undefined): value is string => value !== undefined && value !== '';

/** 40001 isv.missing-app-id when app_id is missing or empty. */
export function missingAppId(params: Params): Verdict | undefined {
  return present(params.app_id) ? undefined : verdictOf('isv.missing-app-id');
}

/**
 * 40001 for the first missing required parameter after app_id (an empty value is missing: Java
 * drops it).
 */
export function findMissing(params: Params): Verdict | undefined {
  for (const [name, subCode] of MISSING) if (!present(params[name])) return verdictOf(subCode);
  return undefined;
}

/** The declared sign_type when it is one the spec allows. */
export function signTypeOf(value: string | undefined): AppSignType | undefined {
  return (COMMON_PARAMS.sign_type.enum as readonly string[]).includes(value ?? '')
    ? (value as AppSignType)
    : undefined;
}

const TIMESTAMP = new RegExp(COMMON_PARAMS.timestamp.pattern);
const BEIJING_MS = 8 * 3600_000;
/** How far the request's clock may be from the gateway's. */
export const TIMESTAMP_WINDOW_MS = 15 * 60_000;

/** Parses `yyyy-MM-dd HH:mm:ss` as Beijing time; undefined when malformed or not a real date. */
export function parseBeijingTimestamp(text: string): number | undefined {
  if (!TIMESTAMP.test(text) || text.length > COMMON_PARAMS.timestamp.maxLength) return undefined;
  const [y, mo, d, h, mi, s] = text.split(/[- :]/).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  // Date.UTC rolls 2024-02-30 over to March; a real gateway refuses it.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    return undefined;
  return utc - BEIJING_MS;
}

const inEnum = (rule: { readonly enum: readonly string[] }, value: string, ignoreCase = false): boolean =>
  rule.enum.some((allowed) =>
    ignoreCase ? allowed.toLowerCase() === value.toLowerCase() : allowed === value,
  );

/**
 * The gateway's checks of an authenticated request's common parameters, in order: timestamp (format
 * and ±15 min window), charset, version, format, encrypt_type (AES only, and only for an app with an
 * AES key), app_auth_token, then method.
 * charset and format compare case-insensitively: the Java SDK sends `UTF-8` and `json`.
 */
export function checkWellFormed(params: Params, now: Date, hasEncryptKey: boolean): Verdict | undefined {
  const at = parseBeijingTimestamp(params.timestamp ?? '');
  if (at === undefined) return verdictOf('isv.invalid-timestamp');
  if (Math.abs(at - now.getTime()) > TIMESTAMP_WINDOW_MS) return verdictOf('isv.invalid-timestamp');
  if (!present(params.charset) || !inEnum(COMMON_PARAMS.charset, params.charset, true)) {
    return verdictOf('isv.invalid-charset');
  }
  if (!inEnum(COMMON_PARAMS.version, params.version ?? '')) {
    return verdictOf('isv.invalid-parameter', `：version=${params.version}`);
  }
  if (present(params.format) && !inEnum(COMMON_PARAMS.format, params.format, true)) {
    return verdictOf('isv.invalid-format');
  }
  if (present(params.encrypt_type)) {
    if (!inEnum(COMMON_PARAMS.encrypt_type, params.encrypt_type))
      return verdictOf('isv.invalid-encrypt-type');
    // AES needs the app's key; the content itself is decrypted later (decryptBizContent).
    if (!hasEncryptKey) return verdictOf('isv.decryption-error-not-valid-encrypt-key');
  }
  if (
    present(params.app_auth_token) &&
    params.app_auth_token.length > COMMON_PARAMS.app_auth_token.maxLength
  ) {
    return verdictOf('aop.invalid-app-auth-token');
  }
  if (!inEnum(COMMON_PARAMS.method, params.method ?? '')) return verdictOf('isv.invalid-method');
  return undefined;
}
