import { AlipayResponseError } from '../errors/AlipayResponseError.js';
import { BufferedAnswer } from './bufferedAnswer.js';

/** The error for a body over `limit` bytes: never retried (the gateway's answer is under 2 kB). */
export const responseTooLarge = (limit: number, status: number): AlipayResponseError =>
  new AlipayResponseError(`the answer is over maxResponseBytes (${limit}): not read`, {
    status,
    code: 'ERR_RESPONSE_TOO_LARGE',
    retryable: false,
  });

/** Joins chunks into one buffer. */
export function concat(chunks: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * A fetch `response` with its body read into memory, at most `limit` bytes: read chunk by chunk from
 * the stream, never with `arrayBuffer()`/`text()` (an endless body would fill memory), and cancelled
 * (closing the connection) as soon as it passes the limit.
 */
export async function boundedBody(response: Response, limit: number): Promise<BufferedAnswer> {
  const { body } = response;
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (body !== null) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel().catch(() => {});
        throw responseTooLarge(limit, response.status);
      }
      chunks.push(value);
    }
  }
  return new BufferedAnswer(response.status, response.headers, concat(chunks, total));
}
