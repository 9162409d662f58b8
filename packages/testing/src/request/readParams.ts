import { decoderFor, type WireCharset, wireCharsetOf } from './charset.js';
import { latin1Bytes, type RawPair, splitForm } from './splitForm.js';

/** A request as the pipeline needs it, whatever the transport. */
export interface RawRequest {
  url: string;
  contentType: string | null;
  body: Uint8Array;
}

/** The request's parameters, query and form body merged. */
export interface RequestParams {
  params: Record<string, string>;
  placement: Record<string, 'query' | 'body'>;
  /** The charset the values were decoded with. */
  charset: WireCharset;
}

const latin1 = new TextDecoder('latin1');
const CHARSET_IN_TYPE = /charset\s*=\s*"?([^";\s]+)/i;

function findCharset(pairs: RawPair[]): string | undefined {
  for (const { key, value } of pairs) if (latin1.decode(key) === 'charset') return latin1.decode(value);
  return undefined;
}

function isForm(contentType: string | null): boolean {
  // No content type is read as a form too: curl and some SDKs omit it.
  return contentType === null || contentType.toLowerCase().includes('application/x-www-form-urlencoded');
}

/**
 * Reads parameters from the query and the form body (Java SDK: common ones in the query; Node SDK:
 * app_auth_token there too). The declared charset (query, then body, then Content-Type) decodes every
 * value from its percent-decoded bytes. On a duplicate the query wins, as servlet getParameter does.
 */
export async function readParams(request: RawRequest): Promise<RequestParams> {
  const q = request.url.indexOf('?');
  const hash = request.url.indexOf('#', q);
  const query =
    q === -1 ? [] : splitForm(latin1Bytes(request.url.slice(q + 1, hash === -1 ? undefined : hash)));
  const body = isForm(request.contentType) ? splitForm(request.body) : [];
  const declared =
    findCharset(query) ??
    findCharset(body) ??
    CHARSET_IN_TYPE.exec(request.contentType ?? '')?.[1] ??
    undefined;
  const charset = wireCharsetOf(declared);
  const decode = await decoderFor(charset);
  // No prototype: a parameter named __proto__ or constructor is just a parameter.
  const params: Record<string, string> = Object.create(null);
  const placement: Record<string, 'query' | 'body'> = Object.create(null);
  for (const [where, pairs] of [
    ['query', query],
    ['body', body],
  ] as const) {
    for (const pair of pairs) {
      const key = decode(pair.key);
      if (Object.hasOwn(placement, key)) continue;
      params[key] = decode(pair.value);
      placement[key] = where;
    }
  }
  return { params, placement, charset };
}
