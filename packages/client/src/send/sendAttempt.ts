import { canonicalize, formatTimestamp } from '@aopkit/signer';
import { COMMON_PARAMS, METHOD } from '@aopkit/types';
import type { VoucherSendResult } from '../input/VoucherSendParams.js';
import type { ResolvedOptions } from '../options/readOptions.js';
import { readResponse } from '../response/readResponse.js';
import type { GatewayApi } from '../transport/createGatewayApi.js';
import { postGateway } from '../transport/postGateway.js';
import type { ValueEncoder } from '../transport/valueEncoder.js';

/** What every attempt of one send shares: fixed before the retry loop. */
export interface PreparedSend {
  readonly options: ResolvedOptions;
  readonly api: GatewayApi;
  readonly encodeValue: ValueEncoder;
  /** Serialised (and encrypted) once: byte-identical on every attempt. */
  readonly bizContent: string;
  /** The `user_id` the request names, if any: the answer must be for that user. */
  readonly userId?: string | undefined;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
}

const [FORMAT] = COMMON_PARAMS.format.sends;
const [VERSION] = COMMON_PARAMS.version.enum;

/**
 * One attempt: a fresh Beijing timestamp, one signature over the canonical string, one POST, and
 * the response verified before it is read, then checked to answer this request.
 */
export async function sendAttempt(send: PreparedSend): Promise<VoucherSendResult> {
  const { options } = send;
  // Absent parameters stay undefined: canonicalize, the query and the form all leave them out.
  const signed = {
    app_id: options.appId,
    method: METHOD,
    format: FORMAT,
    charset: options.charset,
    sign_type: options.signType,
    timestamp: formatTimestamp(),
    version: VERSION,
    app_cert_sn: options.appCertSn,
    alipay_root_cert_sn: options.alipayRootCertSn,
    encrypt_type: options.encryptKey === undefined ? undefined : ('AES' as const),
  };
  const form = { biz_content: send.bizContent, app_auth_token: options.appAuthToken };
  const signString = canonicalize({ ...signed, ...form });
  const sign = await options.signer.signString(signString);
  const rawBody = await postGateway(send.api, {
    query: { ...signed, sign },
    form,
    charset: options.charset,
    encodeValue: send.encodeValue,
    timeoutMs: send.timeoutMs,
    maxResponseBytes: options.maxResponseBytes,
    signal: send.signal,
    transport: options.transport,
  });
  return readResponse(rawBody, {
    verifier: options.verifier,
    clientSignString: signString,
    encryptKey: options.encryptKey,
    charset: options.charset,
    userId: send.userId,
    secrets: options.secrets,
  });
}
