import { createSigner, formatTimestamp } from '@aopkit/signer';
import { GATEWAYS, METHOD } from '@aopkit/types';
import { encodeForm } from './encodeForm.js';

type Charset = 'utf-8' | 'gbk' | 'gb2312';

/** Where the parameters travel: Java (common ones in the query), Node SDK, all in body, all in query. */
export type Placement = 'java' | 'node' | 'body' | 'query';

export interface BuildOptions {
  app: { appId: string; privateKey: string };
  /** An object is sent as its JSON text; a string as is. */
  biz?: Record<string, unknown> | string;
  charset?: Charset;
  signType?: 'RSA2' | 'RSA';
  /** Applied before signing; undefined removes the parameter. */
  params?: Record<string, string | undefined>;
  /** Applied after signing (so the signature no longer matches, or sign is removed). */
  tamper?: Record<string, string | undefined>;
  placement?: Placement;
  url?: string;
  at?: Date;
  /** Sign with this key instead of the app's. */
  signWith?: string;
}

function apply(target: Record<string, string>, changes: Record<string, string | undefined> = {}): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete target[key];
    else target[key] = value;
  }
}

const IN_BODY: Record<Placement, (key: string) => boolean> = {
  java: (key) => key === 'biz_content' || key === 'app_auth_token',
  node: (key) => key === 'biz_content',
  body: () => true,
  query: () => false,
};

/** Signed gateway parameters, built and signed the way a client does (canonicalize + sign). */
export async function signedParams(options: BuildOptions): Promise<Record<string, string>> {
  const charset = options.charset ?? 'utf-8';
  const signType = options.signType ?? 'RSA2';
  const biz = options.biz ?? {};
  const params: Record<string, string> = {
    app_id: options.app.appId,
    method: METHOD,
    format: 'JSON',
    charset,
    sign_type: signType,
    timestamp: formatTimestamp(options.at),
    version: '1.0',
    biz_content: typeof biz === 'string' ? biz : JSON.stringify(biz),
  };
  apply(params, options.params);
  const signer = createSigner({ privateKey: options.signWith ?? options.app.privateKey, signType, charset });
  params.sign = await signer.sign(params);
  apply(params, options.tamper);
  return params;
}

/** A gateway Request carrying `params`, split between query and body per `placement`. */
export function requestFromParams(
  params: Record<string, string>,
  options: { charset?: Charset; placement?: Placement; url?: string; contentType?: string | null } = {},
): Request {
  const charset = options.charset ?? 'utf-8';
  const inBody = IN_BODY[options.placement ?? 'java'];
  const query: Record<string, string> = {};
  const body: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) (inBody(key) ? body : query)[key] = value;
  const qs = encodeForm(query, charset);
  const url = options.url ?? GATEWAYS.production;
  const contentType =
    options.contentType === undefined
      ? `application/x-www-form-urlencoded;charset=${charset}`
      : options.contentType;
  return new Request(qs ? `${url}?${qs}` : url, {
    method: 'POST',
    headers: contentType === null ? {} : { 'content-type': contentType },
    body: encodeForm(body, charset),
  });
}

/** A gateway Request, signed and sent as a client would. */
export async function buildRequest(options: BuildOptions): Promise<Request> {
  return requestFromParams(await signedParams(options), options);
}
