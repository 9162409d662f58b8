import { AlipayCertificateError, AlipayKeyError } from '@aopkit/signer';
import { RESPONSE_FIELDS } from '@aopkit/types';
import { describe, expect, it } from 'vitest';
import {
  createFakeGateway,
  DEMO_ALIPAY_KEYS,
  DEMO_APP_CERT,
  DEMO_APP_KEYS,
  demoFixtures,
} from '../src/index.js';
import { appIdOf, voucherIdOf } from '../src/state/ids.js';
import { buildRequest } from './helpers/buildRequest.js';
import { readAnswer } from './helpers/readAnswer.js';
import { demoApp, okBiz } from './helpers/setup.js';

describe('generated ids', () => {
  it('voucher ids are 28 characters, deterministic from the seed and a counter', () => {
    const ids = Array.from({ length: 50 }, (_, i) => voucherIdOf(1, i + 1));
    for (const id of ids) expect(id).toMatch(/^\d{20}[0-9A-Z]{8}$/);
    expect(ids[0]).toHaveLength(RESPONSE_FIELDS.voucher_id.maxLength);
    expect(new Set(ids).size).toBe(50);
    expect(voucherIdOf(1, 7)).toBe(voucherIdOf(1, 7));
    expect(voucherIdOf(2, 7)).not.toBe(voucherIdOf(1, 7));
  });

  it('app ids are 16 digits starting 2021', () => {
    expect(appIdOf(1, 1)).toMatch(/^2021\d{12}$/);
    expect(appIdOf(1, 2)).not.toBe(appIdOf(1, 1));
  });

  it('two gateways with one seed issue the same ids; reset() starts the counter over', async () => {
    const issue = async (seed: number) => {
      const gateway = createFakeGateway({ seed, fixtures: demoFixtures });
      const ids: string[] = [];
      for (const n of [1, 2, 3]) {
        const response = await gateway.handle(await buildRequest({ app: demoApp, biz: okBiz(`id-${n}`) }));
        ids.push((await readAnswer(response, gateway)).node.voucher_id!);
      }
      gateway.reset();
      const again = await gateway.handle(await buildRequest({ app: demoApp, biz: okBiz('id-1') }));
      expect((await readAnswer(again, gateway)).node.voucher_id).toBe(ids[0]);
      return ids;
    };
    expect(await issue(42)).toEqual(await issue(42));
    expect(await issue(43)).not.toEqual(await issue(42));
  });
});

describe('keys', () => {
  it('registerApp generates a pair, or takes a public key (any form) and refuses a bad one', () => {
    const gateway = createFakeGateway();
    const generated = gateway.registerApp();
    expect(generated.privateKey).toContain('BEGIN PRIVATE KEY');
    expect(generated.signType).toBe('RSA2');
    const bare = generated.publicKey.replace(/-----[A-Z ]+-----|\s/g, '');
    const given = gateway.registerApp({ appId: '2021000000000777', publicKey: bare });
    expect(given).toEqual({ appId: '2021000000000777', publicKey: bare, signType: 'RSA2' });
    expect(() => gateway.registerApp({ publicKey: 'not a key' })).toThrow(AlipayKeyError);
  });

  it('a bad app key is named after the app and its field (not the Alipay key), never echoed', () => {
    const gateway = createFakeGateway();
    const message = (register: () => unknown) => {
      try {
        register();
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('registerApp accepted a bad key');
    };
    const badKey = message(() => gateway.registerApp({ appId: '2021000000000042', publicKey: 'not a key' }));
    expect(badKey).toMatch(/^app 2021000000000042: publicKey is neither PEM nor bare base64/);
    const privateKey = message(() =>
      gateway.registerApp({ appId: '2021000000000043', publicKey: DEMO_APP_KEYS.privateKey }),
    );
    expect(privateKey).toBe('app 2021000000000043: publicKey is a private key, not a public key');
    expect(() => gateway.registerApp({ appId: '2021000000000044', appCert: 'not a cert' })).toThrow(
      AlipayCertificateError,
    );
    expect(message(() => gateway.registerApp({ appId: '2021000000000044', appCert: 'not a cert' }))).toMatch(
      /^app 2021000000000044: appCert: /,
    );
    // The same from fixtures; and a null entry is named, not a TypeError from deep inside.
    const fromFixtures = message(() =>
      createFakeGateway({ fixtures: { apps: [{ appId: '1', publicKey: 'not a key' }] } }),
    );
    expect(fromFixtures).toMatch(/^app 1: publicKey /);
    for (const text of [badKey, privateKey, fromFixtures]) {
      expect(text).not.toContain('alipayPublicKey');
      expect(text).not.toContain('not a key');
      expect(text).not.toContain('PRIVATE KEY');
    }
    expect(() => createFakeGateway({ fixtures: { apps: [null as never] } })).toThrow(
      'apps[0]: must be an object with a non-empty appId',
    );
  });

  it('the signer names an app key after the app fields itself: a certificate, a key the crypto refuses', () => {
    const gateway = createFakeGateway();
    const fail = (register: () => unknown): Error => {
      try {
        register();
      } catch (error) {
        return error as Error;
      }
      throw new Error('registerApp accepted a bad key');
    };
    const cert = fail(() => gateway.registerApp({ appId: '2021000000000045', publicKey: DEMO_APP_CERT }));
    expect(cert).toBeInstanceOf(AlipayKeyError);
    expect(cert.message).toBe(
      'app 2021000000000045: publicKey is a certificate; use the certificate options (appCert)',
    );
    // rsaEncryption with a NULL for the key: it parses, and node:crypto refuses it.
    const hollow = Buffer.from('3014300d06092a864886f70d01010105000303000500', 'hex').toString('base64');
    const refused = fail(() => gateway.registerApp({ appId: '2021000000000046', publicKey: hollow }));
    expect(refused).toBeInstanceOf(AlipayKeyError);
    expect(refused.message).toBe(
      'app 2021000000000046: publicKey: the key was refused by the crypto library',
    );
  });

  it('alipayKeys replace the demo pair; alipayPublicKey is always PEM', () => {
    const bare = DEMO_ALIPAY_KEYS.publicKey.replace(/-----[A-Z ]+-----|\s/g, '');
    const gateway = createFakeGateway({
      alipayKeys: { privateKey: DEMO_ALIPAY_KEYS.privateKey, publicKey: bare },
    });
    expect(gateway.alipayPublicKey).toBe(DEMO_ALIPAY_KEYS.publicKey);
    expect(() => createFakeGateway({ alipayKeys: { privateKey: 'nope', publicKey: bare } })).toThrow();
  });
});
