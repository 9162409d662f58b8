import { describe, expect, it } from 'vitest';
import { DEMO_RECIPIENTS, demoUsers } from '../src/demo';
import { loadRecipients } from '../src/recipients';
import { run } from './helpers/cli';

describe('demo mode (the README main job)', () => {
  it('names only users the demo gateway knows', async () => {
    const users = demoUsers();
    const known = new Set(users.flatMap((u) => [u.user_id, u.login_id, u.taobao_nick]).filter(Boolean));
    const { recipients, skipped } = await loadRecipients(DEMO_RECIPIENTS);
    expect(skipped).toEqual([]);
    expect(recipients).toHaveLength(users.length);
    expect(recipients.every((r) => known.has(r.identity.value))).toBe(true);
  });

  it('runs a whole campaign against the in-process fake with no credentials, through faults', async () => {
    const out = await run(
      ['send', '--json', '--fault-rate', '0.2', '--retry-delay-ms', '1', '--max-retries', '10'],
      {},
    );
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ ok: true, issued: demoUsers().length, failed: 0 });
  });
});
