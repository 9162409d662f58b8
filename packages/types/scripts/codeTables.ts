import { propertiesOf } from './fieldRules';
import {
  derefObject,
  isObject,
  type JsonObject,
  nonEmptyString,
  SpecError,
  segment,
  stringArray,
} from './specAccess';

/** One x-result-codes entry. */
export interface ResultCodeFact {
  msg: string;
  meaning: string;
  advice: string;
  retryable: boolean;
}

/** One x-sub-codes entry (`sub_msg` becomes `subMsg`). */
export interface SubCodeFact {
  code: string;
  subMsg: string;
  meaning: string;
  advice: string;
  retryable: boolean;
}

/** The x-result-codes table of the response node's `code` schema; its keys must be exactly the enum. */
export function resultCodesOf(spec: JsonObject, success: JsonObject, pointer: string) {
  const props = propertiesOf(success, pointer);
  const code = derefObject(spec, props.code, `${pointer}/properties/code`, 'schema of code');
  const codes = stringArray(code.node.enum, `${code.pointer}/enum`, 'the code enum');
  const table = code.node['x-result-codes'];
  const at = `${code.pointer}/x-result-codes`;
  if (!isObject(table)) throw new SpecError(at, 'missing x-result-codes');
  const keys = Object.keys(table);
  if (keys.length !== codes.length || !codes.every((c) => keys.includes(c))) {
    throw new SpecError(at, `keys [${keys.join(', ')}] must be exactly the code enum [${codes.join(', ')}]`);
  }
  const result: Record<string, ResultCodeFact> = {};
  for (const key of codes) {
    const { strings, meaning, advice, retryable } = described(table[key], `${at}/${segment(key)}`, ['msg']);
    result[key] = { msg: strings.msg!, meaning, advice, retryable };
  }
  return result;
}

/** The x-sub-codes table of the response node's `sub_code` schema; each entry names a declared code. */
export function subCodesOf(
  spec: JsonObject,
  success: JsonObject,
  pointer: string,
  codes: Record<string, unknown>,
) {
  const props = propertiesOf(success, pointer);
  const subCode = derefObject(spec, props.sub_code, `${pointer}/properties/sub_code`, 'schema of sub_code');
  const at = `${subCode.pointer}/x-sub-codes`;
  const table = subCode.node['x-sub-codes'];
  if (!isObject(table) || Object.keys(table).length === 0) throw new SpecError(at, 'missing x-sub-codes');
  const result: Record<string, SubCodeFact> = {};
  for (const [key, entry] of Object.entries(table)) {
    const entryAt = `${at}/${segment(key)}`;
    const { strings, meaning, advice, retryable } = described(entry, entryAt, ['code', 'sub_msg']);
    const code = strings.code!;
    if (!(code in codes)) throw new SpecError(entryAt, `code ${code} is not a result code`);
    result[key] = { code, subMsg: strings.sub_msg!, meaning, advice, retryable };
  }
  return result;
}

// Every key an entry may hold. Any other (a misspelt `meanning`, a `zh` note) would silently not reach
// the generated tables.
const ENTRY_KEYS = new Set(['code', 'msg', 'sub_msg', 'meaning', 'advice', 'retryable']);
// Error messages are built from `meaning` and `advice`: English only, the gateway's Chinese stays in
// `msg` / `sub_msg`. Han characters and CJK or full-width punctuation are refused.
const NOT_ENGLISH = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const MAX_MEANING = 120;

/** English text: no Chinese characters or full-width punctuation. */
function english(value: unknown, pointer: string, what: string): string {
  const text = nonEmptyString(value, pointer, what);
  const found = NOT_ENGLISH.exec(text);
  if (found)
    throw new SpecError(
      pointer,
      `${what} must be English, found "${found[0]}" (keep Chinese in msg / sub_msg)`,
    );
  return text;
}

/** An x-result-codes / x-sub-codes entry: meaning, advice, retryable, plus the named string keys. */
function described(entry: unknown, pointer: string, keys: string[]) {
  if (!isObject(entry)) throw new SpecError(pointer, 'must be an object');
  for (const key of Object.keys(entry)) {
    if (!ENTRY_KEYS.has(key) || (!keys.includes(key) && ['code', 'msg', 'sub_msg'].includes(key))) {
      throw new SpecError(
        pointer,
        `key ${key} is not carried into the generated tables: teach scripts/codeTables.ts to carry it, or drop it`,
      );
    }
  }
  if (typeof entry.retryable !== 'boolean') throw new SpecError(pointer, 'retryable must be a boolean');
  const strings: Record<string, string> = {};
  for (const key of keys) strings[key] = nonEmptyString(entry[key], pointer, key);
  const meaning = english(entry.meaning, pointer, 'meaning');
  // One short sentence: error messages start with it.
  if (!meaning.endsWith('.') || meaning.length > MAX_MEANING) {
    throw new SpecError(
      pointer,
      `meaning must be one sentence ending in "." of at most ${MAX_MEANING} characters`,
    );
  }
  return {
    strings,
    meaning,
    advice: english(entry.advice, pointer, 'advice'),
    retryable: entry.retryable,
  };
}
