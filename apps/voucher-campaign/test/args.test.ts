import { BIZ_CONTENT_FIELDS } from '@aopkit/types';
import { describe, expect, it } from 'vitest';
import { parseSendArgs } from '../src/args';

describe('parseSendArgs', () => {
  it('reads every option', () => {
    const cmd = parseSendArgs([
      'send',
      '--template',
      'T1',
      '--recipients',
      'r.csv',
      '--amount',
      '9.99',
      '--memo',
      'hi',
      '--concurrency',
      '4',
      '--rate',
      '50/s',
      '--journal',
      'j',
      '--json',
      '--dry-run',
    ]);
    expect(cmd).toMatchObject({
      template: 'T1',
      recipients: 'r.csv',
      amount: '9.99',
      memo: 'hi',
      concurrency: 4,
      rate: 50,
      journal: 'j',
      json: true,
      dryRun: true,
    });
  });

  it('returns help for --help and for no command', () => {
    expect(parseSendArgs(['--help'])).toBe('help');
    expect(parseSendArgs([])).toBe('help');
    expect(parseSendArgs(['send', '-h'])).toBe('help');
  });

  it.each([
    [['send', '--amount', '9.9'], /--amount "9.9" is not valid/],
    [['send', '--amount', '10'], /amount must match/],
    [['send', '--template', 'T'.repeat(BIZ_CONTENT_FIELDS.template_id.maxLength + 1)], /at most 28/],
    [['send', '--concurrency', '0'], /--concurrency must be a whole number from 1 to 256, got "0"/],
    [['send', '--rate', 'fast'], /--rate must be a positive number/],
    [['send', '--bogus'], /Unknown option '--bogus'/],
    [['resend'], /unknown command "resend"/],
  ])('rejects %j with a message naming the option', (argv, message) => {
    expect(() => parseSendArgs(argv)).toThrow(message);
  });
});
