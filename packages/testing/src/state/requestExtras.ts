import type { RequestLogEntry } from '../FakeGatewayCore.js';

/** What the console shows of a request beyond its log entry; secrets already redacted. */
export interface RequestExtras {
  /** The canonical string the fake verified the signature over (absent: it never got that far). */
  verifiedString?: string;
  /** The answer's text as sent (absent: the connection was dropped). */
  responseText?: string;
}

/**
 * Each log entry's extras, kept off the public entry (whose shape `gateway.requests` pins): the control
 * API's `GET /__aopkit/requests/{seq}` reads them.
 */
export const requestExtras = new WeakMap<RequestLogEntry, RequestExtras>();
