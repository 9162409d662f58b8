import {
  AlipayApiError,
  AlipayError,
  backoffDelay,
  type createAlipayClient,
  shouldRetry,
} from '@aopkit/client';
import type { Outcome } from './journal';
import type { RateLimiter } from './rateLimiter';
import type { Identity } from './recipients';

type Client = ReturnType<typeof createAlipayClient>;

/** What one send needs besides the recipient. */
export interface SendSettings {
  readonly template_id: string;
  readonly amount?: string;
  readonly memo?: string;
  /** Retries after the first attempt, on retryable failures only (default 2, as the client's). */
  readonly maxRetries?: number;
  /** The first retry's pause cap, doubling up to maxMs, with full jitter (default 500 / 5000 ms). */
  readonly retryDelay?: { readonly initialMs: number; readonly maxMs: number };
}

/** Why a failure ends the whole campaign: every other recipient would get the same answer. */
export interface CampaignStop {
  readonly code?: string;
  readonly sub_code?: string;
  readonly error: string;
  readonly message: string;
}

/** The answers that concern the recipient, not the campaign: the others stop it. */
const RECIPIENT_SUB_CODES: ReadonlySet<string> = new Set(['USER_NOT_EXIST', 'USER_STATUS_ERROR']);

/**
 * Whether a final (non-retryable) failure is the campaign's, not the recipient's. The template, the
 * campaign-wide amount and memo (INVALID_PARAMETER: identities are checked before sending), the app, its
 * keys and permissions (20001, 40002, 40006), the answer's signature, a gateway that answers no JSON: each
 * recipient would get the same answer, so sending on would spend one doomed request per recipient.
 * A 40004 sub code the spec does not declare may concern one user: it does not stop the campaign.
 */
export function stopsCampaign(error: unknown): boolean {
  if (!(error instanceof AlipayError) || error.retryable) return false;
  if (error instanceof AlipayApiError) {
    const sub = error.sub_code ?? '';
    if (RECIPIENT_SUB_CODES.has(sub)) return false;
    if (error.code === '40004')
      return ['TEMPLATE_NOT_EXIST', 'TEMPLATE_EXPIRED', 'INVALID_PARAMETER'].includes(sub);
    return true;
  }
  return true; // a signature that does not verify, a response that is not the gateway's, a refused input
}

/**
 * Sends one voucher, retrying retryable failures (always with the identical business content) itself
 * rather than in the client, so that `limiter` paces every request, retries included: the gateway's rate
 * limit counts requests. The first attempt's slot is the caller's to take (a stop may cut that wait
 * short); a retry waits for its slot whatever happens, since the request before it may have issued.
 */
export async function sendOne(
  client: Client,
  settings: SendSettings,
  identity: Identity,
  out_biz_no: string,
  limiter: RateLimiter,
): Promise<{ outcome: Outcome; stop?: CampaignStop }> {
  const params = {
    template_id: settings.template_id,
    out_biz_no,
    [identity.field]: identity.value,
    ...(settings.amount === undefined ? {} : { amount: settings.amount }),
    ...(settings.memo === undefined ? {} : { memo: settings.memo }),
  } as Parameters<Client['marketing']['voucher']['send']>[0];
  const maxRetries = settings.maxRetries ?? 2;
  const delay = settings.retryDelay ?? { initialMs: 500, maxMs: 5000 };
  for (let attempt = 1; ; attempt++) {
    try {
      if (attempt > 1) await limiter.acquire();
      const voucher = await client.marketing.voucher.send(params, { maxRetries: 0 });
      return { outcome: { status: 'issued', voucher_id: voucher.voucher_id, user_id: voucher.user_id } };
    } catch (error) {
      if (shouldRetry(error, attempt, maxRetries)) {
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, delay)));
        continue;
      }
      const outcome = failure(error);
      if (!stopsCampaign(error)) return { outcome };
      // Recorded as retryable: the recipient is not at fault, and a rerun (once the campaign is fixed)
      // must send it again, with the same out_biz_no.
      const { retryable: _, ...why } = outcome;
      return { outcome: { ...outcome, retryable: true }, stop: why };
    }
  }
}

function failure(error: unknown): Extract<Outcome, { status: 'failed' }> {
  if (error instanceof AlipayApiError) {
    return {
      status: 'failed',
      retryable: error.retryable,
      error: error.name,
      code: error.code,
      ...(error.sub_code ? { sub_code: error.sub_code } : {}),
      message: error.sub_msg ?? error.msg,
    };
  }
  const name = error instanceof AlipayError ? error.name : 'UnexpectedError';
  const retryable = error instanceof AlipayError ? error.retryable : true;
  return { status: 'failed', retryable, error: name, message: (error as Error).message };
}
