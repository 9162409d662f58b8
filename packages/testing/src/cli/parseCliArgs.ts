import { parseArgs } from 'node:util';
import { FakeGatewayError } from '../errors/FakeGatewayError.js';

/** The CLI's options, validated. */
export interface CliOptions {
  help: boolean;
  port: number;
  host: string;
  seed: number;
  fixtures?: string;
  faultRate: number;
  latencyMs?: number;
  /** Where to write the app's and the fake Alipay's keys, in the forms other languages paste. */
  keysDir?: string;
  /** Print the banner, and each request's line, as one JSON object per line. */
  json: boolean;
  quiet: boolean;
}

export const USAGE = `Usage: aopkit-fake-gateway [options]

A fake Alipay gateway (alipay.marketing.voucher.send) on loopback, with real RSA signatures.
It serves the gateway at /gateway.do and its control API (reset, script the next call, read
vouchers and requests, add templates and users) under /__aopkit/, and a console to see and
steer it in a browser at /__aopkit/console.

Options:
  --port <n>          port to listen on (default 8080; 0 = any free port)
  --host <addr>       address to bind (default 127.0.0.1)
  --seed <n>          seed of fault injection and generated ids (default 1)
  --fixtures <file>   JSON file { apps?, templates?, users? } (default: the demo fixtures)
  --fault-rate <r>    probability 0..1 of a random fault per authenticated request (default 0)
  --latency-ms <n>    delay of a "latency" fault (default 100)
  --keys-dir <dir>    write the app private key (PKCS#8: app-private-key.pem, and bare base64:
                      app-private-key.txt), app-public-key.pem, and the Alipay public key
                      (alipay-public-key.pem, alipay-public-key.txt) into <dir>
  --json              print the banner, then one line per request, as JSON (one object per line)
  --quiet             do not print one line per request
  -h, --help          show this help
`;

const cliError = (field: string, message: string, cause?: unknown) =>
  new FakeGatewayError(message, { code: 'ERR_FAKE_CLI', field, cause });

function numberOf(
  name: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw cliError(
      `--${name}`,
      `--${name} must be a number between ${min} and ${max} (got ${JSON.stringify(text)})`,
    );
  }
  return value;
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  fixtures: { type: 'string' },
  'fault-rate': { type: 'string' },
  'latency-ms': { type: 'string' },
  'keys-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** node:util's own message names the option; ours lists the known ones. */
function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (cause) {
    const known = Object.keys(OPTIONS)
      .map((name) => `--${name}`)
      .join(', ');
    // A stray positional is not echoed: it may be a pasted key. An unknown option is named alone.
    const code = (cause as { code?: unknown }).code;
    const message = cause instanceof Error ? cause.message : String(cause);
    const unknown = /^Unknown option '([^'=]+)/.exec(message)?.[1];
    const reason =
      code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
        ? 'unexpected argument: the CLI takes only options'
        : unknown !== undefined
          ? `unknown option ${unknown}`
          : message;
    throw cliError('argv', `${reason}; the options: ${known}`, cause);
  }
}

/** Parses argv (without node and the script); throws a FakeGatewayError (ERR_FAKE_CLI) naming the option. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const values = parse(argv);
  for (const name of ['fixtures', 'keys-dir', 'host'] as const) {
    if (values[name] === '') throw cliError(`--${name}`, `--${name} must not be empty`);
  }
  return {
    help: values.help ?? false,
    port: numberOf('port', values.port, 8080, 0, 65535),
    host: values.host ?? '127.0.0.1',
    seed: numberOf('seed', values.seed, 1, 0, 2 ** 32 - 1),
    ...(values.fixtures === undefined ? {} : { fixtures: values.fixtures }),
    faultRate: numberOf('fault-rate', values['fault-rate'], 0, 0, 1),
    ...(values['latency-ms'] === undefined
      ? {}
      : { latencyMs: numberOf('latency-ms', values['latency-ms'], 100, 0, 600_000) }),
    ...(values['keys-dir'] === undefined ? {} : { keysDir: values['keys-dir'] }),
    json: values.json ?? false,
    quiet: values.quiet ?? false,
  };
}
