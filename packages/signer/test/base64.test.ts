import { describe, expect, it, vi } from 'vitest';
import { base64Decode, createReusingBase64Decoder } from '../src/encoding/base64.js';
import { AlipaySignatureVerificationError } from '../src/index.js';
import { appPublicKeyPem } from './helpers/fixtures.js';
import { gatewaySigner, METHOD, NODE, verifier } from './helpers/responses.js';

const BYTES = Uint8Array.from({ length: 256 }, (_, i) => (i * 37 + 11) & 0xff);
const TEXT = Buffer.from(BYTES).toString('base64');
const hex = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('hex') : undefined);

describe('base64Decode: standard, padded base64 only', () => {
  it.each([
    ['a character above U+00FF whose low byte is "A" (Ł, U+0141)', `Ł${TEXT.slice(1)}`],
    ['a character above U+00FF whose low byte is "+" (ī, U+012B)', `${TEXT.slice(0, 8)}ī${TEXT.slice(9)}`],
    ['a Latin-1 character', `é${TEXT.slice(1)}`],
    ['the URL-safe alphabet', `${TEXT.slice(0, 8)}-${TEXT.slice(9)}`],
    ['a space', `${TEXT.slice(0, 8)} ${TEXT.slice(9)}`],
    ['padding in the middle', `${TEXT.slice(0, 8)}=${TEXT.slice(9)}`],
    ['a missing padding character', TEXT.slice(0, -1)],
  ])('refuses %s', (_, text) => {
    expect(base64Decode(text)).toBeUndefined();
    expect(base64Decode(text, true)).toBeUndefined();
    expect(createReusingBase64Decoder()(text)).toBeUndefined();
  });

  it("shows why: Node's own decoder reads only the low byte of each character", () => {
    expect(Buffer.from('ŁBCD', 'base64').equals(Buffer.from('ABCD', 'base64'))).toBe(true);
    expect(base64Decode('ABCD')).toBeDefined();
    expect(base64Decode('ŁBCD')).toBeUndefined();
  });

  it('decodes the padded forms, and refuses set trailing bits when canonical', () => {
    for (const length of [0, 1, 2, 3, 4, 255, 256]) {
      const text = Buffer.from(BYTES.subarray(0, length)).toString('base64');
      expect(hex(base64Decode(text, true))).toBe(hex(BYTES.subarray(0, length)));
    }
    expect(base64Decode('QR==')).toBeDefined();
    expect(base64Decode('QR==', true)).toBeUndefined();
    expect(base64Decode('QUI=', true)).toBeDefined();
    expect(base64Decode('QUJ=', true)).toBeUndefined();
  });
});

describe('createReusingBase64Decoder', () => {
  it('gives what base64Decode(text, true) gives, in one buffer reused from call to call', () => {
    const decode = createReusingBase64Decoder();
    const first = decode(TEXT);
    expect(hex(first)).toBe(hex(BYTES));
    const other = Buffer.from(BYTES.map((b) => b ^ 0xff)).toString('base64');
    const second = decode(other);
    expect(hex(second)).toBe(hex(base64Decode(other, true)));
    expect(second!.buffer).toBe(first!.buffer);
    expect(hex(first)).toBe(hex(second)); // the first result was overwritten: valid until the next call only
  });

  it('decodes inputs larger than its buffer afresh', () => {
    const decode = createReusingBase64Decoder(16);
    const small = decode(Buffer.from(BYTES.subarray(0, 12)).toString('base64'));
    const large = decode(TEXT);
    expect(hex(large)).toBe(hex(BYTES));
    expect(large!.buffer).not.toBe(small!.buffer);
  });
});

describe('verifyResponse: signature text', () => {
  it('rejects a signature with a character above U+00FF that a lenient decoder reads as its low byte', async () => {
    const node = '{"code":"10000","msg":"Success"}';
    const sign = await gatewaySigner.signString(node);
    const at = [...sign].findIndex((c) => c === 'A' || c === 'B');
    expect(at).toBeGreaterThanOrEqual(0);
    // U+0141 and U+0142 have the low bytes of "A" and "B".
    const tampered = `${sign.slice(0, at)}${sign[at] === 'A' ? 'Ł' : 'ł'}${sign.slice(at + 1)}`;
    expect(Buffer.from(tampered, 'base64').equals(Buffer.from(sign, 'base64'))).toBe(true);
    const failure = verifier.verifyResponse(`{"${NODE}":${node},"sign":"${tampered}"}`, METHOD);
    await expect(failure).rejects.toBeInstanceOf(AlipaySignatureVerificationError);
    await expect(failure).rejects.toMatchObject({ reason: 'bad-signature', signature: tampered });
  });

  it('keeps its own copy of the signature while the charset is still loading', async () => {
    vi.resetModules(); // a fresh module graph: iconv-lite not loaded yet, so GBK encoding is asynchronous
    const fresh = await import('../src/index.js');
    const gbk = fresh.createVerifier({ alipayPublicKey: appPublicKeyPem, charset: 'gbk' });
    const content = 'a=1&b=two';
    const good = await gatewaySigner.signString(content);
    const bad = await gatewaySigner.signString('other');
    // The second check decodes its signature while the first one still waits for iconv-lite.
    expect(await Promise.all([gbk.verify(content, good), gbk.verify(content, bad)])).toEqual([true, false]);
  });
});
