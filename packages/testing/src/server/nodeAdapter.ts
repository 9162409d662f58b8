import type { IncomingMessage, ServerResponse } from 'node:http';
import { DROP } from '../DROP.js';
import type { Outcome } from '../pipeline/processRequest.js';

/** The fake accepts at most this much body; a voucher request is well under 4 KB. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a request body into one buffer; rejects when it exceeds MAX_BODY_BYTES. */
export function readBody(req: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`request body larger than ${MAX_BODY_BYTES} bytes`));
        req.destroy();
      } else chunks.push(chunk);
    });
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
