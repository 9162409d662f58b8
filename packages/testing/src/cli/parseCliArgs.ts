import { parseArgs } from 'node:util';

/** The CLI's options, validated. */
export interface CliOptions {
  help: boolean;
  port: number;
  host: string;
  seed: number;
  fixtures?: string;
  faultRate: number;
  latencyMs?: number;
  quiet: boolean;
}

export const USAGE = `Usage: aopkit-fake-gateway [options]

A fake Alipay gateway (alipay.marketing.voucher.send) on loopback, with real RSA signatures.

Options:
  --port <n>          port to listen on (default 8080; 0 = any free port)
  --host <addr>       address to bind (default 127.0.0.1)
  --seed <n>          seed of fault injection and generated ids (default 1)
  --fixtures <file>   JSON file { apps?, templates?, users? } (default: the demo fixtures)
  --fault-rate <r>    probability 0..1 of a random fault per authenticated request (default 0)
  --latency-ms <n>    delay of a "latency" fault (default 100)
  --quiet             do not print one line per request
  -h, --help          show this help
`;

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
    throw new Error(`--${name} must be a number between ${min} and ${max} (got ${JSON.stringify(text)})`);
  }
  return value;
}

/** Parses argv (without node and the script); throws an Error with a usable message on bad input. */
export function parseCliArgs(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      fixtures: { type: 'string' },
      'fault-rate': { type: 'string' },
      'latency-ms': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
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
    quiet: values.quiet ?? false,
  };
}
