import type { CampaignSettings, DuplicatePerson, RecipientResult, Row } from './campaignTypes';
import type { Outcome } from './journal';
import { outBizNo } from './outBizNo';
import type { Identity, RecipientList } from './recipients';

/** The voucher a person holds: the row that got it, by out_biz_no. */
export interface Held {
  readonly out_biz_no: string;
  readonly voucher_id: string;
}

type RowName = { readonly line: number; readonly identity: Identity };

/**
 * Who holds a voucher of this campaign, by user_id, and which row of the file each out_biz_no is.
 * A person can be listed twice under different identities (a user_id row and a login_id row): the
 * second row is skipped once the first answer has named the user_id, and a second voucher issued
 * before that is reported as a duplicate person.
 */
export class VoucherHolders {
  // The rows of this file by out_biz_no, to name them in messages.
  readonly #rows = new Map<string, RowName>();
  // user_id → the first voucher recorded for them.
  readonly #holder = new Map<string, Held>();
  readonly #recorded: ReadonlyMap<string, Outcome>;

  constructor(list: RecipientList, settings: CampaignSettings, recorded: ReadonlyMap<string, Outcome>) {
    this.#recorded = recorded;
    const key = (identity: Identity) => outBizNo(settings.campaign, settings.template_id, identity);
    // A row's other identities too: a campaign resumed with a file enriched with user_ids sent them earlier.
    for (const { line, others = [] } of list.recipients) {
      for (const identity of others) this.#rows.set(key(identity), { line, identity });
    }
    for (const { line, identity } of list.recipients) this.#rows.set(key(identity), { line, identity });
    for (const [out_biz_no, outcome] of recorded) {
      if (outcome.status === 'issued' && !this.#holder.has(outcome.user_id)) {
        this.#holder.set(outcome.user_id, { out_biz_no, voucher_id: outcome.voucher_id });
      }
    }
  }

  /** A row named by user_id whose person already holds a voucher under another out_biz_no. */
  heldElsewhere(identity: Identity, out_biz_no: string): Held | undefined {
    if (identity.field !== 'user_id') return undefined;
    const held = this.#holder.get(identity.value);
    return held && held.out_biz_no !== out_biz_no ? held : undefined;
  }

  /**
   * A row whose person already holds a voucher: skipped, unless the row's own out_biz_no went out in an
   * earlier run without a recorded answer (attempted, or a retryable failure such as a timeout). Then it
   * may hold a second voucher already, and a resend could issue one if the first never arrived: neither
   * skipped quietly nor resent, but a failure to check at Alipay.
   */
  heldResult(row: Row, held: Held): RecipientResult {
    const holds = `user_id ${row.identity.value} already holds voucher ${held.voucher_id} of this campaign`;
    const where = `${this.#describe(held.out_biz_no)}, out_biz_no ${held.out_biz_no}`;
    const before = this.#recorded.get(row.out_biz_no);
    if (before?.status !== 'attempted' && !(before?.status === 'failed' && before.retryable)) {
      const message = `${holds}, issued to ${where}; not sent again`;
      return { ...row, status: 'already-issued', voucher_id: held.voucher_id, message };
    }
    return {
      ...row,
      status: 'failed',
      sub_code: 'POSSIBLE_DUPLICATE_PERSON',
      message:
        `${holds} (${where}), and this row's earlier send (out_biz_no ${row.out_biz_no}) got no recorded ` +
        'answer: it may have issued a second voucher. Not resent (a resend would issue one if the first ' +
        'never arrived); check this out_biz_no at Alipay',
    };
  }

  /** Notes a voucher another worker issued to the row's person since this run began. */
  noteIssued(row: Row, outcome: Extract<Outcome, { status: 'issued' }>): void {
    this.#holder.set(outcome.user_id, { out_biz_no: row.out_biz_no, voucher_id: outcome.voucher_id });
  }

  /**
   * Takes a voucher this run just got for `row`: the person's first is noted as theirs; a second (the
   * person held one under another out_biz_no) is returned as a duplicate person, with its message.
   */
  issued(
    row: Row,
    outcome: Extract<Outcome, { status: 'issued' }>,
  ): { duplicate: DuplicatePerson; message: string } | undefined {
    const earlier = this.#holder.get(outcome.user_id);
    if (!earlier || earlier.out_biz_no === row.out_biz_no) {
      this.noteIssued(row, outcome);
      return undefined;
    }
    const name = this.#rows.get(earlier.out_biz_no);
    const duplicate: DuplicatePerson = {
      user_id: outcome.user_id,
      line: row.line,
      identity: row.identity,
      out_biz_no: row.out_biz_no,
      voucher_id: outcome.voucher_id,
      earlier: { ...earlier, ...(name ? { line: name.line, identity: name.identity } : {}) },
    };
    const message = `DUPLICATE PERSON: user_id ${outcome.user_id} already held voucher ${earlier.voucher_id} (${this.#describe(earlier.out_biz_no)}, out_biz_no ${earlier.out_biz_no})`;
    return { duplicate, message };
  }

  #describe(out_biz_no: string): string {
    const row = this.#rows.get(out_biz_no);
    return row ? `line ${row.line} (${row.identity.field} ${row.identity.value})` : 'a row of an earlier run';
  }
}
