import { existsSync, readFileSync } from 'node:fs';
import type { CampaignHeader, JournalEntry, Outcome } from './journal';
import { JournalError } from './journalError';

// How a journal file starts: its first line is the campaign's header.
const HEADER_PREFIX = '{"header":';

/**
 * Reads a journal without changing it (a dry run uses this to show what is left, `status` to show
 * progress). Throws a JournalError if the file is not a journal, has a corrupt line, or belongs to another
 * campaign than `header` (not checked when `header` is undefined).
 */
export function readJournal(path: string, header: CampaignHeader | undefined) {
  let found: CampaignHeader | undefined;
  const outcomes = new Map<string, Outcome>();
  let validBytes = 0;
  let validLines = 0;
  let hasHeader = false;
  if (!existsSync(path)) return { outcomes, validBytes, validLines, hasHeader, header: found };
  const bytes = readFileSync(path);
  const start = bytes.toString('utf8', 0, Math.min(bytes.length, HEADER_PREFIX.length));
  // An empty file, or one holding only the torn start of a header, is a journal that was being created.
  const tornHeader = bytes.indexOf(10) === -1 && HEADER_PREFIX.startsWith(start);
  if (!start.startsWith(HEADER_PREFIX) && !tornHeader) throw notAJournal(path);
  let from = 0;
  for (let nl = bytes.indexOf(10, from); nl !== -1; nl = bytes.indexOf(10, from)) {
    const line = validLines + 1;
    let record: unknown;
    try {
      record = JSON.parse(bytes.toString('utf8', from, nl));
    } catch (error) {
      throw corruptLine(path, line, `is not valid JSON: ${(error as Error).message}`);
    }
    if (line === 1) {
      if (!isHeader(record)) throw notAJournal(path);
    } else if (!isHeader(record) && !isEntry(record)) {
      throw corruptLine(path, line, 'is not a journal entry');
    }
    if (isHeader(record)) {
      if (header) assertSameCampaign(path, record.header, header);
      found ??= record.header;
      hasHeader = true;
    } else if (isEntry(record)) {
      outcomes.set(record.out_biz_no, record.outcome);
    }
    from = nl + 1;
    validBytes = from;
    validLines = line;
  }
  // Anything after the last newline is a line torn by a crash: it is ignored, and cut off on open.
  return { outcomes, validBytes, validLines, hasHeader, header: found };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHeader(value: unknown): value is { header: CampaignHeader } {
  return (
    isObject(value) &&
    isObject(value.header) &&
    typeof value.header.campaign === 'string' &&
    typeof value.header.template_id === 'string'
  );
}

function isEntry(value: unknown): value is JournalEntry {
  return (
    isObject(value) &&
    typeof value.out_biz_no === 'string' &&
    isObject(value.outcome) &&
    ['attempted', 'issued', 'failed'].includes(value.outcome.status as string)
  );
}

function notAJournal(path: string): JournalError {
  return new JournalError(
    `${path} is not a voucher-campaign journal (its first line is not a journal header); refusing to change it`,
  );
}

function corruptLine(path: string, line: number, problem: string): JournalError {
  return new JournalError(
    `journal ${path} line ${line} ${problem}; a torn last line is cut off on its own, ` +
      'a bad line in the middle needs fixing by hand',
  );
}

/** Throws a JournalError naming the first field in which `found` (the journal's campaign) differs. */
export function assertSameCampaign(path: string, found: CampaignHeader, wanted: CampaignHeader): void {
  for (const key of ['campaign', 'template_id', 'amount', 'memo'] as const) {
    if ((found[key] ?? '') !== (wanted[key] ?? '')) {
      throw new JournalError(
        `journal ${path} belongs to another campaign: its ${key} is ${JSON.stringify(found[key] ?? null)}, ` +
          `this run's is ${JSON.stringify(wanted[key] ?? null)} (resending with other content would be refused by Alipay)`,
      );
    }
  }
}
