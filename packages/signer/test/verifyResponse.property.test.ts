// Any single-character change to a signed body's node, or to its signature, must be rejected.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SignerError } from '../src/index.js';
import { nastyString } from './helpers/arbitraries.js';
import { METHOD, NODE, signedBody, verifier } from './helpers/responses.js';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';

/** A success node with generated content, serialised with a choice of escapes. */
const rawNode = fc
  .record({ voucher_id: fc.stringMatching(/^\d{1,28}$/), memo: nastyString(40), note: nastyString(20) })
  .chain((fields) =>
    fc.boolean().map((asciiOnly) => {
      const json = JSON.stringify({ code: '10000', msg: 'Success', ...fields });
      // Also exercise \uXXXX and \/ escapes, as Java gateways send them.
      return asciiOnly
        ? json
            .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
            .replaceAll('/', '\\/')
        : json;
    }),
  );

/** Replaces the character at `index` with `by`, which must differ. */
const replaceAt = (text: string, index: number, by: string) =>
  `${text.slice(0, index)}${by}${text.slice(index + 1)}`;

async function expectRejected(body: string): Promise<void> {
  const error = await verifier.verifyResponse(body, METHOD).then(
    (result) => result,
    (e: unknown) => e,
  );
  // Rejected means thrown: as a bad signature, or as malformed. Never `verified: true`.
  expect(error).toBeInstanceOf(SignerError);
}

describe('verifyResponse property: tampering is always detected', () => {
  it('rejects any single-character change inside the node', async () => {
    await fc.assert(
      fc.asyncProperty(rawNode, fc.nat(), fc.constantFrom(...'a0"\\{}[],: 中/u'), async (node, at, by) => {
        const body = await signedBody(node);
        expect((await verifier.verifyResponse(body, METHOD)).verified).toBe(true);
        const start = body.indexOf(node, NODE.length);
        const index = start + (at % node.length);
        fc.pre(body.charAt(index) !== by);
        await expectRejected(replaceAt(body, index, by));
      }),
      { seed: 4242, numRuns: 250 },
    );
  });

  it('rejects any single-character change to the signature', async () => {
    const node = '{"code":"10000","msg":"Success","voucher_id":"1"}';
    const body = await signedBody(node);
    const sign = (JSON.parse(body) as { sign: string }).sign;
    const signStart = body.indexOf(sign);
    await fc.assert(
      fc.asyncProperty(fc.nat(sign.length - 1), fc.constantFrom(...BASE64), async (at, by) => {
        fc.pre(sign.charAt(at) !== by);
        await expectRejected(replaceAt(body, signStart + at, by));
      }),
      { seed: 4243, numRuns: 500 },
    );
  });
});
