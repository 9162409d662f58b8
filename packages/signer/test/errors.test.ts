import { describe, expect, it, vi } from 'vitest';
import {
  AesError,
  AlipayCertificateError,
  AlipayKeyError,
  AlipayMalformedResponseError,
  AlipaySignatureVerificationError,
  AopkitError,
  aesDecrypt,
  aesEncrypt,
  CryptoUnavailableError,
  canonicalize,
  certSerialNumber,
  createSigner,
  createVerifier,
  formatTimestamp,
  isPublicKeyOf,
  loadCharsetDecoder,
  loadCharsetEncoder,
  responseNodeName,
  rootCertSerialNumber,
  SignerError,
  SignerOptionError,
  verifyNotification,
} from '../src/index.js';
import {
  alipayPublicCert,
  alipayRootCert,
  appPrivateKeyPkcs1Pem,
  appPublicKeyPem,
} from './helpers/fixtures.js';
import { METHOD, signedBody, verifier } from './helpers/responses.js';

const privateKey = appPrivateKeyPkcs1Pem;
const AES_KEY = 'aYA0GP8JEW+D7/UFaskCWA==';
const signer = createSigner({ privateKey });

/** What `run` threw or rejected with. */
async function caught(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** Runs `run` with `Object.prototype[key] = value`, always restoring it. */
async function polluted<T>(key: string, value: unknown, run: () => T | Promise<T>): Promise<T> {
  Object.defineProperty(Object.prototype, key, {
    value,
    configurable: true,
    writable: true,
    enumerable: false,
  });
  try {
    return await run();
  } finally {
    delete (Object.prototype as Record<string, unknown>)[key];
  }
}

const nullProto = <T extends object>(fields: T): T => Object.assign(Object.create(null) as T, fields);

describe('every signer error has a stable code', () => {
  it.each([
    [
      'SignerOptionError',
      () => createSigner({ privateKey, signType: 'RSA256' as never }),
      'ERR_INVALID_OPTION',
    ],
    ['AlipayKeyError', () => createSigner({ privateKey: 'not a key' }), 'ERR_KEY_INVALID'],
    ['AlipayKeyError (AES key)', () => aesEncrypt('x', 'short'), 'ERR_KEY_INVALID'],
    ['AlipayCertificateError', () => certSerialNumber('junk'), 'ERR_CERTIFICATE_INVALID'],
    [
      'AlipayMalformedResponseError',
      () => verifier.verifyResponse('not json', METHOD),
      'ERR_RESPONSE_MALFORMED',
    ],
    ['AesError', () => aesDecrypt('AAAA', AES_KEY), 'ERR_AES'],
  ] as const)('%s: %s', async (name, run, code) => {
    const error = await caught(run);
    expect(error).toBeInstanceOf(AopkitError);
    expect(error).toBeInstanceOf(SignerError);
    expect(error).toMatchObject({ name: name.split(' ')[0], code });
  });

  it('AlipaySignatureVerificationError: ERR_RESPONSE_SIGNATURE, reason kept', async () => {
    const body = (await signedBody('{"code":"10000","msg":"Success"}')).replace('Success', 'Succe55');
    const error = await caught(() => verifier.verifyResponse(body, METHOD));
    expect(error).toBeInstanceOf(AlipaySignatureVerificationError);
    expect(error).toMatchObject({ code: 'ERR_RESPONSE_SIGNATURE', reason: 'bad-signature' });
  });

  it('every class sets its code itself', () => {
    expect(new AlipayKeyError('m').code).toBe('ERR_KEY_INVALID');
    expect(new AlipayCertificateError('m').code).toBe('ERR_CERTIFICATE_INVALID');
    expect(new AlipayMalformedResponseError('m', 'not-json').code).toBe('ERR_RESPONSE_MALFORMED');
    const details = { reason: 'bad-signature', content: 'c', signature: 's' } as const;
    expect(new AlipaySignatureVerificationError('m', details).code).toBe('ERR_RESPONSE_SIGNATURE');
    expect(new AesError('m').code).toBe('ERR_AES');
    expect(new CryptoUnavailableError('m').code).toBe('ERR_CRYPTO_UNAVAILABLE');
    expect(new SignerOptionError('m', { field: 'f', rule: 'type' })).toMatchObject({
      code: 'ERR_INVALID_OPTION',
      field: 'f',
      rule: 'type',
      name: 'SignerOptionError',
    });
  });

  it('CryptoUnavailableError when the runtime lacks the crypto asked for', async () => {
    vi.resetModules();
    vi.stubGlobal('crypto', undefined);
    try {
      // A fresh module: providers are built once per runtime and cached.
      const fresh = await import('../src/index.js');
      const error = await caught(() => fresh.createSigner({ privateKey, crypto: 'web' }));
      expect(error).toBeInstanceOf(fresh.CryptoUnavailableError);
      expect(error).toMatchObject({ code: 'ERR_CRYPTO_UNAVAILABLE' });
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});

describe('no TypeError, RangeError or plain Error escapes a public function on bad input', () => {
  const verifierNow = createVerifier({ alipayPublicKey: appPublicKeyPem });
  const cases: [string, () => unknown][] = [
    ['createSigner(null)', () => createSigner(null as never)],
    ['createSigner("key")', () => createSigner('key' as never)],
    ['createSigner([])', () => createSigner([] as never)],
    ['createSigner with crypto: "nodejs"', () => createSigner({ privateKey, crypto: 'nodejs' as never })],
    ['createVerifier(5)', () => createVerifier(5 as never)],
    [
      'createVerifier with a root bundle but no certificate',
      () => createVerifier({ alipayPublicKey: appPublicKeyPem, alipayRootCert } as never),
    ],
    ['sign(null)', () => signer.sign(null as never)],
    ['sign with an object value', () => signer.sign({ biz_content: {} } as never)],
    ['sign with a symbol value', () => signer.sign({ a: Symbol('x') } as never)],
    ['signString(undefined)', () => signer.signString(undefined as never)],
    ['verifyResponse(5, method)', () => verifierNow.verifyResponse(5 as never, METHOD)],
    ['verifyResponse(body, 5)', () => verifierNow.verifyResponse('{}', 5 as never)],
    ['verify with sign type "SHA256"', () => verifierNow.verify('a', 'b', 'SHA256' as never)],
    ['verifyNotification(null, …)', () => verifyNotification(null as never, { verifier: verifierNow })],
    ['verifyNotification(fields, null)', () => verifyNotification({}, null as never)],
    ['verifyNotification with verifier: 5', () => verifyNotification({}, { verifier: 5 as never })],
    ['aesEncrypt(5, key)', () => aesEncrypt(5 as never, AES_KEY)],
    ['aesEncrypt with options 5', () => aesEncrypt('a', AES_KEY, 5 as never)],
    ['aesEncrypt with options null', () => aesEncrypt('a', AES_KEY, null as never)],
    ['aesDecrypt(text, 5)', () => aesDecrypt('AAAAAAAAAAAAAAAAAAAAAA==', 5 as never)],
    ['formatTimestamp("2024")', () => formatTimestamp('2024' as never)],
    ['canonicalize(null)', () => canonicalize(null as never)],
    ['canonicalize("a=1")', () => canonicalize('a=1' as never)],
    ['loadCharsetEncoder(5)', () => loadCharsetEncoder(5 as never)],
    ['loadCharsetDecoder(null)', () => loadCharsetDecoder(null as never)],
    ['responseNodeName(5)', () => responseNodeName(5 as never)],
    ['certSerialNumber(5)', () => certSerialNumber(5 as never)],
    ['rootCertSerialNumber(null)', () => rootCertSerialNumber(null as never)],
    ['isPublicKeyOf(5, 5)', () => isPublicKeyOf(5 as never, 5 as never)],
    ['isPublicKeyOf with fields null', () => isPublicKeyOf(appPublicKeyPem, privateKey, null as never)],
  ];

  it.each(cases)('%s', async (_, run) => {
    const error = await caught(run);
    expect(error).toBeInstanceOf(SignerError);
    expect((error as SignerError).code).toMatch(/^ERR_[A-Z_]+$/);
    expect(error).not.toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(RangeError);
  });
});

describe('unknown options are refused, naming them and listing the known ones', () => {
  it('createSigner({ signtype: "RSA" }) no longer signs RSA2 silently', () => {
    const error = () => createSigner({ privateKey, signtype: 'RSA' } as never);
    expect(error).toThrow(SignerOptionError);
    expect(error).toThrow(
      'createSigner: unknown option "signtype" (known: privateKey, signType, charset, crypto)',
    );
    expect(error).toThrow(expect.objectContaining({ field: 'signtype', rule: 'unknown' }));
  });

  it('createVerifier, aesEncrypt, aesDecrypt, verifyNotification and isPublicKeyOf too', async () => {
    expect(() => createVerifier({ alipayPublicKey: appPublicKeyPem, charSet: 'gbk' } as never)).toThrow(
      /^createVerifier: unknown option "charSet" \(known: alipayPublicKey, alipayPublicCert, alipayRootCert, signType, charset, crypto, fieldNames\)$/,
    );
    await expect(aesEncrypt('x', AES_KEY, { charSet: 'gbk' } as never)).rejects.toThrow(
      /^aesEncrypt: unknown option "charSet" \(known: crypto, charset\)$/,
    );
    await expect(aesDecrypt('x', AES_KEY, { cipher: 'cbc' } as never)).rejects.toMatchObject({
      field: 'cipher',
      rule: 'unknown',
    });
    // With a ready verifier, a key beside it would be ignored: refused.
    await expect(
      verifyNotification({}, { verifier, alipayPublicKey: appPublicKeyPem } as never),
    ).rejects.toThrow(/^verifyNotification: unknown option "alipayPublicKey" \(known: verifier\)$/);
    await expect(
      verifyNotification({}, { alipayPublicKey: appPublicKeyPem, verfier: verifier } as never),
    ).rejects.toThrow(/unknown option "verfier"/);
    expect(() => isPublicKeyOf(appPublicKeyPem, privateKey, { public: 'x' } as never)).toThrow(
      /^isPublicKeyOf: unknown key of fields "public" \(known: publicKey, privateKey\)$/,
    );
  });

  it('a key bundle, with both modes at once, is a conflict', () => {
    expect(() => createVerifier({ alipayPublicKey: appPublicKeyPem, alipayPublicCert } as never)).toThrow(
      expect.objectContaining({ rule: 'conflict', field: 'alipayPublicCert' }),
    );
  });
});

describe('options and parameters are read from own properties only', () => {
  it('an inherited user_id is never signed (canonicalize ignores inherited keys)', async () => {
    await polluted('user_id', '2088000000000001', () => {
      expect(canonicalize({ login_id: 'someone@example.com', app_id: '2021' })).toBe(
        'app_id=2021&login_id=someone@example.com',
      );
    });
    // Enumerable pollution too (a plain assignment to Object.prototype).
    (Object.prototype as Record<string, unknown>).user_id = '2088000000000001';
    try {
      expect(canonicalize({ login_id: 'x' })).toBe('login_id=x');
    } finally {
      delete (Object.prototype as Record<string, unknown>).user_id;
    }
  });

  it('an inherited option never changes the signer, the verifier or AES', async () => {
    const rsa2 = await signer.signString('a=1');
    await polluted('signType', 'RSA', async () => {
      const s = createSigner({ privateKey });
      expect(s.signType).toBe('RSA2');
      expect(await s.signString('a=1')).toBe(rsa2);
    });
    await polluted('alipayPublicCert', alipayPublicCert, () => {
      // Without own-property reads this would be "not both" (or certificate mode).
      expect(createVerifier({ alipayPublicKey: appPublicKeyPem }).alipayCertSn).toBeUndefined();
    });
    await polluted('charset', 'gbk', async () => {
      expect(await aesEncrypt('{"a":"中文"}', AES_KEY)).toBe('TI5fGWVveeuELxAfOcy45g==');
    });
  });

  it('an inherited sign_type never changes how a notification is checked', async () => {
    const fields = { notify_id: 'n1', app_id: '2021' };
    const sign = await signer.signString(canonicalize(fields));
    const options = { alipayPublicKey: appPublicKeyPem };
    expect(await verifyNotification({ ...fields, sign }, options)).toBe(true);
    // Destructuring `sign_type` from the fields would find this one and check with SHA-1.
    expect(await polluted('sign_type', 'RSA', () => verifyNotification({ ...fields, sign }, options))).toBe(
      true,
    );
    // And an inherited `sign` is no signature.
    expect(await polluted('sign', sign, () => verifyNotification(fields, options))).toBe(false);
  });

  it('null-prototype objects are valid options, params and fields', async () => {
    const s = createSigner(nullProto({ privateKey }));
    const v = createVerifier(nullProto({ alipayPublicKey: appPublicKeyPem }));
    const params = nullProto({ b: '2', a: '1' });
    expect(canonicalize(params)).toBe('a=1&b=2');
    const sign = await s.sign(params);
    expect(await v.verify('a=1&b=2', sign)).toBe(true);
    expect(await verifyNotification(nullProto({ ...params, sign }), nullProto({ verifier: v }))).toBe(true);
    expect(await aesEncrypt('{"a":"中文"}', AES_KEY, nullProto({ charset: 'utf-8' as const }))).toBe(
      'TI5fGWVveeuELxAfOcy45g==',
    );
    expect(isPublicKeyOf(appPublicKeyPem, privateKey, nullProto({ publicKey: 'alipayPublicKey' }))).toBe(
      true,
    );
  });

  it('a __proto__ notification field is kept as a field', async () => {
    const fields = JSON.parse('{"__proto__":"x","a":"1"}') as Record<string, string>;
    const sign = await signer.signString('__proto__=x&a=1');
    expect(await verifyNotification({ ...fields, sign }, { verifier })).toBe(true);
  });
});

describe('a lone surrogate is refused, naming the parameter, never showing its value', () => {
  const TOKEN = 'authusrB4a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5';

  it('canonicalize names the parameter and where the surrogate is', () => {
    const run = () => canonicalize({ app_id: '2021', app_auth_token: `${TOKEN}\ud800` });
    expect(run).toThrow(SignerOptionError);
    expect(run).toThrow(expect.objectContaining({ field: 'params.app_auth_token', rule: 'encodable' }));
    expect(run).toThrow(/^params\.app_auth_token holds a lone surrogate \(U\+D800 at index 39\)/);
    const message = (() => {
      try {
        run();
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).not.toContain(TOKEN.slice(0, 12));
  });

  it.each([
    ['a lone high surrogate at the end', 'memo\ud83d'],
    ['a lone low surrogate', '\ude00memo'],
    ['a reversed pair', '\ude00\ud83d'],
  ])('%s in a value or a key', (_, text) => {
    expect(() => canonicalize({ memo: text })).toThrow(expect.objectContaining({ field: 'params.memo' }));
    expect(() => canonicalize({ [text]: 'x' })).toThrow(expect.objectContaining({ rule: 'encodable' }));
  });

  it('a well-formed pair (an emoji) is signed as before', () => {
    expect(canonicalize({ memo: '红包🧧', sign: '\ud800' })).toBe('memo=红包🧧');
  });

  it('sign, signString and aesEncrypt reject it: it would sign U+FFFD, not what was written', async () => {
    await expect(signer.sign({ memo: 'a\ud800' })).rejects.toMatchObject({
      field: 'params.memo',
      rule: 'encodable',
    });
    await expect(signer.signString('memo=a\udfff')).rejects.toMatchObject({
      field: 'content',
      rule: 'encodable',
    });
    await expect(aesEncrypt('{"memo":"\ud800"}', AES_KEY)).rejects.toMatchObject({
      field: 'plaintext',
      rule: 'encodable',
    });
    for (const charset of ['gbk', 'gb2312'] as const) {
      const s = createSigner({ privateKey, charset });
      await expect(s.signString('a\ud800')).rejects.toBeInstanceOf(SignerOptionError);
    }
  });
});

describe('messages are bounded and never show a secret', () => {
  const huge = 'x'.repeat(5_000_000);

  it('a 5 MB value, key or method is shown as an excerpt at most', async () => {
    const messages = [
      await caught(() => createSigner({ privateKey, charset: huge as never })),
      await caught(() => createSigner({ privateKey, [huge]: 1 } as never)),
      await caught(() => canonicalize({ [`${huge}\ud800`]: 'v' })),
      await caught(() => verifier.verifyResponse('{"a":1}', huge)),
      await caught(async () =>
        verifier.verifyResponse(`{"${huge.slice(0, 100)}_response":[1]}`, huge.slice(0, 100)),
      ),
    ].map((e) => (e as Error).message);
    for (const message of messages) expect(message.length).toBeLessThan(300);
    expect(messages[1]).toContain(`"${'x'.repeat(40)}…"`);
  });

  it('an alipay_cert_sn of any size is shown as an excerpt', async () => {
    const certVerifier = createVerifier({ alipayPublicCert });
    const body = await signedBody('{"code":"10000","msg":"Success"}', {
      extra: `,"alipay_cert_sn":"${huge}"`,
    });
    const error = await caught(() => certVerifier.verifyResponse(body, METHOD));
    expect(error).toMatchObject({ reason: 'cert-sn-mismatch' });
    expect((error as Error).message.length).toBeLessThan(300);
  });

  it('a key, a token or an AES key pasted into the wrong option is never shown', () => {
    const keyBody = privateKey.replace(/-----[^-]+-----|\s/g, '');
    for (const secret of [privateKey, keyBody, AES_KEY, 'authusrB4a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5']) {
      for (const field of ['charset', 'signType', 'crypto'] as const) {
        const error = (() => {
          try {
            createSigner({ privateKey, [field]: secret } as never);
          } catch (e) {
            return e as SignerOptionError;
          }
        })();
        expect(error).toMatchObject({ field, rule: 'enum' });
        expect(error?.message).toMatch(/\(got a string of \d+ characters\)$/);
        expect(error?.message).not.toContain(secret.slice(0, 10));
      }
    }
    // A short wrong value is worth showing: it is a typo, not a secret.
    expect(() => createSigner({ privateKey, charset: 'UTF8' as never })).toThrow(/\(got "UTF8"\)$/);
  });
});

describe('keys and certificates with surrounding whitespace are accepted', () => {
  it('an AES key, a PEM certificate and a root bundle', async () => {
    expect(await aesEncrypt('{"a":"中文"}', ` \n${AES_KEY}\r\n `)).toBe('TI5fGWVveeuELxAfOcy45g==');
    expect(await aesDecrypt('TI5fGWVveeuELxAfOcy45g==', `\t${AES_KEY}\n`)).toBe('{"a":"中文"}');
    expect(certSerialNumber(`\n  ${alipayPublicCert}\r\n`)).toBe('7513daaaa48aa3ba2e4018d84402479c');
    expect(rootCertSerialNumber(`\r\n${alipayRootCert}  `)).toBe(rootCertSerialNumber(alipayRootCert));
    expect(createVerifier({ alipayPublicCert: `  ${alipayPublicCert}\n\n` }).alipayCertSn).toBe(
      '7513daaaa48aa3ba2e4018d84402479c',
    );
  });
});

describe("certificate functions name the caller's field", () => {
  it('certSerialNumber and rootCertSerialNumber take a field name, with the old defaults', () => {
    expect(() => certSerialNumber('junk', 'appCert')).toThrow(/^appCert is not/);
    expect(() => certSerialNumber('junk')).toThrow(/^certificate is not/);
    expect(() => rootCertSerialNumber('', 'alipayRootCert')).toThrow(
      /^alipayRootCert must be a non-empty string/,
    );
    expect(() => createVerifier({ alipayPublicCert, alipayRootCert: 'junk' })).toThrow(
      /^alipayRootCert is not/,
    );
  });
});
