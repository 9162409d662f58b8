import { aesEncrypt, type SignType } from '@aopkit/signer';
import type { ERROR_RESPONSE_NODE, RESPONSE_NODE } from '@aopkit/types';
import type { Verdict } from '../FakeGatewayCore.js';
import { encodeText, type WireCharset } from '../request/charset.js';
import type { ResponseSigners } from './createResponseSigners.js';

/** What the pipeline decided to answer, before it is serialised and signed. */
export interface Answer {
  verdict: Verdict;
  node: typeof RESPONSE_NODE | typeof ERROR_RESPONSE_NODE;
  signed: boolean;
  signType: SignType;
  charset: WireCharset;
  fields?: { voucher_id: string; user_id: string };
  /** Certificate mode: the SN of the certificate whose key signed, sent beside `sign`. */
  alipayCertSn?: string;
  /** AES content encryption: the app's key; the node is then sent as its encrypted JSON text. */
  encryptKey?: string;
}

/** A serialised answer, ready for any transport. */
export interface Rendered {
  status: number;
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
}

/**
 * Serialises the node once and signs exactly that text (PROTOCOL §5), in the request's charset and
 * sign_type, then puts `sign` after the node as the real gateway does. Nothing is re-serialised
 * after signing, so the signed bytes are the bytes sent. With AES the node is a JSON string, the
 * base64 ciphertext of the node's JSON text, and the signature covers that token quotes included
 * (PROTOCOL §5: Java verifies the token, then decrypts).
 */
export async function renderResponse(
  answer: Answer,
  signers: ResponseSigners,
): Promise<Rendered & { text: string }> {
  const plainText = JSON.stringify({ ...answer.verdict, ...answer.fields });
  const nodeText = answer.encryptKey
    ? JSON.stringify(await aesEncrypt(plainText, answer.encryptKey, { charset: answer.charset }))
    : plainText;
  let text = `{"${answer.node}":${nodeText}}`;
  if (answer.signed) {
    const sign = await signers(answer.signType, answer.charset).signString(nodeText);
    const certSn = answer.alipayCertSn ? `,"alipay_cert_sn":"${answer.alipayCertSn}"` : '';
    text = `{"${answer.node}":${nodeText},"sign":"${sign}"${certSn}}`;
  }
  return {
    // HTTP 200 and text/html with a JSON body, whatever the verdict: so a public probe log of the
    // real gateway (2026-09-11) shows its answers. Its probes were UTF-8 and read `charset=utf-8`;
    // here the charset names the bytes actually sent and signed (the request's charset), so a client
    // that honours the header decodes a GBK answer right instead of reading GBK bytes as UTF-8.
    status: 200,
    contentType: `text/html;charset=${answer.charset}`,
    body: await encodeText(text, answer.charset),
    text,
  };
}
