import { describe, expect, it } from 'vitest';
import { parseSendArgs } from '../src/args';

describe('parseSendArgs --encoding', () => {
  it('reads utf-8, gbk and gb18030, in any case', () => {
    expect(parseSendArgs(['send', '--encoding', 'GBK'])).toMatchObject({ encoding: 'gbk' });
    expect(parseSendArgs(['send', '--encoding', 'gb18030'])).toMatchObject({ encoding: 'gb18030' });
    expect(parseSendArgs(['send', '--encoding', 'utf8'])).toMatchObject({ encoding: 'utf-8' });
    expect(parseSendArgs(['send'])).not.toHaveProperty('encoding');
  });

  it('refuses another encoding, naming the ones it takes', () => {
    expect(() => parseSendArgs(['send', '--encoding', 'latin1'])).toThrow(
      '--encoding must be one of utf-8, gbk, gb18030, got "latin1"',
    );
  });
});
