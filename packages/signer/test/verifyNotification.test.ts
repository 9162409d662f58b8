import { describe, expect, it } from 'vitest';
import { canonicalize, createSigner, createVerifier, verifyNotification } from '../src/index.js';
import { appPrivateKeyPkcs1Pem, appPublicKeyPem } from './helpers/fixtures.js';

const FIELDS = {
  notify_time: '2024-06-01 12:00:00',
  notify_type: 'trade_status_sync',
  notify_id: 'ac05099524730693a8b330c5ecf72da9786',
  app_id: '2021000000000000',
  charset: 'utf-8',
  version: '1.0',
  subject: '中文 & = + 😀',
  passback_params: '',
};

/** Signs as the gateway does for V1 notifications: without sign and sign_type, without empty values. */
async function signed(signType: 'RSA2' | 'RSA', fields: Record<string, string> = FIELDS) {
  const signer = createSigner({ privateKey: appPrivateKeyPkcs1Pem, signType });
  const { sign_type: _, ...rest } = fields;
  return { ...fields, sign_type: signType, sign: await signer.signString(canonicalize(rest)) };
}

describe('verifyNotification (V1)', () => {
  it.each(['RSA2', 'RSA'] as const)(
    'verifies a %s notification, hash taken from sign_type',
    async (signType) => {
      expect(await verifyNotification(await signed(signType), { alipayPublicKey: appPublicKeyPem })).toBe(
        true,
      );
    },
  );

  it('defaults to RSA2 when sign_type is absent', async () => {
    const { sign_type: _, ...fields } = await signed('RSA2');
    expect(await verifyNotification(fields, { alipayPublicKey: appPublicKeyPem })).toBe(true);
  });

  it('accepts a ready verifier (key parsed once)', async () => {
    const verifier = createVerifier({ alipayPublicKey: appPublicKeyPem });
    expect(await verifyNotification(await signed('RSA2'), { verifier })).toBe(true);
  });

  it.each([
    ['a changed field', (f: Record<string, string>) => ({ ...f, subject: 'other' })],
    ['an added field', (f: Record<string, string>) => ({ ...f, extra: '1' })],
    [
      'a sign_type that does not match the signature',
      (f: Record<string, string>) => ({ ...f, sign_type: 'RSA' }),
    ],
    ['an unknown sign_type', (f: Record<string, string>) => ({ ...f, sign_type: 'MD5' })],
    ['no sign', ({ sign: _, ...f }: Record<string, string>) => f],
    ['a signature that is not base64', (f: Record<string, string>) => ({ ...f, sign: '%%%' })],
  ])('refuses %s', async (_, tamper) => {
    expect(await verifyNotification(tamper(await signed('RSA2')), { alipayPublicKey: appPublicKeyPem })).toBe(
      false,
    );
  });
});
