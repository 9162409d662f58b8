import { AopkitError } from '@aopkit/signer';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/configError';
import { credentialsFromEnv } from '../src/credentials';
import { JournalError } from '../src/journalError';
import { parseRecipients } from '../src/recipients';
import { RecipientsFileError } from '../src/recipientsFileError';

describe("the app's errors", () => {
  it('share the aopkit root and keep their class, name, message and stable code', () => {
    const cause = new Error('ENOSPC');
    for (const [error, type, name, code] of [
      [
        new JournalError('journal j.jsonl: disk full', { cause }),
        JournalError,
        'JournalError',
        'ERR_CAMPAIGN_JOURNAL',
      ],
      [new ConfigError('--rate must be a number'), ConfigError, 'ConfigError', 'ERR_CAMPAIGN_CONFIG'],
      [
        new RecipientsFileError('line 3: bad'),
        RecipientsFileError,
        'RecipientsFileError',
        'ERR_CAMPAIGN_RECIPIENTS',
      ],
    ] as const) {
      expect(error).toBeInstanceOf(AopkitError);
      expect(error).toBeInstanceOf(type);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(name);
      expect(error.code).toBe(code);
    }
    expect(new JournalError('x', { cause }).cause).toBe(cause);
    expect(new ConfigError('y').message).toBe('y');
  });

  it('are what the app throws: a missing key variable, a recipients file without an identity column', () => {
    const config = (() => {
      try {
        credentialsFromEnv({ ALIPAY_APP_ID: '2021000000000001' });
      } catch (error) {
        return error;
      }
    })();
    expect(config).toMatchObject({ name: 'ConfigError', code: 'ERR_CAMPAIGN_CONFIG' });
    expect(config).toBeInstanceOf(AopkitError);
    expect(() => parseRecipients('email\na@b.c\n')).toThrow(
      expect.objectContaining({ code: 'ERR_CAMPAIGN_RECIPIENTS' }),
    );
  });
});
