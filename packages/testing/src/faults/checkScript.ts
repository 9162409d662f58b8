import { SUB_CODES, type SubCode } from '@aopkit/types';
import { FakeGatewayError } from '../errors/FakeGatewayError.js';
import type { ScriptedOutcome, Verdict } from '../FakeGatewayCore.js';
import { verdictOf } from '../response/verdicts.js';
import { checkLatency, shown } from './checkLatency.js';

/** A scripted outcome once checked: what it does to the request it is applied to. */
export interface Script {
  latencyMs?: number;
  verdict?: Verdict;
  drop?: 'before' | 'after-issue';
}

const DROPS = ['before', 'after-issue'] as const;
const SHAPES =
  '{ sub_code, sub_msg?, latencyMs? }, { code, msg, sub_code?, sub_msg?, latencyMs? }, ' +
  '{ drop: "before" | "after-issue", latencyMs? } or { latencyMs }';
// The keys each shape takes, named by the key that selects it.
const KEYS = {
  drop: ['drop', 'latencyMs'],
  code: ['code', 'msg', 'sub_code', 'sub_msg', 'latencyMs'],
  sub_code: ['sub_code', 'sub_msg', 'latencyMs'],
  latencyMs: ['latencyMs'],
} as const;
// The camelCase spellings of an earlier version, refused with the right name.
const RENAMED: Readonly<Record<string, string>> = { subCode: 'sub_code', subMsg: 'sub_msg' };

const fail = (field: string, message: string): FakeGatewayError =>
  new FakeGatewayError(`nextCall: ${message}`, { code: 'ERR_FAKE_SCRIPT', field: `nextCall.${field}` });

function checkText(value: unknown, field: string, rule: 'non-empty' | 'any'): string {
  if (typeof value !== 'string' || (rule === 'non-empty' && value === '')) {
    throw fail(
      field,
      `${field} must be a${rule === 'non-empty' ? ' non-empty' : ''} string (got ${shown(value)})`,
    );
  }
  return value;
}

/** An explicit outcome, for codes the tables do not know: sent as given. */
function fullVerdict(get: (key: string) => unknown): Verdict {
  const code = get('code');
  if (typeof code !== 'string' || !/^\d+$/.test(code)) {
    throw fail('code', `code must be a string of digits, such as "40004" (got ${shown(code)})`);
  }
  if (code === '10000') {
    throw fail('code', 'code "10000" is a success, which needs a voucher: leave the call unscripted');
  }
  const msg = checkText(get('msg'), 'msg', 'non-empty');
  const subCode =
    get('sub_code') === undefined ? undefined : checkText(get('sub_code'), 'sub_code', 'non-empty');
  const subMsg = get('sub_msg') === undefined ? undefined : checkText(get('sub_msg'), 'sub_msg', 'any');
  return {
    code,
    msg,
    ...(subCode === undefined ? {} : { sub_code: subCode }),
    ...(subMsg === undefined ? {} : { sub_msg: subMsg }),
  };
}

/** A sub code the tables know, with its code, msg and sub_msg (or the sub_msg given). */
function knownVerdict(get: (key: string) => unknown): Verdict {
  const subCode = get('sub_code');
  if (typeof subCode !== 'string' || !Object.hasOwn(SUB_CODES, subCode)) {
    throw fail(
      'sub_code',
      `unknown sub_code ${shown(subCode)}; known: ${Object.keys(SUB_CODES).join(', ')}. ` +
        'For a code these do not list, script a full outcome { code, msg, sub_code?, sub_msg? }',
    );
  }
  const verdict = verdictOf(subCode as SubCode);
  const subMsg = get('sub_msg');
  return subMsg === undefined ? verdict : { ...verdict, sub_msg: checkText(subMsg, 'sub_msg', 'any') };
}

/**
 * Checks a scripted outcome when it is scripted, so a typo fails the test at the nextCall() line
 * rather than inside the fake, mid-request. Throws FakeGatewayError (`ERR_FAKE_SCRIPT`) naming the key
 * and the values it takes. Reads own properties only.
 */
export function checkScript(outcome: ScriptedOutcome | unknown): Script {
  if (typeof outcome !== 'object' || outcome === null || Array.isArray(outcome)) {
    throw fail('outcome', `the outcome must be an object, one of ${SHAPES} (got ${shown(outcome)})`);
  }
  const given = Object.keys(outcome);
  const get = (key: string): unknown =>
    Object.hasOwn(outcome, key) ? (outcome as Record<string, unknown>)[key] : undefined;
  for (const key of given) {
    if (Object.hasOwn(RENAMED, key)) {
      throw fail(
        key,
        `${key} is spelled ${RENAMED[key]}, in snake_case as the gateway and AlipayApiError spell it`,
      );
    }
  }
  if (given.length === 0) throw fail('outcome', `an empty outcome scripts nothing; give one of ${SHAPES}`);
  const shape = (Object.keys(KEYS) as (keyof typeof KEYS)[]).find((key) => given.includes(key));
  if (!shape) throw fail(given[0]!, `unknown key ${given[0]}; an outcome is one of ${SHAPES}`);
  const allowed: readonly string[] = KEYS[shape];
  const unknown = given.find((key) => !allowed.includes(key));
  if (unknown !== undefined) {
    const hint = shape === 'sub_code' && unknown === 'msg' ? ' (a full outcome needs code too)' : '';
    throw fail(
      unknown,
      `unknown key ${unknown} beside ${shape}${hint}; this outcome takes ${allowed.join(', ')}`,
    );
  }
  const latency = get('latencyMs');
  const script: Script =
    latency === undefined
      ? {}
      : { latencyMs: checkLatency(latency, 'nextCall.latencyMs', 'ERR_FAKE_SCRIPT') };
  if (shape === 'drop') {
    const drop = get('drop');
    if (!(DROPS as readonly unknown[]).includes(drop)) {
      throw fail('drop', `drop must be "before" or "after-issue" (got ${shown(drop)})`);
    }
    return { ...script, drop: drop as 'before' | 'after-issue' };
  }
  if (shape === 'code') return { ...script, verdict: fullVerdict(get) };
  if (shape === 'sub_code') return { ...script, verdict: knownVerdict(get) };
  return script;
}
