import { createSigner, createVerifier } from '../../src/index.js';
import { appPrivateKeyPkcs1Pem, appPublicKeyPem } from './fixtures.js';

export const METHOD = 'alipay.marketing.voucher.send';
export const NODE = 'alipay_marketing_voucher_send_response';

/** The fixture app key plays "Alipay" here: responses are signed with it and checked with its public key. */
export const gatewaySigner = createSigner({ privateKey: appPrivateKeyPkcs1Pem });
export const verifier = createVerifier({ alipayPublicKey: appPublicKeyPem });

interface BodyOptions {
  nodeName?: string;
  signFirst?: boolean;
  /** Sign this text instead of the raw node (e.g. the node with `\/` unescaped). */
  signedText?: string;
  unsigned?: boolean;
  extra?: string;
  signer?: typeof gatewaySigner;
}

/** A raw response body around `rawNode`, signed over exactly that raw text. */
export async function signedBody(rawNode: string, options: BodyOptions = {}): Promise<string> {
  const name = options.nodeName ?? NODE;
  const nodeMember = `"${name}":${rawNode}`;
  if (options.unsigned) return `{${nodeMember}${options.extra ?? ''}}`;
  const sign = await (options.signer ?? gatewaySigner).signString(options.signedText ?? rawNode);
  const signMember = `"sign":"${sign}"${options.extra ?? ''}`;
  return options.signFirst ? `{${signMember},${nodeMember}}` : `{${nodeMember},${signMember}}`;
}
