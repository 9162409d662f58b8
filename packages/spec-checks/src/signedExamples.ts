import { createSign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { aesEncrypt, certSerialNumber } from '@aopkit/signer';
import { DEMO_ALIPAY_KEYS, DEMO_ALIPAY_PUBLIC_CERT } from '@aopkit/testing';
import { RESPONSE_NODE } from '@aopkit/types';
import { isMap, isScalar, parseDocument } from 'yaml';

export const SPEC_PATH = fileURLToPath(
  new URL('../../../spec/alipay.marketing.voucher.send.yaml', import.meta.url),
);
/** The operation's response node, as the spec (through @aopkit/types) names it. */
export const NODE = RESPONSE_NODE;
/** The demo AES key the encrypted example names in its summary (published, never a real one). */
export const DEMO_AES_KEY = 'aa4BtZ4tspm2wnXLb1ThQA==';

/** SHA256withRSA with the published demo Alipay private key, standard base64: what the fake signs with. */
function demoSign(content: string): string {
  return createSign('RSA-SHA256').update(content, 'utf8').sign(DEMO_ALIPAY_KEYS.privateKey, 'base64');
}

type Body = Record<string, unknown>;

/** An example's value: the raw JSON text of an answer, as the gateway serves it. */
function bodyOf(doc: ReturnType<typeof parseDocument>, name: string): Body {
  const value = doc.getIn(['components', 'examples', name, 'value']);
  if (typeof value !== 'string') throw new Error(`spec: example ${name} must be the answer's JSON text`);
  return JSON.parse(value) as Body;
}

/**
 * The spec's text with every signed example answer (components/examples) made real: the encrypted node
 * is the AES ciphertext of the success node's text, `sign` the demo Alipay key's signature over the node's
 * raw text (the encrypted node with its quotes), `alipay_cert_sn` the SN of the demo Alipay public-key
 * certificate. Examples without `sign` stay unsigned, as the gateway sends them. Each value replaces its
 * scalar's source text in place, so the rest of the file, comments and folding included, stays as written.
 */
export async function signedSpecText(text: string): Promise<string> {
  const doc = parseDocument(text);
  const examples = doc.getIn(['components', 'examples']);
  if (!isMap(examples)) throw new Error('spec: components/examples is missing');
  const successText = JSON.stringify(bodyOf(doc, 'success')[NODE]);
  const ciphertext = await aesEncrypt(successText, DEMO_AES_KEY);
  const edits: { range: [number, number]; text: string }[] = [];
  for (const pair of examples.items) {
    const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const body = bodyOf(doc, name);
    if (!('sign' in body)) continue;
    if (typeof body[NODE] === 'string') body[NODE] = ciphertext;
    if ('alipay_cert_sn' in body) body.alipay_cert_sn = certSerialNumber(DEMO_ALIPAY_PUBLIC_CERT);
    body.sign = demoSign(JSON.stringify(body[NODE]));
    const scalar = doc.getIn(['components', 'examples', name, 'value'], true);
    if (!isScalar(scalar) || !scalar.range) throw new Error(`spec: example ${name} has no scalar value`);
    const quoted = `'${JSON.stringify(body).replaceAll("'", "''")}'`;
    edits.push({ range: [scalar.range[0], scalar.range[1]], text: quoted });
  }
  let out = text;
  for (const { range, text: value } of edits.sort((x, y) => y.range[0] - x.range[0])) {
    out = out.slice(0, range[0]) + value + out.slice(range[1]);
  }
  return out;
}

export async function readSpecText(path = SPEC_PATH): Promise<string> {
  return readFile(path, 'utf8');
}
