import { COMMON_PARAMS } from '@aopkit/types';
import { configError } from '../errors/FakeGatewayError.js';
import type { AppSignType, FakeApp, FakeGatewayCore, RegisteredApp } from '../FakeGatewayCore.js';
import { ownFields } from '../options/ownFields.js';
import { type AppKey, AppRecord } from './AppRecord.js';
import { generateAppKeys, publicKeyOfCert } from './appKeys.js';
import { generateEncryptKey } from './encryptKey.js';
import { appIdOf } from './ids.js';

type RegisterOptions = NonNullable<Parameters<FakeGatewayCore['registerApp']>[0]>;

const FIXTURE_KEYS = [
  'appId',
  'publicKey',
  'appCert',
  'privateKey',
  'signType',
  'encryptKey',
] as const satisfies readonly (keyof FakeApp)[];
const REGISTER_KEYS = [
  'appId',
  'publicKey',
  'appCert',
  'signType',
  'encryptKey',
] as const satisfies readonly (keyof RegisterOptions)[];
// The spec's sign_type values (@aopkit/types), not a list of our own.
const SIGN_TYPES: readonly AppSignType[] = COMMON_PARAMS.sign_type.enum;

/** A text field: a string when given; the message names its type only (it may be a key). */
function textOf(value: unknown, field: string, path: string, who: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw configError(`${path}.${field}`, `${who}: ${field} must be a string (got a ${typeof value})`);
}

function signTypeOf(value: unknown, path: string, who: string): AppSignType {
  if (value === undefined) return 'RSA2';
  if ((SIGN_TYPES as readonly unknown[]).includes(value)) return value as AppSignType;
  const got = typeof value === 'string' ? JSON.stringify(value) : `a ${typeof value}`;
  throw configError(
    `${path}.signType`,
    `${who}: signType must be one of ${SIGN_TYPES.join(', ')} (got ${got})`,
  );
}

/**
 * The apps the gateway knows, by app_id: loaded from the fixtures, or added with registerApp. Every
 * entry is checked (FakeGatewayError ERR_FAKE_CONFIG, own properties only; a malformed key is the
 * signer's AlipayKeyError / AlipayCertificateError), and no message ever holds a key.
 */
export class AppRegistry {
  readonly apps = new Map<string, AppRecord>();
  #generated = 0;

  /** `certificates`: whether the fake has an Alipay certificate and root bundle for certificate mode. */
  constructor(
    readonly seed: number,
    readonly certificates: boolean,
  ) {}

  #keyOf(appId: string, publicKey: string | undefined, appCert: string | undefined, path: string): AppKey {
    if (appCert !== undefined) {
      if (!this.certificates) {
        throw configError(
          `${path}.appCert`,
          `app ${appId}: certificate mode needs alipayKeys.publicCert and rootCert`,
        );
      }
      return { appCert };
    }
    if (publicKey !== undefined) return { publicKey };
    throw configError(`${path}.publicKey`, `app ${appId}: give publicKey or appCert`);
  }

  /** Loads the fixtures' apps (replacing any registered under the same app_id). */
  load(apps: readonly unknown[]): void {
    for (const [i, entry] of apps.entries()) {
      const where = `apps[${i}]`;
      const path = `fixtures.apps[${i}]`;
      const own = ownFields(entry, FIXTURE_KEYS, { where, path, shape: 'with a non-empty appId' });
      if (typeof own.appId !== 'string' || own.appId === '') {
        throw configError(`${path}.appId`, `${where}: must be an object with a non-empty appId`);
      }
      const who = `${where}: app ${own.appId}`;
      textOf(own.privateKey, 'privateKey', path, who); // only printed by the CLI
      const key = this.#keyOf(
        own.appId,
        textOf(own.publicKey, 'publicKey', path, who),
        textOf(own.appCert, 'appCert', path, who),
        path,
      );
      const signType = signTypeOf(own.signType, path, who);
      this.apps.set(own.appId, new AppRecord(own.appId, key, signType, own.encryptKey, path));
    }
  }

  /** registerApp: adds (or replaces) an app, with a generated key pair when no key is given. */
  register(app: RegisterOptions | undefined = {}): RegisteredApp {
    const where = 'registerApp';
    const shape = '{ appId?, publicKey?, appCert?, signType?, encryptKey? }';
    const own = ownFields(app, REGISTER_KEYS, { where, shape });
    if (own.appId !== undefined && (typeof own.appId !== 'string' || own.appId === '')) {
      throw configError(`${where}.appId`, `${where}: appId must be a non-empty string when given`);
    }
    const signType = signTypeOf(own.signType, where, where);
    const givenKey = textOf(own.publicKey, 'publicKey', where, where);
    const appCert = textOf(own.appCert, 'appCert', where, where);
    if (own.encryptKey !== undefined && own.encryptKey !== true && typeof own.encryptKey !== 'string') {
      throw configError(
        `${where}.encryptKey`,
        `${where}: encryptKey must be the base64 of a 16-byte AES key, or true to generate one`,
      );
    }
    const generated = givenKey === undefined && appCert === undefined ? generateAppKeys() : undefined;
    const appId = (own.appId as string | undefined) ?? appIdOf(this.seed, ++this.#generated);
    const key = this.#keyOf(appId, givenKey ?? generated?.publicKey, appCert, where);
    const encryptKey = own.encryptKey === true ? generateEncryptKey() : own.encryptKey;
    // Throws AlipayKeyError on a bad public key, a FakeGatewayError naming encryptKey on a bad AES key.
    const record = new AppRecord(appId, key, signType, encryptKey, where);
    this.apps.set(appId, record);
    const publicKey = 'appCert' in key ? publicKeyOfCert(key.appCert) : key.publicKey;
    return {
      appId,
      publicKey,
      signType,
      ...(generated ? { privateKey: generated.privateKey } : {}),
      ...(record.appCertSn ? { appCertSn: record.appCertSn } : {}),
      ...(record.encryptKey ? { encryptKey: record.encryptKey } : {}),
    };
  }
}
