import { canonicalize } from '@aopkit/signer';
import { DROP } from '../DROP.js';
import type { RequestLogEntry } from '../FakeGatewayCore.js';
import { type RawRequest, readParams } from '../request/readParams.js';
import type { ResponseSigners } from '../response/createResponseSigners.js';
import { type Rendered, renderResponse } from '../response/renderResponse.js';
import { requestExtras } from '../state/requestExtras.js';
import { decideAnswer, type LogNotes } from './decideAnswer.js';
import type { PipelineContext } from './PipelineContext.js';
import { REDACTED, redactSecrets, SECRET_PARAMS } from './redactSecrets.js';

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
  const trace: { verified?: boolean } = {};
  const answer = await decideAnswer(ctx, request, notes, trace);
  let outcome: Outcome = DROP;
  let responseText: string | undefined;
  if (answer !== DROP) {
    const rendered = await renderResponse(answer, signers);
    outcome = { status: rendered.status, contentType: rendered.contentType, body: rendered.body };
    responseText = redactText(rendered.text, request.params);
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
  requestExtras.set(entry, {
    ...(trace.verified ? { verifiedString: canonicalize(entry.params) } : {}),
    ...(responseText === undefined ? {} : { responseText }),
  });
  return { outcome, entry };
}

/** The answer's text with every secret parameter's value (as sent, JSON- or HTML-escaped) redacted. */
function redactText(text: string, params: Readonly<Record<string, string>>): string {
  let out = text;
  for (const name of SECRET_PARAMS) {
    const value = params[name];
    if (!value || redactSecrets({ [name]: value })[name] === value) continue;
    const json = JSON.stringify(value).slice(1, -1);
    for (const form of new Set([
      value,
      json,
      value.replaceAll('&', '&amp;'),
      json.replaceAll('&', '&amp;'),
    ])) {
      out = out.replaceAll(form, REDACTED);
    }
  }
  return out;
}
