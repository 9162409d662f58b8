import { describe, expect, it } from 'vitest';
import {
  AlipayMalformedResponseError,
  AlipaySignatureVerificationError,
  aesDecrypt,
  aesEncrypt,
  createSigner,
} from '../src/index.js';
import { makeCertificate } from './helpers/makeCertificate.js';
import { gatewaySigner, METHOD, NODE, signedBody, verifier } from './helpers/responses.js';

const SUCCESS =
  '{"code":"10000","msg":"Success","voucher_id":"2024060100000001","user_id":"2088102122524333"}';
const FAILURE =
  '{"code":"40004","msg":"Business Failed","sub_code":"TEMPLATE_NOT_EXIST","sub_msg":"模板不存在"}';

const rejects = async (body: string, error: new (...args: never[]) => Error, reason: string) => {
  const failure = verifier.verifyResponse(body, METHOD);
  await expect(failure).rejects.toBeInstanceOf(error);
  await expect(failure).rejects.toMatchObject({ reason });
};

describe('verifyResponse: signed responses', () => {
  it.each([
    ['sign after the node', false],
    ['sign before the node (the seed examples put it first)', true],
  ])('verifies with %s', async (_, signFirst) => {
    const result = await verifier.verifyResponse(await signedBody(SUCCESS, { signFirst }), METHOD);
    expect(result).toMatchObject({ verified: true, nodeName: NODE, content: SUCCESS });
    expect(result.node).toEqual(JSON.parse(SUCCESS));
  });

  it('verifies a signed error_response', async () => {
    const node =
      '{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-signature","sub_msg":"验签出错"}';
    const result = await verifier.verifyResponse(
      await signedBody(node, { nodeName: 'error_response' }),
      METHOD,
    );
    expect(result).toMatchObject({ verified: true, nodeName: 'error_response', content: node });
  });

  it('verifies a signed business failure in the method node', async () => {
    expect(await verifier.verifyResponse(await signedBody(FAILURE), METHOD)).toMatchObject({
      verified: true,
    });
  });

  it('cuts the node exactly through strings holding } { " \\\\ escapes, \\u4e2d and pretty-printing', async () => {
    const node =
      '{ "code" : "10000", "msg":"Success",\n  "memo":"a}b{c\\"d\\\\\\"}e\\u4e2d\\/f", "list":[{"x":"]"}], "n":1.50e2 }';
    const body = `{\n  ${JSON.stringify(NODE)} :  ${node} ,\n  "sign" : "${await gatewaySigner.signString(node)}"\n}\n`;
    const result = await verifier.verifyResponse(body, METHOD);
    expect(result.content).toBe(node); // the raw bytes, \u4e2d and \/ untouched
    expect(result.node).toMatchObject({ memo: 'a}b{c"d\\"}e中/f' });
  });

  it("retries with \\/ unescaped when the gateway signed the text before escaping slashes (Java's retry)", async () => {
    const raw = '{"code":"10000","msg":"Success","url":"https:\\/\\/example.com\\/v"}';
    const body = await signedBody(raw, { signedText: raw.replaceAll('\\/', '/') });
    expect(await verifier.verifyResponse(body, METHOD)).toMatchObject({ verified: true, content: raw });
  });

  it('picks the method node when error_response is present too', async () => {
    const body = await signedBody(SUCCESS, { extra: ',"error_response":{"code":"40002"}' });
    expect(await verifier.verifyResponse(body, METHOD)).toMatchObject({ verified: true, nodeName: NODE });
  });

  it('verifies an AES node over its string token including the quotes, then decrypts', async () => {
    const aesKey = 'aYA0GP8JEW+D7/UFaskCWA==';
    const ciphertext = await aesEncrypt(SUCCESS, aesKey);
    const token = JSON.stringify(ciphertext);
    const result = await verifier.verifyResponse(await signedBody(token), METHOD);
    expect(result).toMatchObject({ verified: true, content: token, node: ciphertext });
    expect(JSON.parse(await aesDecrypt(result.node as string, aesKey))).toEqual(JSON.parse(SUCCESS));
  });
});

describe('verifyResponse: unsigned responses', () => {
  it.each([
    [
      'error_response',
      'error_response',
      '{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id"}',
    ],
    ['business failure in the method node', NODE, FAILURE],
  ])('reports an unsigned %s as unverified, not thrown', async (_, nodeName, node) => {
    const result = await verifier.verifyResponse(
      await signedBody(node, { nodeName, unsigned: true }),
      METHOD,
    );
    expect(result).toMatchObject({ verified: false, nodeName, content: node });
    expect(result.sign).toBeUndefined();
  });

  it('treats an empty sign as no sign', async () => {
    const body = `{"error_response":${FAILURE},"sign":""}`;
    expect(await verifier.verifyResponse(body, METHOD)).toMatchObject({ verified: false });
  });

  it('rejects an unsigned success (the Node SDK crashes or accepts it)', async () => {
    await rejects(
      await signedBody(SUCCESS, { unsigned: true }),
      AlipaySignatureVerificationError,
      'missing-signature',
    );
  });

  it.each([
    ['a numeric code 10000 (a success in disguise)', '{"code":10000,"msg":"Success","voucher_id":"1"}'],
    ['no code at all', '{"msg":"Success","voucher_id":"1"}'],
  ])('rejects an unsigned node with %s: only string error codes are reported unsigned', async (_, node) => {
    await rejects(
      await signedBody(node, { unsigned: true }),
      AlipaySignatureVerificationError,
      'missing-signature',
    );
  });

  it('rejects an unsigned AES node: ciphertext is never an error report', async () => {
    await rejects(
      await signedBody('"TI5fGWVveeuELxAfOcy45g=="', { unsigned: true }),
      AlipaySignatureVerificationError,
      'missing-signature',
    );
  });
});

describe('verifyResponse: bad signatures', () => {
  it('rejects a signature over other content, carrying the content and signature checked', async () => {
    const sign = await gatewaySigner.signString(FAILURE);
    const body = `{"${NODE}":${SUCCESS},"sign":"${sign}"}`;
    const error = await verifier.verifyResponse(body, METHOD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipaySignatureVerificationError);
    expect(error).toMatchObject({ reason: 'bad-signature', content: SUCCESS, signature: sign });
  });

  it('rejects a signature made with another key', async () => {
    const other = createSigner({ privateKey: makeCertificate([['CN', 'x']], 1n).privateKeyPem });
    await rejects(
      await signedBody(SUCCESS, { signer: other }),
      AlipaySignatureVerificationError,
      'bad-signature',
    );
  });

  it('rejects non-canonical base64 (unused trailing bits set) even though lenient decoders accept it', async () => {
    const sign = await gatewaySigner.signString(SUCCESS);
    expect(sign.endsWith('==')).toBe(true);
    const last = sign.charAt(sign.length - 3);
    const twin = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.indexOf(last) ^ 1;
    const tampered = `${sign.slice(0, -3)}${'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charAt(twin)}==`;
    expect(Buffer.from(tampered, 'base64').equals(Buffer.from(sign, 'base64'))).toBe(true);
    await rejects(
      `{"${NODE}":${SUCCESS},"sign":"${tampered}"}`,
      AlipaySignatureVerificationError,
      'bad-signature',
    );
  });
});

describe('verifyResponse: malformed bodies', () => {
  it.each([
    ['not JSON', 'Service Unavailable', 'not-json'],
    ['truncated JSON', `{"${NODE}":{"code":"10000"`, 'not-json'],
    ['a JSON array', '[]', 'not-json'],
    ['trailing garbage', `{"${NODE}":{"code":"10000"}}x`, 'not-json'],
    ['invalid JSON inside the node', `{"${NODE}":{"code":10000,}}`, 'not-json'],
    ['node missing', '{"other_response":{"code":"10000"},"sign":"AAAA"}', 'node-missing'],
    ['node twice', `{"${NODE}":{"code":"40004"},"${NODE}":{"code":"10000"},"sign":"AAAA"}`, 'duplicate-node'],
    [
      'node twice, the second spelled with an escape',
      `{"${NODE}":{"code":"40004"},"alipay_marketing_voucher_send_respons\\u0065":{"code":"10000"}}`,
      'duplicate-node',
    ],
    ['sign twice', `{"${NODE}":{"code":"10000"},"sign":"AAAA","sign":"BBBB"}`, 'duplicate-node'],
    ['a node that is an array', `{"${NODE}":[1]}`, 'unexpected-shape'],
    ['a node that is null', `{"${NODE}":null}`, 'unexpected-shape'],
    ['a sign that is not a string', `{"${NODE}":{"code":"10000"},"sign":5}`, 'unexpected-shape'],
    ['a bad escape in sign', `{"${NODE}":{"code":"10000"},"sign":"AA\\xAA"}`, 'not-json'],
    [
      'a bad escape in alipay_cert_sn',
      `{"${NODE}":{"code":"10000"},"alipay_cert_sn":"\\q","sign":"AAAA"}`,
      'not-json',
    ],
  ])('rejects %s', async (_, body, reason) => {
    await rejects(body, AlipayMalformedResponseError, reason);
  });
});
