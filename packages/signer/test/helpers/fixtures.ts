import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The official Node SDK's public test fixtures (alipay-sdk 4.14.0 test/fixtures: test keys and
 * certificates, published on purpose), vendored so the tests need nothing outside the repository.
 */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/alipay-sdk-fixtures/', import.meta.url));

/** Reads one fixture file as text. */
export const fixture = (name: string): string => readFileSync(`${FIXTURES_DIR}${name}`, 'utf8');

export const appPrivateKeyPkcs1Pem = fixture('app-private-key.pem');
export const appPrivateKeyPkcs8Pem = fixture('app-private-key-pkcs8.pem');
export const appPrivateKeyPkcs1Bare = fixture('app-private-key-no-wrapper.pem');
export const appPrivateKeyPkcs8Bare = fixture('app-private-key-pkcs8-no-wrapper.pem');
export const appPublicKeyPem = fixture('app-public-key.pem');
export const appPublicKeyBare = fixture('app-public-key-no-wrapper.pem');
export const alipayPublicKeyPem = fixture('alipay-public-key.pem');
export const appCert = fixture('appCertPublicKey_2021001161683774.crt');
export const alipayPublicCert = fixture('alipayCertPublicKey_RSA2.crt');
export const alipayRootCert = fixture('alipayRootCert.crt');
