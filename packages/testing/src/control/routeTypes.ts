import type { paths } from './controlApi.gen.js';

type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** The operations a path item of the document declares, by method (`get?: never` is no operation). */
type OperationsOf<Item> = {
  [M in HttpMethod as M extends keyof Item
    ? [NonNullable<Item[M]>] extends [never]
      ? never
      : M
    : never]: M extends keyof Item ? NonNullable<Item[M]> : never;
};

/** The JSON body of an operation's 200 answer; a whole Response for one that is not JSON (a page, a stream). */
export type ReplyOf<Op> = Op extends { responses: { 200: { content: { 'application/json': infer B } } } }
  ? B
  : Op extends { responses: { 200: { content: Record<string, unknown> } } }
    ? Response
    : never;

/** The path parameters of an operation (`{ template_id: string }`), or none. */
export type PathParamsOf<Op> = Op extends { parameters: { path: infer P } }
  ? P extends Record<string, string>
    ? P
    : Record<string, never>
  : Record<string, never>;

/** What a route handler gets: the decoded path parameters, and the body as parsed JSON (unchecked). */
export interface Call<Op> {
  params: PathParamsOf<Op>;
  /** The request itself (the event stream ends when its signal aborts). */
  request: Request;
  /** The parsed JSON body; `undefined` when the request had none. Each handler checks its shape. */
  body: unknown;
}

export type Handler<Op> = (call: Call<Op>) => ReplyOf<Op> | Promise<ReplyOf<Op>>;

/**
 * Every path and method of the control API document, each with a handler typed by the document's
 * operation. An object literal checked with `satisfies RouteTable` fails to compile when it misses an
 * operation of the document, or serves one the document lacks.
 */
export type RouteTable = {
  [P in keyof paths]: { [M in keyof OperationsOf<paths[P]>]: Handler<OperationsOf<paths[P]>[M]> };
};
