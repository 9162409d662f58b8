import type { CampaignSettings, RecipientResult, Todo } from './campaignTypes';
import type { Outcome } from './journal';
import { outBizNo } from './outBizNo';
import type { RecipientList } from './recipients';
import { failureFields } from './resultFields';
import type { VoucherHolders } from './voucherHolders';

/**
 * Sorts the rows before anything is sent: those the journal already answers for (issued, failed for
 * good, or a person who already holds a voucher) get their result now; the rest are to send.
 */
export function planRecipients(
  list: RecipientList,
  settings: CampaignSettings,
  recorded: ReadonlyMap<string, Outcome>,
  holders: VoucherHolders,
): { results: RecipientResult[]; todo: Todo[] } {
  const results: RecipientResult[] = [];
  const todo: Todo[] = [];
  for (const { line, identity } of list.recipients) {
    const out_biz_no = outBizNo(settings.campaign, settings.template_id, identity);
    const before = recorded.get(out_biz_no);
    const held = holders.heldElsewhere(identity, out_biz_no);
    if (before?.status === 'issued') {
      results.push({ line, identity, out_biz_no, status: 'already-issued', voucher_id: before.voucher_id });
    } else if (held) {
      results.push(holders.heldResult({ line, identity, out_biz_no }, held));
    } else if (before?.status === 'failed' && !before.retryable && !settings.retryFailed) {
      results.push({ line, identity, out_biz_no, status: 'failed', ...failureFields(before) });
    } else {
      todo.push({ line, identity, out_biz_no, resent: before !== undefined });
    }
  }
  return { results, todo };
}
