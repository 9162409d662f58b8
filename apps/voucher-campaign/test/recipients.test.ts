import { BIZ_CONTENT_FIELDS } from '@aopkit/types';
import { describe, expect, it } from 'vitest';
import { parseRecipients } from '../src/recipients';

describe('parseRecipients', () => {
  it('reads each identity kind with its line number', () => {
    const list = parseRecipients('user_id,login_id,taobao_nick\n2088000000000001,,\n,13800000021,\n,,nick\n');
    expect(list.skipped).toEqual([]);
    expect(list.recipients).toEqual([
      { line: 2, identity: { field: 'user_id', value: '2088000000000001' } },
      { line: 3, identity: { field: 'login_id', value: '13800000021' } },
      { line: 4, identity: { field: 'taobao_nick', value: 'nick' } },
    ]);
  });

  it('uses the highest-priority identity a row gives, as Alipay does', () => {
    const list = parseRecipients('taobao_nick,login_id,user_id\nnick,a@b.cn,2088000000000009\n,a@b.cn,\n');
    expect(list.recipients.map((r) => r.identity.field)).toEqual(['user_id', 'login_id']);
  });

  it('skips invalid rows with their line number and reason, and never returns them', () => {
    const tooLong = '2'.repeat(BIZ_CONTENT_FIELDS.user_id.maxLength + 1);
    const csv = `user_id,login_id\n2088000000000001,\n${tooLong},\n,\n2088000000000001,\n`;
    const list = parseRecipients(csv);
    expect(list.recipients).toHaveLength(1);
    expect(list.skipped).toEqual([
      { line: 3, reason: `user_id is 17 characters, longer than ${BIZ_CONTENT_FIELDS.user_id.maxLength}` },
      { line: 4, reason: 'no user_id / login_id / taobao_nick given' },
      { line: 5, reason: 'duplicate of line 2 (user_id:2088000000000001)' },
    ]);
  });

  it('rejects a file whose header names no identity column', () => {
    expect(() => parseRecipients('name,phone\nann,1\n')).toThrow(/user_id, login_id, taobao_nick/);
  });

  it('handles quoted fields, a BOM and CRLF line ends', () => {
    const list = parseRecipients('\uFEFFlogin_id\r\n"a,b@c.cn"\r\n');
    expect(list.recipients).toEqual([{ line: 2, identity: { field: 'login_id', value: 'a,b@c.cn' } }]);
  });

  it('trims Unicode whitespace (NBSP, ideographic space, zero-width) around values', () => {
    const list = parseRecipients(
      'login_id\n\u00a013800000021\u00a0\n\u3000\u200b13800000021\n\t13800000022\t\n',
    );
    expect(list.recipients.map((r) => r.identity.value)).toEqual(['13800000021', '13800000022']);
    expect(list.skipped).toEqual([{ line: 3, reason: 'duplicate of line 2 (login_id:13800000021)' }]);
  });

  it('refuses a user_id that is not 2088 and 12 digits, with a hint for spreadsheet numbers', () => {
    const list = parseRecipients('user_id\n2.088E+15\nnull\n2088000000000001\n');
    expect(list.recipients.map((r) => r.line)).toEqual([4]);
    expect(list.skipped.map((s) => s.line)).toEqual([2, 3]);
    expect(list.skipped[0]?.reason).toMatch(
      /^user_id "2.088E\+15" is not an Alipay user id .*format the column as text/,
    );
  });

  it('refuses control characters and reports a multi-line record with its first line, LF or CRLF', () => {
    for (const eol of ['\n', '\r\n']) {
      const csv = ['login_id', '', '"a', 'b"', '13800000021', '"c\td"', ''].join(eol);
      const list = parseRecipients(csv);
      expect(list.recipients).toEqual([{ line: 5, identity: { field: 'login_id', value: '13800000021' } }]);
      expect(list.skipped.map((s) => s.line)).toEqual([3, 6]);
      expect(list.skipped[0]?.reason).toMatch(/^login_id "a\\nb" contains a control character/);
    }
  });

  it('checks the header even when no row follows it', () => {
    expect(() => parseRecipients('uid\n')).toThrow(/user_id, login_id, taobao_nick \(found: "uid"\)/);
    expect(parseRecipients('user_id\n')).toEqual({ recipients: [], skipped: [], header: ['user_id'] });
    expect(parseRecipients('')).toEqual({ recipients: [], skipped: [] });
  });
});
