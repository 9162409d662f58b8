import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { createAlipayClient } from '@aopkit/client';
import { describe, expect, it } from 'vitest';
import { FileJournal as Journal, type JournalFile } from '../src/fileJournal';
import { runCampaign } from '../src/runCampaign';
import { TEMPLATE, useCampaignFake, userId } from './helpers/campaignFake';
import { tempDir } from './helpers/files';

const fake = useCampaignFake();

describe('runCampaign and a stop', () => {
  it('a stop that comes while the attempt is being synced sends nothing: the row is not reached', async () => {
    const controller = new AbortController();
    let armed = false;
    // The real file; the first sync after open (the `attempted` line) is where Ctrl-C lands.
    const openFile = async (path: string): Promise<JournalFile> => {
      const handle = await open(path, 'a+');
      return {
        write: (buffer, offset, length) => handle.write(buffer, offset, length),
        datasync: async () => {
          if (armed) controller.abort();
          await handle.datasync();
        },
        truncate: (length) => handle.truncate(length),
        close: () => handle.close(),
      };
    };
    const header = { campaign: 'c-stop', template_id: TEMPLATE };
    const journal = await Journal.open(join(tempDir(), 'j.jsonl'), header, { openFile });
    armed = true;
    const client = createAlipayClient(fake.clientOptions);

    const run = await runCampaign(
      { recipients: [{ line: 2, identity: { field: 'user_id', value: userId(1) } }], skipped: [] },
      { ...header, concurrency: 1 },
      { client, journal, signal: controller.signal },
    );
    await journal.close();

    expect(fake.gateway.requests).toHaveLength(0);
    expect(run.results.map((r) => r.status)).toEqual(['not-reached']);
  });
});
