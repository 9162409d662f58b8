import { createVerifier, loadCharsetDecoder } from '@aopkit/signer';
import { METHOD } from '@aopkit/types';
import { DROP, type FakeGateway } from '../../src/index.js';

type Charset = 'utf-8' | 'gbk' | 'gb2312';

/** A response node as the tests read it. */
export type Node = Record<string, string | undefined>;

export interface Answer {
  raw: string;
  verified: boolean;
  nodeName: string;
  node: Node;
  contentType: string | null;
}

/**
 * Decodes a response in `charset` as Java does (A2E3 is €, A892 ♁; GB2312's A1A4 ・) and verifies it with
 * the gateway's Alipay public key, as a client does.
 */
export async function readAnswer(
  response: Response | typeof DROP,
  gateway: Pick<FakeGateway, 'alipayPublicKey'>,
  options: { charset?: Charset; signType?: 'RSA2' | 'RSA' } = {},
): Promise<Answer> {
  if (response === DROP) throw new Error('the gateway dropped the connection');
  const charset = options.charset ?? 'utf-8';
  const bytes = Buffer.from(await response.arrayBuffer());
  const raw = charset === 'utf-8' ? bytes.toString('utf8') : (await loadCharsetDecoder(charset))(bytes);
  const verifier = createVerifier({
    alipayPublicKey: gateway.alipayPublicKey,
    charset,
    signType: options.signType ?? 'RSA2',
  });
  const result = await verifier.verifyResponse(raw, METHOD);
  return {
    raw,
    verified: result.verified,
    nodeName: result.nodeName,
    node: result.node as Node,
    contentType: response.headers.get('content-type'),
  };
}
