import { CampaignTally } from './campaignTally';
import type { CampaignRun, CampaignSettings, RecipientResult, RunOptions, Todo } from './campaignTypes';
import type { Outcome } from './journal';
import { outBizNo } from './outBizNo';
import { planRecipients } from './planRecipients';
import { createRateLimiter } from './rateLimiter';
import type { RecipientList } from './recipients';
import { rowOf, sortByLine } from './resultFields';
import { RunStop } from './runStop';
import { SendLoop } from './sendLoop';
import { shuffled } from './shuffled';
import { VoucherHolders } from './voucherHolders';

export type {
  CampaignRun,
  CampaignSettings,
  DuplicatePerson,
  Progress,
  RecipientResult,
  RecipientStatus,
  RunOptions,
} from './campaignTypes';

/** Sends the campaign's vouchers; returns one result per valid recipient (`not-reached` if it stopped early). */
export async function runCampaign(
  list: RecipientList,
  settings: CampaignSettings,
  options: RunOptions,
): Promise<CampaignRun> {
  const recorded = options.journal?.entries ?? options.recorded ?? new Map<string, Outcome>();
  const holders = new VoucherHolders(list, settings, recorded);
  const planned = planRecipients(list, settings, recorded, holders);
  const tally = new CampaignTally(planned.results, list.recipients.length, options.onProgress);
  tally.report();

  if (options.dryRun || !options.client) {
    for (const item of planned.todo) tally.add({ ...rowOf(item), status: 'would-send' });
    tally.report();
    return { results: sortByLine(tally.results), duplicates: tally.duplicates };
  }

  const stop = new RunStop(settings.concurrency, options.signal);
  const loop = new SendLoop({
    settings,
    client: options.client,
    journal: options.journal,
    limiter: options.limiter ?? createRateLimiter(settings.rate),
    holders,
    tally,
    stop,
    onDuplicate: options.onDuplicate,
  });
  try {
    await options.journal?.enroll(
      list.recipients.map((r) => outBizNo(settings.campaign, settings.template_id, r.identity)),
    );
  } catch (error) {
    stop.journalFailed(error); // nothing is sent
  }
  try {
    // With a shared journal each worker goes through the list in an order of its own, so that workers
    // rarely reach for the same recipient at once.
    await loop.run(options.journal?.shared ? shuffled(planned.todo) : planned.todo);
  } finally {
    stop.dispose();
  }
  for (const result of unfinished(planned.todo, loop, tally)) tally.add(result);
  return {
    results: sortByLine(tally.results),
    duplicates: tally.duplicates,
    ...(stop.journalError ? { journalError: stop.journalError } : {}),
    ...(stop.stoppedBy ? { stoppedBy: stop.stoppedBy } : {}),
  };
}

/**
 * The results of the recipients the run did not finish: a retryable failure the final pass did not
 * get to resend stands; a recipient never reached says so.
 */
function unfinished(todo: readonly Todo[], loop: SendLoop, tally: CampaignTally): RecipientResult[] {
  const answered = tally.answered();
  const out = loop.standingFailures().filter((result) => !answered.has(result.out_biz_no));
  for (const item of todo) {
    if (loop.reached.has(item.out_biz_no)) continue;
    out.push({
      ...rowOf(item),
      status: 'not-reached',
      message: 'the run stopped before sending it; run the campaign again to send it',
    });
  }
  return out;
}
