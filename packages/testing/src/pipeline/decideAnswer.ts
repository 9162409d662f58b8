import { canonicalize } from '@aopkit/signer';
import { ERROR_RESPONSE_NODE, METHOD, RESPONSE_NODE } from '@aopkit/types';
import { DROP } from '../DROP.js';
import type { RequestLogEntry, Verdict } from '../FakeGatewayCore.js';
import type { RequestParams } from '../request/readParams.js';
import type { Answer } from '../response/renderResponse.js';
import { verdictOf } from '../response/verdicts.js';
import { checkBizContent } from './checkBizContent.js';
import { checkCertificateSns } from './checkCertificateSns.js';
import { checkWellFormed, findMissing, missingAppId, signTypeOf } from './checkCommonParams.js';
import { decryptBizContent } from './decryptBizContent.js';
import { issueVoucher } from './issueVoucher.js';
import type { PipelineContext } from './PipelineContext.js';
import { redactSecrets } from './redactSecrets.js';

/** The log fields the pipeline fills in as it goes. */
export type LogNotes = { -readonly [K in keyof RequestLogEntry]?: RequestLogEntry[K] };

// The result codes the business system answers with (10000, 40004): encrypted under AES.
const BUSINESS_CODES: ReadonlySet<string> = new Set(['10000', '40004']);

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// The real gateway HTML-escapes the string it verified: its sub_msg shows `app_id=…&amp;charset=…`.
const escapeAmp = (text: string): string => text.replaceAll('&', '&amp;');

// isv.invalid-signature quoting the string the gateway verified, built from `params` as given.
const invalidSignature = (params: Record<string, string>): Verdict =>
  verdictOf('isv.invalid-signature', escapeAmp(canonicalize(params)));

/**
 * The gateway, check by check: app_id (present, then known), the other required parameters, sign_type,
 * the signature, certificate SNs, the common parameters' form, biz_content, faults, the business rules.
 * Until the app is known (isv.missing-app-id, isv.invalid-app-id) the answer is unsigned: Alipay signs
 * with the app's Alipay key, so there is none to sign with yet. The other 40001 answers are unsigned
 * too; from the sign_type check on, every answer is signed. The node is the method's when `method` names this operation,
 * error_response otherwise (missing or unknown method). Under `encrypt_type=AES`, once biz_content is
 * decrypted, business answers (10000, 40004) are sent encrypted; gateway-level ones stay plain.
 */
export async function decideAnswer(
  ctx: PipelineContext,
  request: RequestParams,
  notes: LogNotes,
  trace: { verified?: boolean } = {},
): Promise<Answer | typeof DROP> {
  const { params, charset } = request;
  const node = params.method === METHOD ? RESPONSE_NODE : ERROR_RESPONSE_NODE;
  const signType = signTypeOf(params.sign_type);
  let alipayCertSn: string | undefined; // set once a certificate-mode app is known
  let encryptKey: string | undefined; // set once an AES request's biz_content is decrypted
  const answer = (verdict: Verdict, signed: boolean, fields?: Answer['fields']): Answer => ({
    verdict,
    node,
    signed,
    signType: signType ?? 'RSA2',
    charset,
    ...(fields ? { fields } : {}),
    ...(signed && alipayCertSn ? { alipayCertSn } : {}),
    // Business answers (success and 40004) of a decrypted request are encrypted; gateway-level
    // codes (20000 faults, scripted 4000x) are the gateway's own, plain as before decryption.
    ...(encryptKey && BUSINESS_CODES.has(verdict.code) ? { encryptKey } : {}),
  });

  // app_id first, present then known, before any other parameter is looked at: a public probe log of
  // the real gateway (2026-09-11) shows an unknown app_id without `sign` answered isv.invalid-app-id,
  // never isv.missing-signature. The other 40001 answers stay unsigned, as before: nothing observed
  // says whether the gateway signs them once the app is known.
  const noAppId = missingAppId(params);
  if (noAppId) return answer(noAppId, false);
  const app = ctx.apps.get(params.app_id!);
  if (!app) return answer(verdictOf('isv.invalid-app-id'), false);
  notes.app_id = app.appId;
  const missing = findMissing(params);
  if (missing) return answer(missing, false);
  if (app.appCertSn) alipayCertSn = ctx.alipayCertSn;

  if (!signType) return answer(verdictOf('isv.invalid-signature-type'), true);
  if (signType !== app.signType) return answer(verdictOf('isv.missing-signature-config'), true);
  trace.verified = true; // the console shows the string verified, for this request on
  if (!(await app.verifierFor(charset).verify(canonicalize(params), params.sign!, signType))) {
    // The answer quotes the real string (PROTOCOL §6); the log gets it with tokens redacted.
    notes.verdict = invalidSignature(redactSecrets(params));
    return answer(invalidSignature(params), true);
  }
  const badCert = app.appCertSn
    ? checkCertificateSns(params, app.appCertSn, ctx.alipayRootCertSn)
    : undefined;
  if (badCert) return answer(badCert, true);
  const malformed = checkWellFormed(params, ctx.now(), app.encryptKey !== undefined);
  if (malformed) return answer(malformed, true);
  let bizContent = params.biz_content === '' ? undefined : params.biz_content;
  if (params.encrypt_type === 'AES' && app.encryptKey) {
    // checkWellFormed let AES through, so the app has a key. No biz_content: nothing to decrypt
    // (the business check reports it missing, in an encrypted answer).
    if (bizContent !== undefined) {
      bizContent = await decryptBizContent(bizContent, app.encryptKey, charset);
      if (bizContent === undefined) return answer(verdictOf('isv.invalid-encrypt'), true);
    }
    encryptKey = app.encryptKey;
  }
  if (bizContent !== undefined) notes.bizContent = bizContent;

  // Authenticated and well-formed: now the business system may fail, scripted or at random.
  const plan = ctx.faults.next();
  if (plan) {
    notes.scripted = plan.scripted;
    if (plan.fault) notes.fault = plan.fault;
    if (plan.latencyMs) await delay(plan.latencyMs);
    if (plan.drop === 'before') return DROP;
    if (plan.verdict) return answer(plan.verdict, true);
  }

  const result = businessVerdict(ctx, bizContent, app.appId);
  notes.voucher_id = result.fields?.voucher_id;
  const processed = answer(result.verdict, true, result.fields);
  if (plan?.drop === 'after-issue') {
    notes.verdict = processed.verdict; // processed (a voucher issued, if valid), never sent
    return DROP;
  }
  return processed;
}

/** biz_content checks, then the business rules (issueVoucher). */
function businessVerdict(
  ctx: PipelineContext,
  bizContent: string | undefined,
  appId: string,
): { verdict: Verdict; fields?: Answer['fields'] } {
  const checked = checkBizContent(bizContent);
  if ('verdict' in checked) return checked;
  const issued = issueVoucher(ctx.state, checked.biz, {
    appId,
    now: ctx.now(),
    nextVoucherId: ctx.nextVoucherId,
  });
  if (!issued.voucher) return issued;
  return {
    verdict: issued.verdict,
    fields: { voucher_id: issued.voucher.voucher_id, user_id: issued.voucher.user_id },
  };
}
