// The scanner finds the node's end from the gateway's usual layouts and lets JSON.parse confirm it;
// every other layout must give the same answers as a full walk of the body.
import { describe, expect, it } from 'vitest';
import { AlipayMalformedResponseError, AlipaySignatureVerificationError } from '../src/index.js';
import { gatewaySigner, METHOD, NODE, verifier } from './helpers/responses.js';

const SUCCESS =
  '{"code":"10000","msg":"Success","voucher_id":"2024060100000001","user_id":"2088102122524333"}';
/** A node whose strings and nested members look like the end of the node followed by `sign`. */
const DECOY =
  '{"code":"10000","memo":"},\\"sign\\":\\"x","inner":{"a":1},"sign":"not the top-level one","list":[{"b":"}}"}]}';
const NESTED = '{"code":"10000","detail":{"sign":{"x":"}"},"deep":[[[{"y":"]"}]]]}}';

const sign = (node: string) => gatewaySigner.signString(node);

describe('verifyResponse: where the node ends, in any layout', () => {
  it.each([
    [
      'node first, sign after (the gateway layout)',
      SUCCESS,
      (n: string, s: string) => `{"${NODE}":${n},"sign":"${s}"}`,
    ],
    ['node last', SUCCESS, (n: string, s: string) => `{"sign":"${s}","${NODE}":${n}}`],
    [
      'node first, another object member after it',
      SUCCESS,
      (n: string, s: string) => `{"${NODE}":${n},"other":{"a":[1,{"b":"}"}]},"sign":"${s}"}`,
    ],
    [
      'node in the middle',
      SUCCESS,
      (n: string, s: string) => `{"other":{"a":1},"${NODE}":${n},"sign":"${s}","more":{"c":"d"}}`,
    ],
    ['a node whose strings mimic its end', DECOY, (n: string, s: string) => `{"${NODE}":${n},"sign":"${s}"}`],
    [
      'a node with a nested "sign" member',
      NESTED,
      (n: string, s: string) => `{"${NODE}":${n},"sign":"${s}"}`,
    ],
    ['node last, nested', NESTED, (n: string, s: string) => `{"sign":"${s}","${NODE}":${n}}`],
    [
      'whitespace everywhere',
      SUCCESS,
      (n: string, s: string) => ` {\n "${NODE}" : ${n} ,\r\n\t"sign" : "${s}" \n} \n`,
    ],
  ])('%s', async (_, node, layout) => {
    const result = await verifier.verifyResponse(layout(node, await sign(node)), METHOD);
    expect(result).toMatchObject({ verified: true, nodeName: NODE, content: node });
    expect(result.node).toEqual(JSON.parse(node));
  });

  it('verifies a sign escaped with \\/ (JSON allows it) after the node', async () => {
    const s = await sign(SUCCESS);
    const body = `{"${NODE}":${SUCCESS},"sign":"${s.replaceAll('/', '\\/')}"}`;
    expect(await verifier.verifyResponse(body, METHOD)).toMatchObject({ verified: true, sign: s });
  });

  it.each([
    [
      'a duplicated node with sign after both',
      (s: string) => `{"${NODE}":${SUCCESS},"${NODE}":${SUCCESS},"sign":"${s}"}`,
      'duplicate-node',
    ],
    [
      'a node that is not JSON, in the gateway layout',
      (s: string) => `{"${NODE}":{"code":"10000",},"sign":"${s}"}`,
      'not-json',
    ],
    [
      'a node with mismatched brackets',
      (s: string) => `{"${NODE}":{"code":["10000"}},"sign":"${s}"}`,
      'not-json',
    ],
    ['text after the body', (s: string) => `{"${NODE}":${SUCCESS},"sign":"${s}"}}`, 'not-json'],
    ['an unterminated sign', (s: string) => `{"${NODE}":${SUCCESS},"sign":"${s}}`, 'not-json'],
    ['a sign that is not a string', () => `{"${NODE}":${SUCCESS},"sign":{"a":1}}`, 'unexpected-shape'],
  ])('rejects %s', async (_, layout, reason) => {
    const failure = verifier.verifyResponse(layout(await sign(SUCCESS)), METHOD);
    await expect(failure).rejects.toBeInstanceOf(AlipayMalformedResponseError);
    await expect(failure).rejects.toMatchObject({ reason });
  });

  it('checks the whole node when a nested member looks like its end followed by sign', async () => {
    // `},"sign":"` first appears inside the node: a signature over the text up to there must fail.
    const node = '{"code":"10000","a":{"b":1},"sign":"inner","c":2}';
    const body = `{"${NODE}":${node},"sign":"${await sign('{"code":"10000","a":{"b":1}')}"}`;
    const error = await verifier.verifyResponse(body, METHOD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipaySignatureVerificationError);
    expect(error).toMatchObject({ reason: 'bad-signature', content: node });
  });

  it('walks values nested deeper than the bracket bit stack, and checks their brackets', async () => {
    const deep = (n: number, inner = '1') => '[{"a":'.repeat(n) + inner + '}]'.repeat(n);
    const node = `{"code":"10000","deep":${deep(40)}}`;
    const s = await sign(node);
    for (const body of [
      `{"other":${deep(40)},"${NODE}":${node},"sign":"${s}"}`,
      `{"${NODE}":${node},"other":${deep(35, '"]}"')},"sign":"${s}"}`,
    ]) {
      expect(await verifier.verifyResponse(body, METHOD)).toMatchObject({ verified: true, content: node });
    }
    for (const depth of [40, 3]) {
      const mismatched = `{"other":${'['.repeat(depth)}${'}'.repeat(depth)},"${NODE}":${node},"sign":"${s}"}`;
      await expect(verifier.verifyResponse(mismatched, METHOD)).rejects.toMatchObject({ reason: 'not-json' });
    }
  });
});
