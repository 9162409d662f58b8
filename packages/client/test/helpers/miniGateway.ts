import { canonicalize, createSigner, createVerifier } from '@aopkit/signer';
import { RESPONSE_NODE } from '@aopkit/types';
import type { KeyPair } from './keys.js';

/** One request as the mini gateway saw it. */
export interface SeenRequest {
  readonly url: URL;
  readonly contentType: string | null;
  readonly rawBody: string;
  readonly query: Record<string, string>;
  readonly form: Record<string, string>;
  readonly params: Record<string, string>;
  readonly signatureValid: boolean;
}

/** What to answer: a node to sign, or a full Response. */
export type Reply = { node: Record<string, unknown>; unsigned?: boolean } | Response;

/**
 * A tiny stand-in gateway behind an injected `fetch`, for unit tests before and beside the full
 * fake: it checks the request signature with the app public key and signs its answer with a real
 * Alipay private key, so nothing is stubbed away.
 */
export function miniGateway(
  keys: { app: KeyPair; alipay: KeyPair },
  reply: (req: SeenRequest, n: number) => Reply,
) {
  const alipaySigner = createSigner({ privateKey: keys.alipay.privateKey });
  const appVerifier = createVerifier({ alipayPublicKey: keys.app.publicKey });
  const seen: SeenRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const rawBody = await request.text();
    const query = Object.fromEntries(url.searchParams);
    const form = Object.fromEntries(new URLSearchParams(rawBody));
    const params = { ...query, ...form };
    const signatureValid = await appVerifier.verify(
      canonicalize(params),
      params.sign ?? '',
      params.sign_type as 'RSA2',
    );
    const req: SeenRequest = {
      url,
      contentType: request.headers.get('content-type'),
      rawBody,
      query,
      form,
      params,
      signatureValid,
    };
    seen.push(req);
    const answer = reply(req, seen.length);
    if (answer instanceof Response) return answer;
    const content = JSON.stringify(answer.node);
    const sign = answer.unsigned ? undefined : await alipaySigner.signString(content);
    const body = `{"${RESPONSE_NODE}":${content}${sign === undefined ? '' : `,"sign":"${sign}"`}}`;
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json;charset=utf-8' } });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

/** A success node. */
export const success = (voucher_id = 'V0001', user_id = '2088000000000001') => ({
  node: { code: '10000', msg: 'Success', voucher_id, user_id },
});

/** A failure node. */
export const failure = (code: string, msg: string, sub_code?: string, sub_msg?: string) => ({
  node: { code, msg, ...(sub_code ? { sub_code } : {}), ...(sub_msg ? { sub_msg } : {}) },
});
