import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecipients, parseRecipients } from '../src/recipients';
import { decodeRecipients } from '../src/recipientsEncoding';
import { tempDir } from './helpers/files';

// 张三 and 李四 as Excel on a Chinese Windows saves them (GBK), and the same names in UTF-8.
const GBK_ZHANGSAN = [0xd5, 0xc5, 0xc8, 0xfd];
const GBK_LISI = [0xc0, 0xee, 0xcb, 0xc4];
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];
const gbkFile = () =>
  Uint8Array.from([
    ...ascii('taobao_nick\r\n'),
    ...GBK_ZHANGSAN,
    ...ascii('\r\n'),
    ...GBK_LISI,
    ...ascii('\r\n'),
  ]);

describe('recipients file encodings', () => {
  it('reads a GBK file with --encoding gbk or gb18030, names intact', () => {
    for (const encoding of ['gbk', 'gb18030'] as const) {
      const list = parseRecipients(decodeRecipients(gbkFile(), encoding));
      expect(list.recipients.map((r) => r.identity.value)).toEqual(['张三', '李四']);
    }
  });

  it('refuses a GBK file read as UTF-8, naming the line and suggesting --encoding gbk', () => {
    expect(() => decodeRecipients(gbkFile())).toThrow(
      /^line 2 is not valid UTF-8; this looks like GBK .*pass --encoding gbk$/,
    );
    expect(() => decodeRecipients(gbkFile(), 'utf-8')).toThrow(/^line 2 is not valid UTF-8/);
  });

  it('names the line of the first invalid byte in the chosen encoding', () => {
    // 0xFF never starts a GBK/GB18030 character, nor a UTF-8 one.
    const bytes = Uint8Array.from([...ascii('taobao_nick\nok\n'), ...GBK_LISI, ...ascii('\nab'), 0xff, 0x0a]);
    expect(() => decodeRecipients(bytes, 'gbk')).toThrow(/^line 4 is not valid GBK; check the file/);
    expect(() => decodeRecipients(bytes, 'gb18030')).toThrow(/^line 4 is not valid GB18030/);
    expect(() => decodeRecipients(bytes)).toThrow(
      /^line 3 is not valid UTF-8; pass --encoding gbk or gb18030/,
    );
  });

  it('reads UTF-8 with or without a BOM, and refuses a UTF-8 file read as GBK (it would garble names)', () => {
    const utf8 = Buffer.from('taobao_nick\n张三\n');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    for (const bytes of [utf8, withBom]) {
      const list = parseRecipients(decodeRecipients(bytes));
      expect(list.header).toEqual(['taobao_nick']);
      expect(list.recipients.map((r) => r.identity.value)).toEqual(['张三']);
    }
    expect(decodeRecipients(withBom, 'utf-8')).toBe('taobao_nick\n张三\n');
    expect(() => decodeRecipients(utf8, 'gbk')).toThrow(/^the file is valid UTF-8, not GBK/);
    expect(() => decodeRecipients(withBom, 'gbk')).toThrow(/UTF-8 byte order mark, but --encoding gbk/);
    // ASCII is the same in every encoding: nothing to refuse.
    expect(decodeRecipients(Buffer.from('user_id\n2088000000000001\n'), 'gbk')).toContain('2088');
  });

  it('skips a name garbled before it reached us (U+FFFD from an earlier conversion), never sends it', () => {
    const list = parseRecipients('taobao_nick\n\uFFFD\uFFFD三\n李四\n');
    expect(list.recipients.map((r) => r.identity.value)).toEqual(['李四']);
    expect(list.skipped).toEqual([
      { line: 2, reason: expect.stringMatching(/^taobao_nick ".*" contains U\+FFFD/) },
    ]);
  });

  it('refuses UTF-16 (Excel\'s "Unicode Text") with the way out', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('user_id\n', 'utf16le')]);
    expect(() => decodeRecipients(utf16)).toThrow(/^the file is UTF-16 .*save it as "CSV UTF-8"/);
  });

  it('loadRecipients decodes with the encoding it is given', async () => {
    const path = join(tempDir(), 'gbk.csv');
    writeFileSync(path, gbkFile());
    await expect(loadRecipients(path)).rejects.toThrow(/pass --encoding gbk/);
    expect((await loadRecipients(path, 'gbk')).recipients.map((r) => r.line)).toEqual([2, 3]);
  });
});

describe('recipients file columns and malformed rows', () => {
  it('refuses unknown columns, naming them, the near miss and the known ones', () => {
    expect(() => parseRecipients('user_id,loginid,memo\n2088000000000001,,hi\n')).toThrow(
      /^the recipients header has columns the app does not know: "loginid", "memo" \("loginid" looks like login_id\)\. The known columns are user_id, login_id, taobao_nick/,
    );
    expect(() => parseRecipients('user_id,amount\n')).toThrow(
      /a column the app does not know: "amount".*--amount/,
    );
    expect(() => parseRecipients('user_id,User_ID\n')).toThrow(/names user_id twice/);
  });

  it('accepts the empty columns Excel leaves, and skips a row with values beyond the header', () => {
    const list = parseRecipients('user_id,,\n2088000000000001,,\n2088000000000002,,x\n2088000000000003,4\n');
    expect(list.recipients.map((r) => r.line)).toEqual([2]);
    expect(list.skipped).toEqual([
      { line: 3, reason: 'a value in column 3, which has no name in the header' },
      { line: 4, reason: 'a value in column 2, which has no name in the header' },
    ]);
    const extra = parseRecipients('taobao_nick\n"a,b"\na,b\n');
    expect(extra.recipients.map((r) => r.identity.value)).toEqual(['a,b']);
    expect(extra.skipped[0]?.reason).toMatch(/^2 values, but the header names 1 columns \(an unquoted comma/);
  });

  it('reports an unclosed quote at the line where it opens, not at the end of the file', () => {
    const csv = [
      'user_id',
      '2088000000000001',
      '"2088000000000002',
      '2088000000000003',
      '2088000000000004',
      '',
    ];
    expect(() => parseRecipients(csv.join('\n'))).toThrow(
      /^line 3: a quoted value opens here and is never closed/,
    );
    expect(() => parseRecipients(csv.join('\r\n'))).toThrow(/^line 3: /);
    // A quoted value that spans lines legitimately, then one that never closes.
    const spans = ['login_id', '"a', 'b"', 'x@y.cn', '  "c@d.cn', 'e@f.cn', ''].join('\n');
    expect(() => parseRecipients(spans)).toThrow(/^line 5: a quoted value/);
  });

  it('reports other malformed quoting at its line', () => {
    expect(() => parseRecipients('user_id\n2088000000000001\n"2088000000000002"x\n')).toThrow(
      /^line 3: malformed CSV: /,
    );
  });
});
