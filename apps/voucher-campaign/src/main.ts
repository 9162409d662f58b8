import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAlipayClient } from '@aopkit/client';
import { HELP, parseSendArgs, type SendCommand } from './args';
import { ConfigError, credentialsFromEnv } from './credentials';
import { DEMO_RECIPIENTS, DEMO_TEMPLATE, describeDemoGateway, startDemoGateway } from './demo';
import { Journal, readJournal } from './journal';
import { createProgressReporter } from './progress';
import { loadRecipients } from './recipients';
import { writeResultsCsv } from './resultsCsv';
import { runCampaign } from './runCampaign';
import { formatSummary, summarize } from './summary';

/** Where the CLI writes: process.stdout/stderr, or a collector in tests. */
export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface Io {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: NodeJS.ProcessEnv;
  /** Aborts the run: in-flight sends finish and are recorded, nothing new starts. */
  readonly signal?: AbortSignal;
}

/** Runs the CLI; resolves to the process exit code (0 all issued, 1 something failed, 2 usage error). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const command = parseSendArgs(argv);
    if (command === 'help') {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    return await send(command, io);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`voucher-campaign: ${error.message}\nRun "voucher-campaign --help" for usage.\n`);
    return 2;
  }
}

async function send(cmd: SendCommand, io: Io): Promise<number> {
  const started = performance.now();
  const real = cmd.demo ? undefined : credentialsFromEnv(io.env);
  const demo = real || cmd.dryRun ? undefined : startDemoGateway({ faultRate: cmd.faultRate, ...seed(cmd) });
  try {
    const template_id = cmd.template ?? (real ? undefined : DEMO_TEMPLATE);
    const recipientsPath = cmd.recipients ?? (real ? undefined : DEMO_RECIPIENTS);
    if (!template_id) throw new ConfigError('--template is required with a real gateway');
    if (!recipientsPath) throw new ConfigError('--recipients is required with a real gateway');
    const campaign = cmd.campaign ?? template_id;
    const list = await loadRecipients(recipientsPath).catch((error: Error) => {
      throw new ConfigError(`cannot read recipients ${recipientsPath}: ${error.message}`);
    });

    // The demo starts afresh each run unless told where to keep its files.
    const dir = real || cmd.journal || cmd.results ? '.' : mkdtempSync(join(tmpdir(), 'voucher-campaign-'));
    const resultsPath = cmd.results ?? join(dir, `campaign-${safe(campaign)}.results.csv`);
    const journalPath = cmd.journal ?? `${resultsPath.replace(/\.results\.csv$/, '')}.journal.jsonl`;
    const header = { campaign, template_id, ...pick(cmd, 'amount'), ...pick(cmd, 'memo') };

    if (!cmd.json) {
      const where = real
        ? `gateway ${real.gateway}`
        : 'the built-in fake gateway (demo mode, no credentials)';
      io.stderr.write(`campaign ${campaign}: ${list.recipients.length} recipients → ${where}\n`);
      for (const row of list.skipped) io.stderr.write(`skipping line ${row.line}: ${row.reason}\n`);
    }

    const journal = cmd.dryRun ? undefined : await openJournal(journalPath, header);
    const settings = {
      ...header,
      concurrency: cmd.concurrency,
      retryFailed: cmd.retryFailed,
      ...pick(cmd, 'rate'),
    };
    const clientSettings = real ?? demo?.settings;
    const client = clientSettings
      ? createAlipayClient({
          ...clientSettings,
          maxRetries: cmd.maxRetries,
          timeoutMs: cmd.timeoutMs,
          retryDelay: { initialMs: cmd.retryDelayMs, maxMs: Math.max(cmd.retryDelayMs * 10, 1) },
        })
      : undefined;
    const progress = cmd.json ? undefined : createProgressReporter(io.stderr);
    const results = await runCampaign(list, settings, {
      ...(client ? { client } : {}),
      ...(journal ? { journal } : { recorded: readJournal(journalPath, header).outcomes }),
      dryRun: cmd.dryRun,
      ...(io.signal ? { signal: io.signal } : {}),
      ...(progress ? { onProgress: (p) => progress.update(p) } : {}),
    }).finally(async () => {
      progress?.finish();
      await journal?.close();
    });

    const summary = summarize(
      {
        campaign,
        template_id,
        recipients: list.recipients.length,
        interrupted: io.signal?.aborted ?? false,
        duration_ms: Math.round(performance.now() - started),
      },
      results,
      list.skipped,
    );
    await writeResultsCsv(resultsPath, results, list.skipped);
    if (cmd.json) {
      io.stdout.write(
        `${JSON.stringify({ ...summary, results_file: resultsPath, journal: journal?.path ?? null })}\n`,
      );
    } else {
      io.stdout.write(`\n${formatSummary(summary)}\nresults: ${resultsPath}\n`);
      if (journal) io.stdout.write(`journal: ${journal.path}\n`);
      if (demo) io.stdout.write(`${describeDemoGateway(demo.gateway)}\n`);
    }
    return summary.ok ? 0 : 1;
  } finally {
    demo?.close();
  }
}

async function openJournal(path: string, header: Parameters<typeof Journal.open>[1]): Promise<Journal> {
  try {
    return await Journal.open(path, header);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function seed(cmd: SendCommand) {
  return cmd.seed === undefined ? {} : { seed: cmd.seed };
}

function pick<K extends 'amount' | 'memo' | 'rate'>(cmd: SendCommand, key: K): Partial<Pick<SendCommand, K>> {
  return cmd[key] === undefined ? {} : ({ [key]: cmd[key] } as Pick<SendCommand, K>);
}

function safe(name: string): string {
  return name.replace(/[^\w.-]+/g, '_');
}
