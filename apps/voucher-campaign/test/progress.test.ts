import { describe, expect, it } from 'vitest';
import { createProgressReporter } from '../src/progress';
import { formatSummary, summarize } from '../src/summary';
import { collector } from './helpers/cli';

describe('progress', () => {
  it("counts only this run's sends in its rate, not what an earlier run did", () => {
    const out = collector();
    const progress = createProgressReporter(out);
    // A resumed campaign: 1,000 recipients done by the journal, none sent yet.
    progress.update({ done: 1000, total: 1200, issued: 0, failed: 0, sent: 0 });
    expect(out.text()).toBe('progress 1000/1200 issued=0 failed=0 rate=0/s\n');
  });
});

describe('summary', () => {
  it('tells vouchers issued now apart from those found already issued', () => {
    const identity = { field: 'user_id', value: '2088000000000001' } as const;
    const row = (line: number, status: 'issued' | 'replayed' | 'already-issued') => ({
      line,
      identity,
      out_biz_no: `o${line}`,
      status,
      voucher_id: `v${line}`,
    });
    const head = { campaign: 'c', template_id: 't', recipients: 4, interrupted: false, duration_ms: 1 };
    const summary = summarize(
      head,
      [row(2, 'issued'), row(3, 'already-issued'), row(4, 'already-issued'), row(5, 'replayed')],
      [],
    );
    expect(summary).toMatchObject({ issued: 1, already_issued: 2, replayed: 1, ok: true });
    const text = formatSummary(summary);
    expect(text).toMatch(/^issued now +1$/m);
    expect(text).toMatch(/^found already issued \(not sent\) +2$/m);
    expect(text).toMatch(/^replayed \(issued then or now\) +1$/m);
    expect(text).toMatch(/^hold their voucher \(total\) +4$/m);
  });
});
