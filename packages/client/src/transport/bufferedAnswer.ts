/** The answer's headers, read as a fetch `Headers` reads them: by name, case-insensitive. */
export interface AnswerHeaders {
  get(name: string): string | null;
}

const utf8 = new TextDecoder();

/**
 * An answer read whole into memory, within `maxResponseBytes`: the part of a fetch `Response` that
 * openapi-fetch and the client read (status, `headers.get`, `text()`, `arrayBuffer()`), without
 * undici's Response, Headers and web stream for a body that is already here (a third of the
 * node:http path's CPU went to building and reading them).
 */
export class BufferedAnswer {
  readonly ok: boolean;
  /** The raw bytes, or null when there are none (as `Response.body` is for a 204). */
  readonly body: Uint8Array<ArrayBuffer> | null;

  constructor(
    readonly status: number,
    readonly headers: AnswerHeaders,
    /** A buffer of their own: the transports join the chunks into a new one. */
    private readonly bytes: Uint8Array<ArrayBuffer>,
  ) {
    this.ok = status > 199 && status < 300;
    this.body = bytes.length > 0 ? bytes : null;
  }

  /** The body decoded as UTF-8, as `Response.text()` does. */
  text(): Promise<string> {
    return Promise.resolve(utf8.decode(this.bytes));
  }

  /** The body's bytes, as `Response.arrayBuffer()` gives them. */
  arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.bytes.buffer);
  }
}

/**
 * Headers over node:http's parsed `headers`: names lower-cased, repeated ones joined as Node joins
 * them (", "; set-cookie with ",").
 */
export const nodeHeaders = (
  headers: Readonly<Record<string, string | string[] | undefined>>,
): AnswerHeaders => ({
  get: (name) => headers[name.toLowerCase()]?.toString() ?? null,
});
