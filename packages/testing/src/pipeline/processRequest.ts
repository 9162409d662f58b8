import { DROP } from '../DROP.js';
import type { RequestLogEntry } from '../FakeGateway.js';
import { type RawRequest, readParams } from '../request/readParams.js';
import type { ResponseSigners } from '../response/createResponseSigners.js';
import { type Rendered, renderResponse } from '../response/renderResponse.js';
import { redactSecrets } from './redactSecrets.js';
import { decide, type LogNotes, type PipelineContext } from './runPipeline.js';

/** What a transport does with a request: send these bytes, or drop the connection. */
export type Outcome = Rendered | typeof DROP;

/**
 * Runs one request through the pipeline and renders the answer; returns it with its log entry. The
 * entry never holds a secret parameter's value (redactSecrets): not in `params`, and not in the
 * verdict, for which the pipeline leaves a redacted copy in `notes` when the answer quotes them.
 */
export async function processRequest(
  ctx: PipelineContext,
  signers: ResponseSigners,
  raw: RawRequest,
  seq: number,
): Promise<{ outcome: Outcome; entry: RequestLogEntry }> {
  const started = performance.now();
  const receivedAt = ctx.now();
  const request = await readParams(raw);
  const notes: LogNotes = { scripted: false, signed: false };
  const answer = await decide(ctx, request, notes);
  let outcome: Outcome = DROP;
  if (answer !== DROP) {
    outcome = await renderResponse(answer, signers);
    notes.verdict ??= answer.verdict; // already set: the answer's, with secrets redacted
    notes.node = answer.node;
    notes.signed = answer.signed;
    notes.encrypted = answer.encryptKey !== undefined;
  }
  const entry: RequestLogEntry = {
    seq,
    receivedAt,
    params: redactSecrets(request.params),
    placement: { ...request.placement },
    charset: request.charset,
    ...notes,
    signed: notes.signed ?? false,
    encrypted: notes.encrypted ?? false,
    scripted: notes.scripted ?? false,
    durationMs: performance.now() - started,
  };
  return { outcome, entry };
}
