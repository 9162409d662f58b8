import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type AlipayClientOptions, AlipayValidationError, createAlipayClient } from '../src/index.js';
import { testKeys } from './helpers/keys.js';
import { makeCertificate } from './helpers/makeCertificate.js';
import { miniGateway, success } from './helpers/miniGateway.js';

const keys = testKeys();
const { app, alipay } = keys;
const valid: AlipayClientOptions = {
  appId: '2021000000000001',
  privateKey: app.privateKey,
  alipayPublicKey: alipay.publicKey,
};

function rejection(options: unknown): AlipayValidationError {
  try {
    createAlipayClient(options as AlipayClientOptions);
  } catch (error) {
    if (error instanceof AlipayValidationError) return error;
    throw error;
  }
  throw new Error('expected a validation error');
}

const bare = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

describe("the app's own public key where the Alipay public key belongs", () => {
  const pkcs1 = createPublicKey(app.publicKey).export({ type: 'pkcs1', format: 'pem' }).toString();
  it.each([
    ['as SPKI PEM', app.publicKey],
    ['as bare base64, as the console shows it', bare(app.publicKey)],
    ['as PKCS#1 PEM', pkcs1],
    ['with CRLF line ends and spaces around', `  ${app.publicKey.replaceAll('\n', '\r\n')}\r\n`],
  ])('is refused at creation, %s, saying which key is which', (_name, alipayPublicKey) => {
    const error = rejection({ ...valid, alipayPublicKey });
    expect(error).toMatchObject({ code: 'ERR_VALIDATION', field: 'alipayPublicKey', rule: 'ownKey' });
    expect(error.message).toMatch(/is your app public key \(privateKey's own\): pass the Alipay public key/);
    expect(error.message).toContain('支付宝公钥');
    expect(error.message).not.toContain(bare(app.publicKey).slice(40, 72));
    // The Alipay public key itself is accepted.
    expect(() => createAlipayClient(valid)).not.toThrow();
  });
});

describe("certificate mode: the app's certificate where Alipay's belongs", () => {
  const appCert = makeCertificate('app 2021000000000001', 42n, app.privateKey);
  const alipayCert = makeCertificate('Alipay public key', 7513n);
  const root = makeCertificate('Alipay root', 1n);
  const certOptions = {
    appId: '2021000000000001',
    privateKey: app.privateKey,
    appCert: appCert.pem,
    alipayPublicCert: alipayCert.pem,
    alipayRootCert: root.pem,
  };

  it('alipayPublicCert equal to appCert is refused; the right certificates are accepted', () => {
    const error = rejection({ ...certOptions, alipayPublicCert: appCert.pem });
    expect(error).toMatchObject({ field: 'alipayPublicCert', rule: 'ownKey' });
    expect(error.message).toMatch(
      /is your app certificate \(privateKey's own\): pass the Alipay public certificate.*支付宝公钥证书/,
    );
    expect(() => createAlipayClient(certOptions)).not.toThrow();
  });

  it('an alipayPublicCert holding the app’s own key (another certificate of it) is refused', () => {
    const another = makeCertificate('app, renewed', 43n, app.privateKey);
    const error = rejection({ ...certOptions, alipayPublicCert: another.pem });
    expect(error).toMatchObject({ field: 'alipayPublicCert', rule: 'ownKey' });
    expect(error.message).toMatch(/is your app certificate/);
  });
});

describe('appId: digits only, refused rather than trimmed', () => {
  it.each([
    ['a trailing line break', '2021000000000001\n'],
    ['a trailing CRLF', '2021000000000001\r\n'],
    ['a leading space', ' 2021000000000001'],
    ['a tab', '2021000000000001\t'],
    ['letters', '2021abc'],
    ['an inner space', '2021 000000000001'],
  ])('%s', (_name, appId) => {
    const error = rejection({ ...valid, appId });
    expect(error).toMatchObject({ field: 'appId', rule: 'pattern' });
    expect(error.message).toMatch(/digits only.*not trimmed/);
  });
});

describe('app_auth_token: surrounding whitespace trimmed, never echoed', () => {
  const token = '201510BB0c409dd5758b4d939d4008a525463X42';
  it.each([
    ['\\n', `\n${token}\n`],
    ['\\r\\n', `\r\n${token}\r\n`],
    ['spaces', `  ${token}  `],
    ['tabs', `\t${token}\t`],
  ])('surrounded by %s: the token alone is signed and sent', async (_name, appAuthToken) => {
    const gw = miniGateway(keys, () => success());
    const client = createAlipayClient({ ...valid, appAuthToken, fetch: gw.fetch });
    await client.marketing.voucher.send({
      template_id: 'T1',
      out_biz_no: 'tok-1',
      user_id: '2088000000000001',
    });
    expect(gw.seen[0]!.params.app_auth_token).toBe(token);
    expect(gw.seen[0]!.signatureValid).toBe(true);
  });

  it.each([
    ['an inner space', 'tok secret-123456'],
    ['an inner line break', 'tok\nsecret-123456'],
    ["an '&' (a pasted query string)", 'tok&app_id=2021000000000001'],
    ["an '=' (a pasted parameter)", 'app_auth_token=tok-secret-123456'],
  ])('holding %s: refused at creation, without the token in the message', (_name, appAuthToken) => {
    const error = rejection({ ...valid, appAuthToken });
    expect(error).toMatchObject({ field: 'appAuthToken', rule: 'pattern' });
    expect(error.message).not.toContain('secret');
    expect(error.message).not.toContain(appAuthToken);
  });
});

describe('the gateway: https, or http on loopback only', () => {
  it.each([
    'http://openapi.alipay.com/gateway.do',
    'http://10.0.0.7/gateway.do',
    'http://localhost.example.com/gateway.do',
    'http://127.example.com/gateway.do',
    'http://[::2]/gateway.do',
  ])('refuses %s at creation, naming the fix', (gateway) => {
    const error = rejection({ ...valid, gateway });
    expect(error).toMatchObject({ field: 'gateway', rule: 'pattern' });
    expect(error.message).toMatch(/must use https:/);
    expect(error.message).toMatch(/loopback host \(127\.0\.0\.0\/8, \[::1\], localhost\)/);
    expect(error.message).toMatch(/write the URL with https:\/\//);
  });

  it('accepts https anywhere, and http on a loopback host only', () => {
    for (const gateway of [
      'https://openapi.alipay.com/gateway.do',
      'https://alipay-proxy.example.test/custom',
      'http://127.0.0.1:8080/gateway.do',
      'http://127.12.0.3/gateway.do',
      'http://[::1]:8080',
      'http://localhost:3000',
      'http://LOCALHOST:3000',
      'sandbox',
    ])
      expect(() => createAlipayClient({ ...valid, gateway }), gateway).not.toThrow();
    expect(rejection({ ...valid, gateway: 'http://127.0.0.1.nip.example/gateway.do' })).toMatchObject({
      field: 'gateway',
    });
  });
});
