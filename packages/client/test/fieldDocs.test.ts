// What an editor shows for a send() call, asked of the TypeScript language service as an editor asks it:
// the hover text of each field (its description and limit, from the spec) and the error of a call with
// no identity. The client's types come from the built @aopkit/types, as users get them.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('..', import.meta.url));
const FILE = fileURLToPath(new URL('./__editor__.ts', import.meta.url));
const MARK = '/*@*/';

/** A language service over the client's tsconfig, with one in-memory file. */
function editor(source: string) {
  const config = ts.getParsedCommandLineOfConfigFile(
    `${DIR}tsconfig.json`,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('no tsconfig');
  const read = (path: string) => (path === FILE ? source : ts.sys.readFile(path));
  const service = ts.createLanguageService({
    getScriptFileNames: () => [FILE],
    getScriptVersion: () => '1',
    getScriptSnapshot: (path) => {
      const text = read(path);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => DIR,
    getCompilationSettings: () => config.options,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (path) => path === FILE || ts.sys.fileExists(path),
    readFile: read,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  });
  return {
    /** The hover text (signature, documentation, tags) of each field marked with `/*@*\/`. */
    hovers(): Record<string, string> {
      const out: Record<string, string> = {};
      for (const match of source.matchAll(/\/\*@\*\/(\w+)/g)) {
        const info = service.getQuickInfoAtPosition(FILE, match.index + MARK.length);
        out[match[1]!] = [
          ts.displayPartsToString(info?.displayParts),
          ts.displayPartsToString(info?.documentation),
        ].join('\n');
      }
      return out;
    },
    /** The file's type errors, as the editor prints them. */
    errors: () =>
      service.getSemanticDiagnostics(FILE).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
  };
}

const HEAD = `import type { AlipayClient } from '../src/index.js';
declare const client: AlipayClient;
const send = client.marketing.voucher.send;
`;

describe('send() in an editor', () => {
  it("shows each field's description and limit when hovered", () => {
    const hovers = editor(
      `${HEAD}send({ ${MARK}template_id: 'T', ${MARK}out_biz_no: 'o', ${MARK}user_id: '2088', ` +
        `${MARK}login_id: 'a@b.c', ${MARK}amount: 9.99, ${MARK}memo: 'm' });\n`,
    ).hovers();
    expect(hovers.template_id).toMatch(/The voucher template id \(券模板ID\)\. Max 28 characters\./);
    expect(hovers.out_biz_no).toMatch(/the idempotency key .* Max 64 characters\./);
    expect(hovers.user_id).toMatch(
      /^\(property\) user_id: string\nThe Alipay user id \(支付宝用户ID, 2088…\)\. .* Max 16 characters\./,
    );
    expect(hovers.login_id).toMatch(/The Alipay login id, .* Max 128 characters\./);
    expect(hovers.amount).toMatch(
      /^\(property\) amount\?: string \| number \| undefined\nThe voucher amount in yuan .* Max 10 characters\. Pattern: /,
    );
    expect(hovers.memo).toMatch(/A free-text note on the voucher \(发券备注\)\. Max 128 characters\./);
  });

  it('shows them in a call with another identity too, for every field but that identity', () => {
    // With login_id alone, the union's user_id branch still matches the literal: TypeScript then finds two
    // declarations of login_id and shows none. Every other field keeps its documentation.
    const hovers = editor(
      `${HEAD}send({ ${MARK}template_id: 'T', out_biz_no: 'o', login_id: 'x', ${MARK}memo: 'm' });\n`,
    ).hovers();
    expect(hovers.template_id).toMatch(/Max 28 characters\./);
    expect(hovers.memo).toMatch(/Max 128 characters\./);
  });

  it('names user_id first when a call has no identity', () => {
    const { errors } = editor(`${HEAD}send({ template_id: 'T', out_biz_no: 'o' });\n`);
    const [error, ...others] = errors();
    expect(others).toEqual([]);
    expect(error).toMatch(
      /Property 'user_id' is missing in type '\{ template_id: string; out_biz_no: string; \}'/,
    );
    expect(error!.indexOf('user_id')).toBeLessThan(error!.search(/login_id|taobao_nick|$/));
  });

  it('still accepts several identity fields, and refuses an unknown one', () => {
    const { errors } = editor(
      `${HEAD}declare const maybe: string | undefined;
send({ template_id: 'T', out_biz_no: 'o', user_id: 'u', login_id: 'l', taobao_nick: 'n' });
send({ template_id: 'T', out_biz_no: 'o', user_id: maybe, login_id: 'l' });
send({ template_id: 'T', out_biz_no: 'o', login_id: 'l', taobao_nick: 'n', amount: '9.99' });
send({ template_id: 'T', out_biz_no: 'o', user_id: 'u', userId: 'u' });\n`,
    );
    expect(errors()).toEqual([
      expect.stringMatching(/'userId' does not exist in type .*Did you mean to write 'user_id'\?/),
    ]);
  });
});
