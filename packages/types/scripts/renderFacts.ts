import type { Facts } from './buildFacts';

type Literal =
  | string
  | number
  | boolean
  | readonly Literal[]
  | { readonly [key: string]: Literal | undefined };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function quote(text: string): string {
  const escaped = text
    .replaceAll('\\', '\\\\')
    .replaceAll("'", "\\'")
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
  return `'${escaped}'`;
}

/** A TypeScript literal: objects one key per line, arrays on one line, undefined keys left out. */
function literal(value: Literal, indent = ''): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => literal(item, indent)).join(', ')}]`;
  const inner = `${indent}  `;
  const lines = Object.entries(value as Record<string, Literal | undefined>)
    .filter((entry): entry is [string, Literal] => entry[1] !== undefined)
    .map(([key, item]) => `${inner}${IDENTIFIER.test(key) ? key : quote(key)}: ${literal(item, inner)},`);
  return lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${indent}}`;
}

/** Puts each entry's keys in one fixed order, whatever order the spec wrote them in; drops the others. */
function ordered<T extends object>(table: Record<string, T>, keys: readonly (keyof T)[]) {
  return Object.fromEntries(
    Object.entries(table).map(([name, entry]) => [name, Object.fromEntries(keys.map((k) => [k, entry[k]]))]),
  ) as Record<string, Literal>;
}

/** One key of each entry: `{ name: entry[key] }`. */
function column<T extends object, K extends keyof T>(table: Record<string, T>, key: K) {
  return Object.fromEntries(Object.entries(table).map(([name, entry]) => [name, entry[key]])) as Record<
    string,
    Literal
  >;
}

// The runtime tables hold what validation and error handling read (error messages are built from a
// code's English meaning and advice); the rest of the documentation (descriptions, the Chinese sub_msg)
// sits in tables of its own, so a bundler drops it from code that never reads it.
const FIELD_KEYS = ['required', 'maxLength', 'pattern', 'enum', 'sends'] as const;
const RESULT_KEYS = ['msg', 'meaning', 'advice', 'retryable'] as const;
const RESULT_HANDLING_KEYS = ['msg', 'meaning', 'advice', 'retryable'] as const;
const SUB_CODE_KEYS = ['code', 'subMsg', 'meaning', 'advice', 'retryable'] as const;
const SUB_CODE_HANDLING_KEYS = ['meaning', 'advice', 'retryable'] as const;

/** The TypeScript source of facts.gen.ts (without its header). Deterministic: same facts, same text. */
export function renderFacts(facts: Facts): string {
  const rules = (table: Facts['commonParams']) => literal(ordered(table, FIELD_KEYS));
  const descriptions = (table: Facts['commonParams']) => literal(column(table, 'description'));
  return `/** The operation's \`method\` parameter. */
export const METHOD = ${quote(facts.method)} as const;

/** The key of the operation's response node: the method with dots as underscores, plus \`_response\`. */
export const RESPONSE_NODE = ${quote(facts.responseNode)} as const;

/** The key under which gateway-level failures may come instead of the response node. */
export const ERROR_RESPONSE_NODE = ${quote(facts.errorResponseNode)} as const;

/** The operation's path: every call is a POST (or GET) to it. */
export const GATEWAY_PATH = ${quote(facts.gatewayPath)} as const;

/** The gateway URL of each environment: the spec's server plus the operation's path. */
export const GATEWAYS = ${literal(facts.gateways)} as const;

/** The rules the spec declares for one string field of the wire (its description is in a table of its own). */
export interface FieldRule {
  readonly required: boolean;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  /**
   * The values aopkit sends, a subset of \`enum\` (\`x-aopkit-sends\`): the gateway also takes other
   * spellings (the Java SDK's \`UTF-8\`, \`json\`), signed as sent.
   */
  readonly sends?: readonly string[];
}

/** The rules of every common request parameter (CommonRequestParams), \`biz_content\` included. */
export const COMMON_PARAMS = ${rules(facts.commonParams)} as const satisfies Record<string, FieldRule>;

/** What each common request parameter is, as the spec describes it: the keys of {@link COMMON_PARAMS}. */
export const COMMON_PARAM_DESCRIPTIONS = ${descriptions(facts.commonParams)} as const satisfies Record<keyof typeof COMMON_PARAMS, string>;

/** The rules of the business parameters carried as JSON text in \`biz_content\` (VoucherSendBizContent). */
export const BIZ_CONTENT_FIELDS = ${rules(facts.bizContentFields)} as const satisfies Record<string, FieldRule>;

/** What each business parameter is, as the spec describes it: the keys of {@link BIZ_CONTENT_FIELDS}. */
export const BIZ_CONTENT_DESCRIPTIONS = ${descriptions(facts.bizContentFields)} as const satisfies Record<keyof typeof BIZ_CONTENT_FIELDS, string>;

/** At least one of these must be present; when several are, the first in this order wins. */
export const IDENTITY_FIELDS = ${literal(facts.identityFields)} as const;

/** The fields the response node adds on success; \`required\` means present whenever code is 10000. */
export const RESPONSE_FIELDS = ${rules(facts.responseFields)} as const satisfies Record<string, FieldRule>;

/** What each response field is, as the spec describes it: the keys of {@link RESPONSE_FIELDS}. */
export const RESPONSE_FIELD_DESCRIPTIONS = ${descriptions(facts.responseFields)} as const satisfies Record<keyof typeof RESPONSE_FIELDS, string>;

/** What a result or sub code means, what to do about it, and whether the same request may be sent again. */
export interface CodeHandling {
  /** What the code means: one short English sentence, such as "The voucher template has expired." */
  readonly meaning: string;
  /** What to do about it, in English. */
  readonly advice: string;
  /** Whether sending the same request again (same \`out_biz_no\`) may succeed. */
  readonly retryable: boolean;
}

/** What a gateway result code means, what to do about it, and whether the same request may be sent again. */
export interface ResultCodeInfo extends CodeHandling {
  /** The gateway's \`msg\` for this code (English, such as "Business Failed"). */
  readonly msg: string;
}

/** Every result code (\`code\`) of the gateway, documented. */
export const RESULT_CODES = ${literal(ordered(facts.resultCodes, RESULT_KEYS))} as const satisfies Record<string, ResultCodeInfo>;

/**
 * {@link RESULT_CODES} as code that handles failures reads them: the gateway's \`msg\`, the English
 * meaning and advice, and the retry verdict.
 */
export const RESULT_CODE_HANDLING = ${literal(ordered(facts.resultCodes, RESULT_HANDLING_KEYS))} as const satisfies Record<ResultCode, CodeHandling & { readonly msg: string }>;

/** What a detailed result code means: its result code, the gateway's Chinese sub_msg, and advice. */
export interface SubCodeInfo extends CodeHandling {
  /** The result code this sub code comes with. */
  readonly code: string;
  /** The gateway's Chinese \`sub_msg\` for it. */
  readonly subMsg: string;
}

/** The public sub codes of the gateway and the operation's business ones, documented. */
export const SUB_CODES = ${literal(ordered(facts.subCodes, SUB_CODE_KEYS))} as const satisfies Record<string, SubCodeInfo>;

/**
 * {@link SUB_CODES} as code that handles failures reads them: the English meaning and advice and the retry
 * verdict, without the result code and the Chinese \`sub_msg\`.
 */
export const SUB_CODE_HANDLING = ${literal(ordered(facts.subCodes, SUB_CODE_HANDLING_KEYS))} as const satisfies Record<SubCode, CodeHandling>;

/** The operation's own sub codes, those that come with code 40004 (Business Failed). */
export const BUSINESS_SUB_CODES = ${literal(facts.businessSubCodes)} as const;

/** A result code the spec declares. */
export type ResultCode = keyof typeof RESULT_CODES;

/** A sub code the spec declares; the gateway may send others. */
export type SubCode = keyof typeof SUB_CODES;
`;
}
