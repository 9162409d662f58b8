import { parseArgs } from 'node:util';
import { BIZ_CONTENT_FIELDS } from '@aopkit/types';
import { ConfigError } from './configError';
import { ENCODINGS, type Encoding } from './recipientsEncoding';

export const HELP = `voucher-campaign — send one voucher template to a list of users, safely

Usage:
  voucher-campaign send [options]
  voucher-campaign status --journal <postgres://…|file> [--campaign <name>] [--json]

Options:
  --template <id>        voucher template_id (default in demo mode: the demo template)
  --recipients <csv>     CSV whose header names user_id, login_id and/or taobao_nick
                         (default in demo mode: the demo recipients shipped with the app)
  --encoding <name>      the CSV's encoding: utf-8, gbk or gb18030 (default utf-8; a UTF-8 BOM is
                         honoured; a file that is not valid in it is refused, naming the line)
  --campaign <name>      names the campaign; fixes every out_biz_no (default: the template id)
  --amount <yuan>        red-packet amount, two decimals, e.g. 9.99
  --memo <text>          memo shown with the voucher
  --concurrency <n>      sends in flight at once (default 8)
  --rate <n>[/s]         at most n requests per second, retries included (default: no limit)
  --journal <file|url>   journal to resume from and record into (default: $VOUCHER_CAMPAIGN_JOURNAL,
                         else a file next to the results file); a postgres://… URL is a journal
                         shared by any number of workers running the same command, and makes
                         --rate the rate of all of them together
  --results <file>       results CSV (default: campaign-<campaign>.results.csv)
  --retry-failed         resend recipients whose earlier failure was final
  --max-retries <n>      retries per send on retryable failures (default 4)
  --retry-delay-ms <n>   first retry delay; doubles, with jitter (default 500)
  --timeout-ms <n>       per-attempt timeout (default 15000)
  --dry-run              validate and show what would be sent; send nothing
  --json                 print the summary as JSON on stdout
  --demo                 use the built-in fake gateway even if ALIPAY_APP_ID is set
  --fault-rate <0..1>    demo mode: share of injected gateway faults (default 0.1)
  --seed <n>             demo mode: seed of the fake's fault injection
  -h, --help             this text

Real gateway: set ALIPAY_APP_ID, ALIPAY_PRIVATE_KEY (or ALIPAY_PRIVATE_KEY_FILE), ALIPAY_PUBLIC_KEY
(or ALIPAY_PUBLIC_KEY_FILE) and ALIPAY_GATEWAY (a URL, or "sandbox"; default production).
Without ALIPAY_APP_ID the campaign runs against the built-in fake gateway (demo mode).

Exit codes: 0 every recipient holds its voucher; 1 some failed, were skipped or not reached, or a person
got two vouchers (listed under two identities); 2 usage, configuration, recipients-file or journal error;
3 the campaign stopped on an answer every recipient would get (template expired or missing, app not
allowed …); 130 stopped by Ctrl-C; 143 stopped by SIGTERM.`;

export interface SendCommand {
  readonly template?: string;
  readonly recipients?: string;
  readonly encoding?: Encoding;
  readonly campaign?: string;
  readonly amount?: string;
  readonly memo?: string;
  readonly concurrency: number;
  readonly rate?: number;
  readonly journal?: string;
  readonly results?: string;
  readonly retryFailed: boolean;
  readonly maxRetries: number;
  readonly retryDelayMs: number;
  readonly timeoutMs: number;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly demo: boolean;
  readonly faultRate: number;
  readonly seed?: number;
}

/** Parses `send …` arguments; returns 'help' for --help. Throws ConfigError naming the bad option. */
export function parseSendArgs(argv: readonly string[]): SendCommand | 'help' {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command !== 'send')
    throw new ConfigError(`unknown command "${command}"; the commands are "send" and "status"`);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  return {
    ...(v.template === undefined ? {} : { template: checked('template', v.template, 'template_id') }),
    ...(v.recipients === undefined ? {} : { recipients: v.recipients }),
    ...(v.encoding === undefined ? {} : { encoding: encoding(v.encoding) }),
    ...(v.campaign === undefined ? {} : { campaign: v.campaign }),
    ...(v.amount === undefined ? {} : { amount: checked('amount', v.amount, 'amount') }),
    ...(v.memo === undefined ? {} : { memo: checked('memo', v.memo, 'memo') }),
    concurrency: integer('concurrency', v.concurrency, 8, 1, 256),
    ...(v.rate === undefined ? {} : { rate: positive('rate', v.rate.replace(/\/s$/, '')) }),
    ...(v.journal === undefined ? {} : { journal: v.journal }),
    ...(v.results === undefined ? {} : { results: v.results }),
    retryFailed: v['retry-failed'] ?? false,
    maxRetries: integer('max-retries', v['max-retries'], 4, 0, 20),
    retryDelayMs: integer('retry-delay-ms', v['retry-delay-ms'], 500, 0, 60_000),
    timeoutMs: integer('timeout-ms', v['timeout-ms'], 15_000, 1, 600_000),
    dryRun: v['dry-run'] ?? false,
    json: v.json ?? false,
    demo: v.demo ?? false,
    faultRate: fraction('fault-rate', v['fault-rate'], 0.1),
    ...(v.seed === undefined ? {} : { seed: integer('seed', v.seed, 0, 0, 2 ** 31) }),
  };
}

function parse(args: string[]) {
  const text = { type: 'string' } as const;
  const flag = { type: 'boolean' } as const;
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      template: text,
      recipients: text,
      encoding: text,
      campaign: text,
      amount: text,
      memo: text,
      concurrency: text,
      rate: text,
      journal: text,
      results: text,
      'retry-failed': flag,
      'max-retries': text,
      'retry-delay-ms': text,
      'timeout-ms': text,
      'dry-run': flag,
      json: flag,
      demo: flag,
      'fault-rate': text,
      seed: text,
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** Checks a campaign-wide value against the spec's limit once, instead of failing every row. */
function checked(option: string, value: string, field: keyof typeof BIZ_CONTENT_FIELDS): string {
  const rule: { maxLength?: number; pattern?: string } = BIZ_CONTENT_FIELDS[field];
  if (value === '') throw new ConfigError(`--${option} must not be empty`);
  if (rule.maxLength !== undefined && value.length > rule.maxLength) {
    throw new ConfigError(
      `--${option} is ${value.length} characters; ${field} allows at most ${rule.maxLength}`,
    );
  }
  if (rule.pattern !== undefined && !new RegExp(rule.pattern, 'u').test(value)) {
    throw new ConfigError(
      `--${option} "${value}" is not valid: ${field} must match ${rule.pattern} (e.g. 9.99)`,
    );
  }
  return value;
}

function integer(
  option: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`--${option} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

function positive(option: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    throw new ConfigError(`--${option} must be a positive number, got "${raw}"`);
  return n;
}

function fraction(option: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new ConfigError(`--${option} must be from 0 to 1, got "${raw}"`);
  return n;
}

function encoding(raw: string): Encoding {
  const name = raw.toLowerCase().replace(/^utf8$/, 'utf-8');
  const known: readonly string[] = ENCODINGS;
  if (!known.includes(name)) {
    throw new ConfigError(`--encoding must be one of ${ENCODINGS.join(', ')}, got "${raw}"`);
  }
  return name as Encoding;
}
