import { BIZ_CONTENT_FIELDS, type FieldRule, IDENTITY_FIELDS } from '@aopkit/types';
import type { Verdict } from '../FakeGatewayCore.js';
import { invalidParameter } from '../response/verdicts.js';

type BizField = keyof typeof BIZ_CONTENT_FIELDS;
/** biz_content once checked: every present field as a string. */
export type BizContent = Partial<Record<BizField, string>> & { template_id: string; out_biz_no: string };

const RULES: ReadonlyArray<readonly [BizField, FieldRule]> = Object.entries(BIZ_CONTENT_FIELDS) as never;
const PATTERNS = new Map(
  RULES.flatMap(([name, rule]) => (rule.pattern ? [[name, new RegExp(rule.pattern)]] : [])),
);

/**
 * A field's value as text. Strings only, except `amount`, which may be a bare JSON number as in the
 * reference page's Java sample; its text must still match `#.00` (so 9.99 passes, 10.00 — parsed as
 * 10 — does not: send "10.00").
 */
function textOf(name: BizField, value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (name === 'amount' && typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function checkField(name: BizField, rule: FieldRule, value: unknown): Verdict | string | undefined {
  if (value === undefined || value === null || value === '') {
    return rule.required ? invalidParameter(`缺少必选参数 ${name}`, `${name} is required`) : undefined;
  }
  const text = textOf(name, value);
  if (text === undefined) return invalidParameter(`${name} 必须是字符串`, `${name} must be a string`);
  if (rule.maxLength !== undefined && text.length > rule.maxLength) {
    return invalidParameter(
      `${name} 超过最大长度 ${rule.maxLength}`,
      `${name} is longer than ${rule.maxLength} characters`,
    );
  }
  if (PATTERNS.get(name)?.test(text) === false) {
    return invalidParameter(`${name} 格式错误`, `${name} does not match ${rule.pattern}`);
  }
  if (rule.enum && !rule.enum.includes(text)) {
    return invalidParameter(`${name} 取值无效`, `${name} must be one of ${rule.enum.join(', ')}`);
  }
  return text;
}

/**
 * JSON.parse as the gateway's parser reads biz_content: fastjson skips one leading U+FEFF (a UTF-8
 * BOM, as left by a JSON file saved with one), where JSON.parse refuses it. The text itself keeps
 * it: the signature was checked over it.
 */
export function parseBizJson(text: string): unknown {
  return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
}

/** Parses biz_content and checks it against the spec's field rules (40004 INVALID_PARAMETER). */
export function checkBizContent(raw: string | undefined): { biz: BizContent } | { verdict: Verdict } {
  if (raw === undefined || raw === '') {
    return { verdict: invalidParameter('缺少必选参数 biz_content', 'biz_content is required') };
  }
  let parsed: unknown;
  try {
    parsed = parseBizJson(raw);
  } catch {
    return { verdict: invalidParameter('biz_content 不是合法的 JSON', 'biz_content is not valid JSON') };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { verdict: invalidParameter('biz_content 必须是 JSON 对象', 'biz_content must be a JSON object') };
  }
  const input = parsed as Record<string, unknown>;
  // additionalProperties: false in the spec; it also catches camelCase keys such as templateId.
  const unknown = Object.keys(input).find((key) => !Object.hasOwn(BIZ_CONTENT_FIELDS, key));
  if (unknown !== undefined)
    return { verdict: invalidParameter(`不支持的参数 ${unknown}`, `unknown field ${unknown}`) };
  const biz: Partial<Record<BizField, string>> = {};
  for (const [name, rule] of RULES) {
    const result = checkField(name, rule, input[name]);
    if (typeof result === 'object') return { verdict: result };
    if (result !== undefined) biz[name] = result;
  }
  if (!IDENTITY_FIELDS.some((field) => biz[field] !== undefined)) {
    const names = IDENTITY_FIELDS.join(', ');
    return {
      verdict: invalidParameter(`${IDENTITY_FIELDS.join('、')} 不能同时为空`, `one of ${names} is required`),
    };
  }
  return { biz: biz as BizContent };
}
