import { certSerialNumber, createVerifier } from '@aopkit/signer';
import { DEMO_ALIPAY_KEYS, DEMO_ALIPAY_PUBLIC_CERT } from '@aopkit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NODE, readSpecText, signedSpecText } from '../src/signedExamples.js';

// Every example answer of the spec is real: its signature verifies with the published demo Alipay public
// key (the fake's), through @aopkit/signer's verifier, and a fresh signing reproduces the file exactly.
let text: string;
let examples: Record<string, { value: string }>;
beforeAll(async () => {
  text = await readSpecText();
  examples = parse(text).components.examples;
});

const verifier = () => createVerifier({ alipayPublicKey: DEMO_ALIPAY_KEYS.publicKey });
const certVerifier = () => createVerifier({ alipayPublicCert: DEMO_ALIPAY_PUBLIC_CERT });

describe('the example answers of the spec', () => {
  it('are all there, signed unless the gateway sends them unsigned', () => {
    const signed = Object.entries(examples)
      .filter(([, example]) => 'sign' in JSON.parse(example.value))
      .map(([name]) => name);
    expect(signed).toEqual([
      'success',
      'certificateMode',
      'encrypted',
      'serviceUnavailable',
      'templateNotExist',
      'invalidSignature',
    ]);
    expect(Object.keys(examples)).toEqual([...signed, 'invalidAppId', 'missingAppId']);
  });

  it("each verifies with the demo Alipay public key, over the node's raw text", async () => {
    for (const [name, { value }] of Object.entries(examples)) {
      const verified = await verifier().verifyResponse(value, 'alipay.marketing.voucher.send');
      const body = JSON.parse(value) as Record<string, unknown>;
      expect(verified.verified, name).toBe('sign' in body);
      expect(verified.nodeName, name).toBe(NODE);
      if (verified.verified) expect(verified.sign, name).toMatch(/^[A-Za-z0-9+/]{342}==$/);
    }
  });

  it('the certificate-mode one names the demo Alipay certificate and verifies with it', async () => {
    const { value } = examples.certificateMode!;
    expect(JSON.parse(value).alipay_cert_sn).toBe(certSerialNumber(DEMO_ALIPAY_PUBLIC_CERT));
    const verified = await certVerifier().verifyResponse(value, 'alipay.marketing.voucher.send');
    expect(verified).toMatchObject({
      verified: true,
      alipayCertSn: certSerialNumber(DEMO_ALIPAY_PUBLIC_CERT),
    });
  });

  it('are exactly what a fresh signing writes (the drift check)', async () => {
    expect(await signedSpecText(text)).toBe(text);
  });
});

describe('the checks fail on a wrong example', () => {
  // A changed voucher_id under an unchanged signature: what a hand-edited example would be.
  const tampered = () =>
    text.replace(
      '"voucher_id":"20160906000730020020002U8CBS"',
      '"voucher_id":"20160906000730020020002U8CBT"',
    );

  it('the verifier refuses the tampered answer', async () => {
    const value = parse(tampered()).components.examples.success.value as string;
    await expect(verifier().verifyResponse(value, 'alipay.marketing.voucher.send')).rejects.toThrow(/sign/i);
  });

  it('the drift check sees it, and a fresh signing repairs it', async () => {
    const wrong = tampered();
    expect(wrong).not.toBe(text);
    const repaired = await signedSpecText(wrong);
    expect(repaired).not.toBe(wrong);
    const value = parse(repaired).components.examples.success.value as string;
    expect((await verifier().verifyResponse(value, 'alipay.marketing.voucher.send')).verified).toBe(true);
  });
});
