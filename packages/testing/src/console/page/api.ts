import type { components } from '../../control/controlApi.gen.js';

/** The control API's shapes, from its OpenAPI document (the page's only data types). */
export type Schemas = components['schemas'];
export type LoggedRequest = Schemas['RequestLogEntry'];

/** An answer of the control API that was not 2xx: its error code and message. */
export class ControlApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// The page is served at …/__aopkit/console: every route is a sibling of it.
const url = (path: string) => new URL(path, location.href).href;

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(url(path), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const json = (await response.json()) as T | Schemas['Error'];
  if (!response.ok) {
    const { error } = json as Schemas['Error'];
    throw new ControlApiError(error.code, error.message);
  }
  return json as T;
}

const path = encodeURIComponent;

/** Each route the page uses, typed by the document. */
export const api = {
  requests: () => call<Schemas['RequestList']>('GET', 'requests'),
  request: (seq: number) => call<Schemas['RequestDetail']>('GET', `requests/${seq}`),
  vouchers: () => call<Schemas['VoucherList']>('GET', 'vouchers'),
  templates: () => call<Schemas['TemplateList']>('GET', 'templates'),
  users: () => call<Schemas['UserList']>('GET', 'users'),
  faults: () => call<Schemas['FaultSettings']>('GET', 'faults'),
  setFaults: (faults: Schemas['FaultOptions']) => call<Schemas['FaultSettings']>('PUT', 'faults', faults),
  nextCall: (outcome: Schemas['ScriptedOutcome']) => call<Schemas['Scripted']>('POST', 'next-call', outcome),
  expireTemplate: (id: string) => call<unknown>('POST', `templates/${path(id)}/expire`),
  freezeUser: (id: string) => call<unknown>('POST', `users/${path(id)}/freeze`),
  reset: () => call<Schemas['Done']>('POST', 'reset'),
  eventsUrl: () => url('events'),
};
