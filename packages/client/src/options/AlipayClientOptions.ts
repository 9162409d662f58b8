import type { Charset, CommonRequestParams } from '@aopkit/types';

/**
 * Where log lines go. Only redacted facts are passed: method, attempt, code, sub_code, duration.
 * `debug`: a success. `warn`: a failed attempt that will be retried. `error`: the failure `send()`
 * rejects with (to `warn` when the logger has no `error`), never at a lower level than its retries.
 */
export interface AlipayLogger {
  debug?(message: string, meta?: Record<string, unknown>): void;
  warn?(message: string, meta?: Record<string, unknown>): void;
  error?(message: string, meta?: Record<string, unknown>): void;
}

/** Backoff between attempts: exponential from `initialMs`, capped at `maxMs`, with full jitter. */
export interface RetryDelayOptions {
  /** Default 500. */
  initialMs?: number;
  /** Default 5000. */
  maxMs?: number;
}

/** Options of {@link createAlipayClient}. Every one is validated when the client is created. */
export interface AlipayClientOptions {
  /**
   * The app id Alipay assigned (`app_id`): digits only. Refused, not trimmed, when it holds anything
   * else (a space, a line break): it is signed as written.
   */
  appId: string;
  /**
   * The app private key: bare base64 or PEM, PKCS#1 or PKCS#8. Parsed once, never logged. Keys and
   * certificates may carry surrounding whitespace and line breaks (CRLF too): they are ignored.
   */
  privateKey: string;
  /**
   * Public-key mode: the Alipay public key (SPKI, bare base64 or PEM), the one the Open Platform
   * console shows as 支付宝公钥 — not your app public key (refused at creation: the client can tell).
   */
  alipayPublicKey?: string;
  /** Certificate mode: the app public-key certificate (PEM), for `app_cert_sn`. */
  appCert?: string;
  /**
   * Certificate mode: the Alipay public-key certificate (PEM), whose key verifies responses. Your app
   * certificate here is refused at creation.
   */
  alipayPublicCert?: string;
  /** Certificate mode: Alipay's root certificate bundle (PEM), for `alipay_root_cert_sn`. */
  alipayRootCert?: string;
  /**
   * `production` (default), `sandbox`, or an https URL. Plain http is accepted only for a loopback
   * host (127.0.0.0/8, `[::1]`, `localhost`), where a fake gateway runs. A URL whose path does not end
   * in `/gateway.do` is taken as a base and gets `/gateway.do` appended.
   */
  gateway?: 'production' | 'sandbox' | (string & {});
  /** Default `RSA2`. */
  signType?: CommonRequestParams['sign_type'];
  /** Charset of the signed bytes and the form body. Default `utf-8`. */
  charset?: Charset;
  /**
   * Calls on a merchant's behalf: the merchant's `app_auth_token`, sent in the form body. Surrounding
   * whitespace and line breaks are trimmed; a token with whitespace, `&` or `=` inside is refused. It
   * never appears in a message, a log line or an error field (hidden where the gateway quotes it).
   */
  appAuthToken?: string;
  /** Per attempt. Default 15000. */
  timeoutMs?: number;
  /** Retries after the first attempt, for retryable outcomes only. Default 2. */
  maxRetries?: number;
  retryDelay?: RetryDelayOptions;
  /**
   * The most bytes of a response body read, on every transport; past it the call fails with
   * `ERR_RESPONSE_TOO_LARGE` and the connection is closed. Default 1 MiB (1048576); from 4096 to
   * 2^30. A voucher answer is under 2 kB.
   */
  maxResponseBytes?: number;
  /**
   * How requests go out. `'node-http'`: through `node:http(s)` and Node's global keep-alive agent (about
   * half the CPU per send of `'fetch'` on Node: no undici Request, Response or web streams); the module is looked up per call, so MSW's
   * `setupServer` and tracing agents that patch `http.request` see every request. `'fetch'`:
   * `globalThis.fetch`, looked up per call (so a fetch patched at any time is used). Default:
   * `'node-http'` on Node.js, `'fetch'` on every other runtime (Bun, Deno, Workers, browsers). The
   * default depends only on the runtime, never on what `globalThis.fetch` is when the client loads.
   */
  transport?: 'node-http' | 'fetch';
  /**
   * A fetch of your own, called as `fetch(url, init)` for every request; it is then the transport
   * (`transport` may be left out, or be `'fetch'`). Default: none, see `transport`.
   */
  fetch?: typeof fetch;
  logger?: AlipayLogger;
  /**
   * AES content encryption key: base64 of 16 bytes (AES-128), as the console hands it out.
   * Surrounding whitespace is trimmed; never shown.
   */
  encryptKey?: string;
}

/** Per-call options of `send`. */
export interface SendOptions {
  /**
   * An `AbortSignal` (`AbortController#signal`, `AbortSignal.timeout()`). Aborting stops the call at
   * once (no further retries); the call rejects with `signal.reason`.
   */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number;
}
