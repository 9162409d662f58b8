import { accessSync, constants, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { AlipayValidationError, createAlipayClient } from '@aopkit/client';
import { HELP, parseSendArgs, type SendCommand } from './args';
import { ConfigError } from './configError';
import { type ClientSettings, credentialsFromEnv } from './credentials';
import { DEMO_RECIPIENTS, DEMO_TEMPLATE, describeDemoGateway, startDemoGateway } from './demo';
import { type CampaignHeader, FileJournal, type Journal, JournalError, readJournal } from './journal';
import { PgJournal, readPgJournal } from './pgJournal';
import { describePgUrl, isPgUrl } from './pgSchema';
import { createProgressReporter } from './progress';
import { loadRecipients, type RecipientList } from './recipients';
import { writeResultsCsv } from './resultsCsv';
import { runCampaign } from './runCampaign';
import { status } from './status';
import { describeDuplicate, describeStop, formatSummary, type Summary, summarize } from './summary';

/** Where the CLI writes: process.stdout/stderr, or a collector in tests. */
export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface Io {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: NodeJS.ProcessEnv;
  /** Stops the run: nothing new starts; sends in flight are not cancelled, they finish and are recorded. */
  readonly signal?: AbortSignal;
}

/**
 * Runs the CLI; resolves to the process exit code: 0 all issued; 1 something failed, was skipped, not
 * reached, or went to a person twice; 2 usage, configuration, recipients-file or journal error.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    if (argv[0] === 'status') return await status(argv.slice(1), io);
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
  // The demo's own folder for its journal and results, removed at the end: a demo leaves nothing behind.
  let scratch: string | undefined;
  try {
    // Everything that can be wrong with the command is checked before the journal is touched.
    const template_id = cmd.template ?? (real ? undefined : DEMO_TEMPLATE);
    const recipientsPath = cmd.recipients ?? (real ? undefined : DEMO_RECIPIENTS);
    if (!template_id) throw new ConfigError('--template is required with a real gateway');
    if (!recipientsPath) throw new ConfigError('--recipients is required with a real gateway');
    const campaign = cmd.campaign ?? template_id;
    const list = await loadRecipients(recipientsPath, cmd.encoding).catch((error: Error) => {
      throw new ConfigError(`cannot read recipients ${recipientsPath}: ${error.message}`);
    });
    if (list.recipients.length === 0) throw new ConfigError(noRecipients(recipientsPath, list));

    // The demo starts afresh each run, and keeps no files, unless told where to keep them.
    const journalOption = cmd.journal ?? (io.env.VOUCHER_CAMPAIGN_JOURNAL || undefined);
    if (!(real || journalOption || cmd.results)) scratch = mkdtempSync(join(tmpdir(), 'voucher-campaign-'));
    const dir = scratch ?? '.';
    const resultsPath = cmd.results ?? join(dir, `campaign-${safe(campaign)}.results.csv`);
    const journalPath = journalOption ?? `${resultsPath.replace(/\.results\.csv$/, '')}.journal.jsonl`;
    const header = { campaign, template_id, ...pick(cmd, 'amount'), ...pick(cmd, 'memo') };
    assertWritable(resultsPath);
    const clientSettings = real ?? demo?.settings;
    const client = clientSettings ? buildClient(clientSettings, cmd) : undefined;

    if (!cmd.json) {
      const where = real
        ? `gateway ${real.gateway}`
        : 'the built-in fake gateway (demo mode, no credentials)';
      io.stderr.write(`campaign ${campaign}: ${list.recipients.length} recipients → ${where}\n`);
      for (const row of list.skipped) io.stderr.write(`skipping line ${row.line}: ${row.reason}\n`);
    }

    const journal = cmd.dryRun ? undefined : await openJournal(journalPath, header, cmd.concurrency);
    const recorded = journal ? undefined : await readRecorded(journalPath, header);
    // A shared journal paces every worker of the campaign together: --rate is the campaign's rate.
    const limiter =
      journal instanceof PgJournal && cmd.rate !== undefined ? journal.rateLimiter(cmd.rate) : undefined;
    const settings = {
      ...header,
      concurrency: cmd.concurrency,
      retryFailed: cmd.retryFailed,
      maxRetries: cmd.maxRetries,
      retryDelay: retryDelay(cmd),
      ...pick(cmd, 'rate'),
    };
    const progress = cmd.json ? undefined : createProgressReporter(io.stderr);
    let run: Awaited<ReturnType<typeof runCampaign>>;
    try {
      run = await runCampaign(list, settings, {
        ...(client ? { client } : {}),
        ...(journal ? { journal } : { recorded }),
        ...(limiter ? { limiter } : {}),
        dryRun: cmd.dryRun,
        ...(io.signal ? { signal: io.signal } : {}),
        ...(progress ? { onProgress: (p) => progress.update(p) } : {}),
        onDuplicate: (d) => io.stderr.write(`\nWARNING: ${describeDuplicate(d)}\n`),
      });
    } finally {
      progress?.finish();
    }
    let journalError = run.journalError;
    try {
      await journal?.close();
    } catch (error) {
      journalError ??= error as Error;
    }

    const summary = summarize(
      {
        campaign,
        template_id,
        recipients: list.recipients.length,
        interrupted: io.signal?.aborted ?? false,
        duration_ms: Math.round(performance.now() - started),
      },
      run.results,
      list.skipped,
      { duplicates: run.duplicates, journalError, ...(run.stoppedBy ? { stoppedBy: run.stoppedBy } : {}) },
    );
    if (run.stoppedBy) io.stderr.write(`\nvoucher-campaign: ${describeStop(run.stoppedBy)}\n`);
    if (journalError) {
      io.stderr.write(
        `\nvoucher-campaign: ${journalError.message}\n` +
          'Sending stopped; the sends already in flight were finished (their answers are in the results). ' +
          'Once the journal can be written again, run the same command to resume: it is safe, because each ' +
          "recipient's out_biz_no is deterministic and Alipay answers a resend with the voucher it already issued.\n",
      );
    }
    // The summary first: if the results file cannot be written now, what happened is still shown.
    if (cmd.json) {
      io.stdout.write(
        `${JSON.stringify({ ...summary, results_file: scratch ? null : resultsPath, journal: scratch ? null : (journal?.location ?? null) })}\n`,
      );
    } else {
      io.stdout.write(`\n${formatSummary(summary)}\n`);
      if (scratch)
        io.stdout.write('results and journal: not kept (demo; pass --results <file> to keep them)\n');
      else io.stdout.write(`results: ${resultsPath}\n`);
      if (journal && !scratch) io.stdout.write(`journal: ${journal.location}\n`);
      if (demo) io.stdout.write(`${describeDemoGateway(demo.gateway)}\n`);
    }
    if (scratch) return exitCode(summary);
    try {
      await writeResultsCsv(resultsPath, run.results, list.skipped);
    } catch (error) {
      io.stderr.write(`voucher-campaign: cannot write results ${resultsPath}: ${(error as Error).message}\n`);
      return 1;
    }
    return exitCode(summary);
  } finally {
    await demo?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

/** 0 all done; 3 an answer every recipient would get stopped the campaign; 1 anything else left undone. */
function exitCode(summary: Summary): number {
  if (summary.stopped_by) return 3;
  return summary.ok ? 0 : 1;
}

function noRecipients(path: string, { header, skipped }: RecipientList): string {
  if (!header)
    return `no recipients in ${path}: the file is empty (it needs a header line and one row per recipient)`;
  if (skipped.length === 0) return `no recipients in ${path}: it has no rows below its header`;
  const shown = skipped.slice(0, 5).map((s) => `line ${s.line}: ${s.reason}`);
  if (skipped.length > 5) shown.push(`… and ${skipped.length - 5} more`);
  return `no recipients in ${path}: every row was skipped\n  ${shown.join('\n  ')}`;
}

/** The results file is written at the end: find out now, before sending anything, if it cannot be. */
function assertWritable(path: string): void {
  const dir = dirname(resolve(path));
  try {
    if (!statSync(dir).isDirectory()) throw new ConfigError(`--results ${path}: ${dir} is not a directory`);
    accessSync(dir, constants.W_OK);
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) throw new ConfigError(`--results ${path} is a directory`);
      accessSync(path, constants.W_OK);
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `cannot write results ${path}: ${code === 'ENOENT' ? `directory ${dir} does not exist` : (error as Error).message}`,
    );
  }
}

/** Builds the client now, so a bad key or gateway is a usage error (exit 2) before anything is written. */
function buildClient(settings: ClientSettings, cmd: SendCommand) {
  try {
    return createAlipayClient({
      ...settings,
      maxRetries: cmd.maxRetries,
      timeoutMs: cmd.timeoutMs,
      retryDelay: retryDelay(cmd),
    });
  } catch (error) {
    if (!(error instanceof AlipayValidationError)) throw error;
    // The client's messages name the option and the rule, never a key; say which variable feeds it.
    const variable = ENV_OF_OPTION[error.field];
    throw new ConfigError(`${variable ? `${variable}: ` : ''}${error.message}`);
  }
}

const ENV_OF_OPTION: Record<string, string> = {
  appId: 'ALIPAY_APP_ID',
  privateKey: 'ALIPAY_PRIVATE_KEY',
  alipayPublicKey: 'ALIPAY_PUBLIC_KEY',
  gateway: 'ALIPAY_GATEWAY',
};

async function openJournal(path: string, header: CampaignHeader, concurrency: number): Promise<Journal> {
  try {
    if (isPgUrl(path)) return await PgJournal.open(path, header, { poolSize: concurrency + 2 });
    return await FileJournal.open(path, header);
  } catch (error) {
    throw asConfigError(path, error);
  }
}

/** A dry run reads the journal without opening it for writing; its problems are usage errors too. */
async function readRecorded(path: string, header: CampaignHeader) {
  try {
    if (isPgUrl(path)) return await readPgJournal(path, header);
    return readJournal(path, header).outcomes;
  } catch (error) {
    throw asConfigError(path, error);
  }
}

function asConfigError(path: string, error: unknown): ConfigError {
  if (error instanceof JournalError) return new ConfigError(error.message);
  const where = isPgUrl(path) ? describePgUrl(path) : path;
  return new ConfigError(`cannot read journal ${where}: ${(error as Error).message}`);
}

function retryDelay(cmd: SendCommand) {
  return { initialMs: cmd.retryDelayMs, maxMs: Math.max(cmd.retryDelayMs * 10, 1) };
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
