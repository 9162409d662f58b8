import type { COMMON_PARAMS, ERROR_RESPONSE_NODE, RESPONSE_NODE, ResultCode, SubCode } from '@aopkit/types';
import type { DROP } from './DROP.js';
import type { TemplateType } from './state/templateTypes.js';

/** Request signature algorithm an app is configured for: the spec's `sign_type` values. */
export type AppSignType = (typeof COMMON_PARAMS.sign_type.enum)[number];

/** A random fault the fake can inject into an authenticated request. */
export type FaultKind =
  | 'unknown-error' // 20000 isp.unknow-error, nothing issued
  | 'system-error' // 40004 SYSTEM_ERROR, nothing issued
  | 'latency' // the response comes late, otherwise normal
  | 'drop-before' // connection dropped before processing, nothing issued
  | 'drop-after-issue'; // voucher issued, then the connection dropped

/** An app known to the gateway: requests with its app_id must verify with its public key. */
export interface FakeApp {
  appId: string;
  /** App public key, SPKI (or PKCS#1), PEM or bare base64. Give this or appCert. */
  publicKey?: string;
  /** Certificate mode: the app's public-key certificate (PEM); requests must then send its app_cert_sn. */
  appCert?: string;
  /** Only so the CLI can print it; the gateway never uses it. */
  privateKey?: string;
  /** The one sign_type the app accepts; default RSA2. */
  signType?: AppSignType;
  /**
   * AES content encryption (PROTOCOL §10): the app's AES-128 key as the console shows it, base64 of
   * 16 bytes (24 characters ending in `==`). With it, requests may send `encrypt_type=AES` and an
   * encrypted `biz_content`, and their business answers come back encrypted. Checked when the app
   * is added: a malformed key throws an error naming `encryptKey` (never the key itself).
   */
  encryptKey?: string;
}

/** A voucher template; `red_packet` templates take (and require) `amount`. */
export interface FakeTemplate {
  template_id: string;
  /** `voucher` (the default) or `red_packet`; any other value is refused when the template is added. */
  type?: TemplateType;
  expired?: boolean;
}

/** An Alipay user, reachable by user_id, login_id or taobao_nick. */
export interface FakeUser {
  user_id: string;
  login_id?: string;
  taobao_nick?: string;
  frozen?: boolean;
}

/** Initial state: the same shape as the CLI's `--fixtures` JSON file. */
export interface FakeGatewayFixtures {
  apps?: readonly FakeApp[];
  templates?: readonly FakeTemplate[];
  users?: readonly FakeUser[];
}

/**
 * Seeded random faults: `rate` = probability (0..1) per authenticated request, `kinds` = relative
 * weights (≥ 0; every kind weighs 1 when absent). Checked at creation: an unknown key or kind, a rate
 * out of range, a negative weight throw FakeGatewayError (`ERR_FAKE_CONFIG`) naming the field.
 */
export interface FaultOptions {
  rate: number;
  kinds?: Partial<Record<FaultKind, number>>;
  /** Delay of a `latency` fault, 0 to 600000; default 100 ms. */
  latencyMs?: number;
}

/**
 * Options of createFakeGateway (and createGatewayCore). Unknown options are refused; every option is
 * read from the object's own properties only, and `undefined` counts as absent.
 */
export interface FakeGatewayOptions {
  /** Drives fault injection and generated ids (voucher ids, app ids), reproducibly. Default 1. */
  seed?: number;
  /** Extra gateway base URLs besides production and sandbox (`/gateway.do` is appended if missing). */
  baseUrls?: string[];
  /**
   * The fake "Alipay" key pair; default a bundled demo pair (no key generation per gateway), with
   * its certificate and root bundle. Certificate-mode apps need publicCert and rootCert.
   */
  alipayKeys?: { privateKey: string; publicKey: string; publicCert?: string; rootCert?: string };
  fixtures?: FakeGatewayFixtures;
  faults?: FaultOptions;
  /** The gateway's clock, for the timestamp window and issuedAt. */
  now?: () => Date;
  /**
   * Called with each log entry when its request completes, in completion order (the CLI prints
   * them); not for a request that was in flight across reset().
   */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Keep at most this many log entries (earliest arrivals dropped); default unlimited. */
  requestLogLimit?: number;
}

/** What registerApp returns; privateKey only when the fake generated the pair. */
export interface RegisteredApp {
  appId: string;
  /** PEM SPKI when read from appCert; otherwise as given or generated. */
  publicKey: string;
  privateKey?: string;
  signType: AppSignType;
  /** Certificate mode: the app_cert_sn requests must carry. */
  appCertSn?: string;
  /** The app's AES key (base64), as given or generated; absent when the app has none. */
  encryptKey?: string;
}

/**
 * A scripted outcome for the next authenticated, well-formed request (FIFO); it takes precedence over
 * seeded faults. One of:
 * - `{ sub_code, sub_msg?, latencyMs? }`: answer with a sub code the tables know (`SYSTEM_ERROR`,
 *   `isp.unknow-error`, `TEMPLATE_EXPIRED`, …), with its code, msg and sub_msg (or the sub_msg given);
 *   nothing is issued;
 * - `{ code, msg, sub_code?, sub_msg?, latencyMs? }`: answer exactly this, for a code the tables do not
 *   know (forward compatibility): `code` a string of digits other than `10000`, `msg` non-empty;
 * - `{ drop: 'before' | 'after-issue', latencyMs? }`: drop the connection before processing (nothing
 *   issued) or after issuing the voucher (issued, answer lost);
 * - `{ latencyMs }`: answer normally, late.
 *
 * `latencyMs` is 0 to 600000. Checked by nextCall(): an unknown key or sub code, an empty `{}`, an
 * unknown `drop`, a negative or NaN latency throw FakeGatewayError (`ERR_FAKE_SCRIPT`) at once, naming
 * the known values. Keys are the gateway's snake_case (`sub_code`, as AlipayApiError has it).
 */
export type ScriptedOutcome =
  | { sub_code: SubCode; sub_msg?: string; latencyMs?: number }
  | { code: string; msg: string; sub_code?: string; sub_msg?: string; latencyMs?: number }
  | { drop: 'before' | 'after-issue'; latencyMs?: number }
  | { latencyMs: number };

/** A voucher the fake issued. */
export interface IssuedVoucher {
  readonly voucher_id: string;
  readonly template_id: string;
  readonly out_biz_no: string;
  readonly user_id: string;
  readonly amount?: string;
  readonly memo?: string;
  readonly app_id: string;
  readonly issuedAt: Date;
}

/** The gateway's answer, as put in the response node. */
export interface Verdict {
  /** A result code the tables know, or the one a scripted full outcome gave. */
  readonly code: ResultCode | (string & {});
  readonly msg: string;
  readonly sub_code?: string;
  readonly sub_msg?: string;
}

/** One request as the fake saw it. */
export interface RequestLogEntry {
  /** Order of arrival, from 1 after creation or a reset; taken when the request arrives. */
  readonly seq: number;
  readonly receivedAt: Date;
  readonly durationMs: number;
  /**
   * Every parameter seen, query and body merged; the credentials `app_auth_token` and `auth_token`
   * are `[redacted]` (when not empty).
   */
  readonly params: Readonly<Record<string, string>>;
  /**
   * The business content as the business step read it: `biz_content` itself for a plain request,
   * its decrypted text for an `encrypt_type=AES` one (`params.biz_content` keeps the ciphertext, so
   * the signed string can still be rebuilt). Absent when there was none or it could not be decrypted.
   */
  readonly bizContent?: string;
  /** Where each parameter came from. */
  readonly placement: Readonly<Record<string, 'query' | 'body'>>;
  /** The charset the parameters were decoded with. */
  readonly charset: 'utf-8' | 'gbk' | 'gb2312';
  readonly app_id?: string;
  /**
   * Absent when the connection was dropped before any answer was computed. The `sub_msg` of an
   * `isv.invalid-signature` is the verified string with `app_auth_token` and `auth_token`
   * `[redacted]`, as in `params` (the answer sent carries the real string).
   */
  readonly verdict?: Verdict;
  readonly node?: typeof RESPONSE_NODE | typeof ERROR_RESPONSE_NODE;
  readonly signed: boolean;
  /** True when the response node was sent AES-encrypted (a string token, not an object). */
  readonly encrypted: boolean;
  readonly fault?: FaultKind;
  /** True when the fault (or outcome) came from nextCall(). */
  readonly scripted: boolean;
  readonly voucher_id?: string;
}

/**
 * The fake gateway without its MSW handlers (createGatewayCore): everything a transport other than
 * MSW needs (the loopback server, the CLI), with nothing that loads msw.
 */
export interface FakeGatewayCore {
  /**
   * The whole pipeline, transport-independent: a POST (parameters in the query and the form body) or a
   * GET (every parameter in the query). The answer is HTTP 200, `text/html;charset=<the request's>`
   * with a JSON body, as the real gateway sends it; DROP means "drop the connection".
   */
  handle(request: Request): Promise<Response | typeof DROP>;
  registerApp(app?: {
    appId?: string;
    publicKey?: string;
    appCert?: string;
    signType?: AppSignType;
    /** The app's AES key (base64 of 16 bytes), or `true` to have the fake generate one. */
    encryptKey?: string | true;
  }): RegisteredApp;
  /** PEM SPKI: what clients verify responses with. */
  readonly alipayPublicKey: string;
  /** Certificate mode: the fake Alipay public-key certificate and root bundle (PEM), when known. */
  readonly alipayPublicCert?: string;
  readonly alipayRootCert?: string;
  /**
   * Adds or replaces a template; an unknown key, a `type` other than `voucher`/`red_packet` or a
   * non-boolean `expired` throws FakeGatewayError (`ERR_FAKE_CONFIG`).
   */
  addTemplate(template: FakeTemplate): void;
  /**
   * Adds or replaces a user (by `user_id`; a replaced user's old `login_id`/`taobao_nick` stop reaching
   * it). Throws FakeGatewayError (`ERR_FAKE_CONFIG`) on an unknown key, a non-string or empty
   * `login_id`/`taobao_nick`, one that belongs to another user, or a non-boolean `frozen`.
   */
  addUser(user: FakeUser): void;
  /** Expires a template; one the fake does not hold throws FakeGatewayError (`ERR_FAKE_STATE`). */
  expireTemplate(templateId: string): void;
  /** Freezes a user (by `user_id`); one the fake does not hold throws FakeGatewayError (`ERR_FAKE_STATE`). */
  freezeUser(userId: string): void;
  /** Scripts the next authenticated request's outcome (see ScriptedOutcome); checked here, at once. */
  nextCall(outcome: ScriptedOutcome): void;
  /** The vouchers issued since creation or the last reset(), in issue order. */
  readonly vouchers: readonly IssuedVoucher[];
  /**
   * The requests completed since creation or the last reset(), in arrival order (`seq`). A request is
   * listed once it completes, at its arrival place: while a slow first request is still in flight, a
   * quicker second one is listed alone; once both are done, the first comes first. A request in
   * flight is never listed half-done, so every entry has its `durationMs`, and an absent `verdict`
   * always means a dropped connection. `await idle()` first to see every request sent so far.
   */
  readonly requests: readonly RequestLogEntry[];
  /**
   * Back to the state after creation: fixtures re-applied, RNG re-seeded, log, script and id
   * counters cleared. Isolates tests by itself: a request still in flight (a latency fault, a slow
   * client) finishes in the state it arrived in, which is then discarded; it issues no voucher,
   * logs no entry, keeps no idempotency record and bumps no id in the state that follows (its answer
   * is still sent, and `onRequest` is not called for it).
   */
  reset(): void;
  /**
   * Resolves when no request is in flight, requests that arrive meanwhile included. In `afterEach`,
   * `await gateway.idle()` before `reset()` so a test never ends with an answer still on its way to
   * the next test's client.
   */
  idle(): Promise<void>;
}
