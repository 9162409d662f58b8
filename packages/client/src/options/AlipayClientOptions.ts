import type { CommonRequestParams } from '@aopkit/types';

/** Where log lines go. Only redacted facts are passed: method, attempt, code, sub_code, duration. */
export interface AlipayLogger {
  debug?(message: string, meta?: Record<string, unknown>): void;
  warn?(message: string, meta?: Record<string, unknown>): void;
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
  /** The app id Alipay assigned (`app_id`). */
  appId: string;
  /** The app private key: bare base64 or PEM, PKCS#1 or PKCS#8. Parsed once, never logged. */
  privateKey: string;
  /** Public-key mode: the Alipay public key (SPKI, bare base64 or PEM). */
  alipayPublicKey?: string;
  /** Certificate mode: the app public-key certificate (PEM), for `app_cert_sn`. */
  appCert?: string;
  /** Certificate mode: the Alipay public-key certificate (PEM), whose key verifies responses. */
  alipayPublicCert?: string;
  /** Certificate mode: Alipay's root certificate bundle (PEM), for `alipay_root_cert_sn`. */
  alipayRootCert?: string;
  /**
   * `production` (default), `sandbox`, or any http(s) URL. A URL whose path does not end in
   * `/gateway.do` is taken as a base and gets `/gateway.do` appended.
   */
  gateway?: 'production' | 'sandbox' | (string & {});
  /** Default `RSA2`. */
  signType?: CommonRequestParams['sign_type'];
  /** Charset of the signed bytes and the form body. Default `utf-8`. */
  charset?: CommonRequestParams['charset'];
  /** Calls on a merchant's behalf: the merchant's `app_auth_token`, sent in the form body. */
  appAuthToken?: string;
  /** Per attempt. Default 15000. */
  timeoutMs?: number;
  /** Retries after the first attempt, for retryable outcomes only. Default 2. */
  maxRetries?: number;
  retryDelay?: RetryDelayOptions;
  /** Default `globalThis.fetch`, looked up at call time (so MSW can patch it); called as `fetch(url, init)`. */
  fetch?: typeof fetch;
  logger?: AlipayLogger;
  /** AES content encryption key: base64 of 16 bytes (AES-128), as the console hands it out. */
  encryptKey?: string;
}

/** Per-call options of `send`. */
export interface SendOptions {
  /** Aborting stops the call at once (no further retries); the call rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number;
}
