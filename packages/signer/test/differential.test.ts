// Differential test against the official Node SDK (alipay-sdk 4.14.0): where PROTOCOL.md says the
// SDK is right, our signatures must be byte-identical; where it says the SDK is wrong, the Java rule
// is pinned instead, with the reason in the test name.
import { constants, createPublicKey, verify } from 'node:crypto';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { canonicalize, createSigner, type Signer } from '../src/index.js';
import { bizContent, nastyString, timestampString } from './helpers/arbitraries.js';
import {
  appPrivateKeyPkcs1Bare,
  appPrivateKeyPkcs1Pem,
  appPrivateKeyPkcs8Bare,
  appPrivateKeyPkcs8Pem,
  appPublicKeyPem,
} from './helpers/fixtures.js';
import { officialSdk, sdkSignature } from './helpers/sdkSign.js';

const METHOD = 'alipay.marketing.voucher.send';
const KEYS = [
  { form: 'PKCS#1 PEM', key: appPrivateKeyPkcs1Pem, pkcs8: false },
  { form: 'PKCS#1 bare', key: appPrivateKeyPkcs1Bare, pkcs8: false },
  { form: 'PKCS#8 PEM', key: appPrivateKeyPkcs8Pem, pkcs8: true },
  { form: 'PKCS#8 bare', key: appPrivateKeyPkcs8Bare, pkcs8: true },
] as const;
const VARIANTS = KEYS.flatMap((k) =>
  (['RSA2', 'RSA'] as const).map((signType) => ({
    name: `${signType} ${k.form}`,
    signType,
    ours: createSigner({ privateKey: k.key, signType }),
    sdk: officialSdk(k.key, signType, k.pkcs8),
  })),
);

/** The parameters the SDK signs for sdkExecute(METHOD, extra), as wire names. */
function wireParams(signer: Signer, extra: Record<string, unknown>) {
  const { biz_content, ...rest } = extra;
  return {
    method: METHOD,
    app_id: '2021000000000000',
    charset: 'utf-8',
    version: '1.0',
    sign_type: signer.signType,
    ...(rest as Record<string, string>),
    biz_content: JSON.stringify(biz_content),
  };
}

// Whitespace-only values are empty to Java (and so neither signed nor sent), while the Node SDK signs
// them: canonicalize.test.ts pins the Java rule, so they are left out of the comparison here.
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+001C–U+001F are whitespace to Java
const notBlank = (s: string) => s.trim() !== '' && !/^[\s\x1c-\x1f]*$/.test(s);
const paramSet = fc.record(
  {
    timestamp: timestampString,
    biz_content: bizContent,
    app_auth_token: nastyString(40).filter(notBlank),
    notify_url: nastyString(64).filter(notBlank),
    return_url: nastyString(64).filter(notBlank),
  },
  { requiredKeys: ['timestamp', 'biz_content'] },
);

describe('differential: byte-identical to alipay-sdk 4.14.0 where it follows the protocol', () => {
  it('matches over 1,000 generated parameter sets, RSA2 and RSA, PKCS#1 and PKCS#8, bare and PEM', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(paramSet, fc.nat(VARIANTS.length - 1), async (extra, which) => {
        const variant = VARIANTS[which]!;
        seen.set(variant.name, (seen.get(variant.name) ?? 0) + 1);
        const ours = await variant.ours.sign(wireParams(variant.ours, extra));
        expect(ours).toBe(sdkSignature(variant.sdk, METHOD, extra));
      }),
      { seed: 20_240_601, numRuns: 1_000 },
    );
    // Every variant was exercised, not just the first few.
    expect(seen.size).toBe(VARIANTS.length);
    for (const count of seen.values()) expect(count).toBeGreaterThan(50);
  }, 120_000); // 27 s with the whole `pnpm test` on one core: a hang guard, not a speed target

  it('all four key forms give the same signature as each other and as the SDK', async () => {
    const extra = {
      timestamp: '2024-06-01 12:00:00',
      biz_content: { template_id: 'T', out_biz_no: '中 &=%+' },
    };
    const signatures = await Promise.all(
      VARIANTS.filter((v) => v.signType === 'RSA2').map((v) => v.ours.sign(wireParams(v.ours, extra))),
    );
    expect(new Set(signatures).size).toBe(1);
    expect(signatures[0]).toBe(sdkSignature(VARIANTS[0]!.sdk, METHOD, extra));
  });
});

describe('differential: where the Node SDK is wrong, the Java rule is pinned', () => {
  const { ours, sdk } = VARIANTS[0]!;
  const base = { timestamp: '2024-06-01 12:00:00', biz_content: { template_id: 'T1', out_biz_no: 'o1' } };

  it('drops empty values like the Java SDK (the Node SDK signs them and the gateway rejects: issue #48)', async () => {
    const withEmpty = { ...base, app_auth_token: '' };
    const signature = await ours.sign(wireParams(ours, withEmpty));
    expect(canonicalize(wireParams(ours, withEmpty))).not.toContain('app_auth_token');
    expect(signature).toBe(sdkSignature(sdk, METHOD, base)); // = the SDK without the empty parameter
    expect(signature).not.toBe(sdkSignature(sdk, METHOD, withEmpty));
  });

  it('drops null and undefined values like the Java SDK (the Node SDK throws on null)', async () => {
    const withNull = { ...wireParams(ours, base), app_auth_token: null, notify_url: undefined };
    expect(await ours.sign(withNull)).toBe(sdkSignature(sdk, METHOD, base));
    expect(() => sdkSignature(sdk, METHOD, { ...base, app_auth_token: null })).toThrow();
  });

  it('signs GBK bytes when charset is gbk, like the Java SDK (the Node SDK signs UTF-8 whatever the charset)', async () => {
    const gbk = createSigner({ privateKey: appPrivateKeyPkcs1Pem, charset: 'gbk' });
    const params = {
      ...wireParams(gbk, { ...base, biz_content: { ...base.biz_content, memo: '中文备注：发券' } }),
      charset: 'gbk',
    };
    const signature = await gbk.sign(params);
    const bytes = iconv.encode(canonicalize(params), 'gbk');
    const key = createPublicKey(appPublicKeyPem);
    expect(
      verify(
        'sha256',
        bytes,
        { key, padding: constants.RSA_PKCS1_PADDING },
        Buffer.from(signature, 'base64'),
      ),
    ).toBe(true);
    expect(signature).not.toBe(await ours.sign(params)); // the UTF-8 signature, which the SDK would send
  });
});
