import { AlipayApiError, AlipayError, type createAlipayClient } from '@aopkit/client';
import type { Journal, Outcome } from './journal';
import { outBizNo } from './outBizNo';
import { runPool } from './pool';
import { createRateLimiter } from './rateLimiter';
import type { Identity, RecipientList } from './recipients';

type Client = ReturnType<typeof createAlipayClient>;

export interface CampaignSettings {
  /** Names the campaign; with the template and the recipient it fixes each out_biz_no. */
  readonly campaign: string;
  readonly template_id: string;
  readonly amount?: string;
  readonly memo?: string;
  readonly concurrency: number;
  /** Sends per second at most. */
  readonly rate?: number;
  /** Resend recipients whose earlier failure was final (e.g. after fixing a user's status). */
  readonly retryFailed?: boolean;
}

/**
 * - `issued`: sent in this run for the first time, and issued.
 * - `replayed`: an earlier run sent it but died before recording the answer; resent with the same
 *   out_biz_no, so Alipay answered with the voucher it had already issued, if it had.
 * - `already-issued`: the journal had it confirmed; not sent again.
 * - `failed`: the gateway or the network said no, after the client's retries.
 * - `would-send`: a dry run's verdict.
 */
export type RecipientStatus = 'issued' | 'replayed' | 'already-issued' | 'failed' | 'would-send';

export interface RecipientResult {
  readonly line: number;
  readonly identity: Identity;
  readonly out_biz_no: string;
  readonly status: RecipientStatus;
  readonly voucher_id?: string;
  readonly code?: string;
  readonly sub_code?: string;
  readonly message?: string;
}

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly issued: number;
  readonly failed: number;
}

export interface RunOptions {
  readonly client?: Client;
  readonly journal?: Journal;
  /** Previously recorded states (from the journal) when there is no writable journal, as in a dry run. */
  readonly recorded?: ReadonlyMap<string, Outcome>;
  readonly dryRun?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
}

/** Sends the campaign's vouchers; returns one result per valid recipient that was reached. */
export async function runCampaign(
  list: RecipientList,
  settings: CampaignSettings,
  options: RunOptions,
): Promise<RecipientResult[]> {
  const recorded = options.journal?.entries ?? options.recorded ?? new Map<string, Outcome>();
  const results: RecipientResult[] = [];
  const todo: { line: number; identity: Identity; out_biz_no: string; resent: boolean }[] = [];

  for (const { line, identity } of list.recipients) {
    const out_biz_no = outBizNo(settings.campaign, settings.template_id, identity);
    const before = recorded.get(out_biz_no);
    if (before?.status === 'issued') {
      results.push({ line, identity, out_biz_no, status: 'already-issued', voucher_id: before.voucher_id });
    } else if (before?.status === 'failed' && !before.retryable && !settings.retryFailed) {
      results.push({ line, identity, out_biz_no, status: 'failed', ...failureFields(before) });
    } else {
      todo.push({ line, identity, out_biz_no, resent: before !== undefined });
    }
  }

  const total = list.recipients.length;
  let issued = 0;
  let failed = results.filter((r) => r.status === 'failed').length;
  const report = () => options.onProgress?.({ done: results.length, total, issued, failed });
  report();

  if (options.dryRun || !options.client) {
    for (const item of todo) results.push({ ...without(item), status: 'would-send' });
    report();
    return sortByLine(results);
  }

  const client = options.client;
  const limiter = createRateLimiter(settings.rate);
  await runPool(
    todo,
    settings.concurrency,
    async (item) => {
      await limiter.take();
      if (options.signal?.aborted) return;
      await options.journal?.record({ out_biz_no: item.out_biz_no, outcome: { status: 'attempted' } });
      const outcome = await sendOne(client, settings, item.identity, item.out_biz_no, options.signal);
      await options.journal?.record({ out_biz_no: item.out_biz_no, outcome });
      if (outcome.status === 'issued') {
        issued++;
        const status = item.resent ? 'replayed' : 'issued';
        results.push({ ...without(item), status, voucher_id: outcome.voucher_id });
      } else if (outcome.status === 'failed') {
        failed++;
        results.push({ ...without(item), status: 'failed', ...failureFields(outcome) });
      }
      report();
    },
    options.signal,
  );
  return sortByLine(results);
}

async function sendOne(
  client: Client,
  settings: CampaignSettings,
  identity: Identity,
  out_biz_no: string,
  signal: AbortSignal | undefined,
): Promise<Outcome> {
  try {
    const params = {
      template_id: settings.template_id,
      out_biz_no,
      [identity.field]: identity.value,
      ...(settings.amount === undefined ? {} : { amount: settings.amount }),
      ...(settings.memo === undefined ? {} : { memo: settings.memo }),
    } as Parameters<Client['marketing']['voucher']['send']>[0];
    const voucher = await client.marketing.voucher.send(params, signal ? { signal } : {});
    return { status: 'issued', voucher_id: voucher.voucher_id, user_id: voucher.user_id };
  } catch (error) {
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
}

function failureFields(outcome: Extract<Outcome, { status: 'failed' }>) {
  return {
    ...(outcome.code ? { code: outcome.code } : {}),
    sub_code: outcome.sub_code ?? outcome.error,
    message: outcome.message,
  };
}

function without<T extends { resent: boolean }>(item: T): Omit<T, 'resent'> {
  const { resent: _, ...rest } = item;
  return rest;
}

function sortByLine(results: RecipientResult[]): RecipientResult[] {
  return results.sort((a, b) => a.line - b.line);
}
