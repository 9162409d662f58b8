import type { IncomingMessage, ServerResponse } from 'node:http';
import { DROP } from '../DROP.js';
import type { Outcome } from '../pipeline/processRequest.js';

/** Reads a body into one buffer, or resolves `undefined` once it passes `limit` bytes (the rest is discarded). */
export function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > limit) {
      req.resume(); // read and discard, so the client can finish writing and read the 413
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.resume();
      chunks.length = 0;
      resolve(undefined);
    };
    req.on('data', onData);
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Writes an outcome; DROP destroys the socket so the client sees a reset, not a response. */
export function writeOutcome(res: ServerResponse, outcome: Outcome): void {
  if (outcome === DROP) {
    res.socket?.destroy();
    return;
  }
  res.writeHead(outcome.status, {
    'content-type': outcome.contentType,
    'content-length': outcome.body.byteLength,
  });
  res.end(outcome.body);
}

/** Writes a Fetch API Response (the control API's) to Node's response; an event stream is piped as it comes. */
export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | number> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (response.body && response.headers.get('content-type')?.startsWith('text/event-stream')) {
    res.writeHead(response.status, headers);
    res.flushHeaders();
    const reader = response.body.getReader();
    // The client went away (or the server closed it): end the stream, which unsubscribes it.
    res.on('close', () => reader.cancel().catch(() => {}));
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
    res.end();
    return;
  }
  const body = new Uint8Array(await response.arrayBuffer());
  res.writeHead(response.status, { ...headers, 'content-length': body.byteLength });
  res.end(body);
}
