import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatTimestamp, SignerOptionError } from '../src/index.js';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

describe('formatTimestamp', () => {
  it.each([
    ['UTC midnight is 08:00 in Beijing', '2024-01-01T00:00:00Z', '2024-01-01 08:00:00'],
    ['16:00 UTC rolls over to the next day', '2024-01-01T16:00:00Z', '2024-01-02 00:00:00'],
    ['crosses a year boundary', '2023-12-31T20:59:59Z', '2024-01-01 04:59:59'],
    ['crosses a leap day', '2024-02-28T16:30:05Z', '2024-02-29 00:30:05'],
    ['drops milliseconds (truncates, never rounds up)', '2024-06-01T03:04:05.999Z', '2024-06-01 11:04:05'],
    ['pads every field', '2009-01-02T01:02:03Z', '2009-01-02 09:02:03'],
  ])('%s', (_, iso, want) => {
    expect(formatTimestamp(new Date(iso))).toBe(want);
  });

  it('defaults to now, in the gateway format', () => {
    expect(formatTimestamp()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  // Was a RangeError; the signer now throws only its own errors (issue #12).
  it('rejects an invalid Date and a non-Date with a SignerOptionError naming date', () => {
    expect(() => formatTimestamp(new Date(Number.NaN))).toThrow(SignerOptionError);
    for (const bad of [new Date(Number.NaN), '2024-01-01', 1717200000000, { getTime: () => 0 }, null]) {
      expect(() => formatTimestamp(bad as never)).toThrow(
        expect.objectContaining({ field: 'date', rule: 'type' }),
      );
    }
  });

  it.each(['America/New_York', 'Pacific/Kiritimati', 'UTC', 'Asia/Shanghai'])(
    'gives Beijing time in a process with TZ=%s (the Node SDK formats host local time)',
    (tz) => {
      const script = [
        "import { formatTimestamp } from './src/formatTimestamp.ts';",
        "import { createRequire } from 'node:module';",
        "const sdkRequire = createRequire(createRequire(import.meta.url).resolve('alipay-sdk'));",
        "const { YYYYMMDDHHmmss } = sdkRequire('utility');",
        "const d = new Date('2024-07-01T20:30:00Z');",
        'console.log(JSON.stringify([formatTimestamp(d), YYYYMMDDHHmmss(d)]));',
      ].join('\n');
      const tsx = createRequire(import.meta.url).resolve('tsx');
      const out = execFileSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], {
        cwd: PACKAGE_DIR,
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      const [ours, sdk] = JSON.parse(out) as [string, string];
      expect(ours).toBe('2024-07-02 04:30:00');
      // The SDK's helper prints host local time: right only when the host is in UTC+8.
      if (tz === 'Asia/Shanghai') expect(sdk).toBe(ours);
      else expect(sdk).not.toBe(ours);
    },
    20_000,
  );
});
