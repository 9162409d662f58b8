import { FakeGatewayError } from '../errors/FakeGatewayError.js';
import type { FaultKind, FaultOptions } from '../FakeGatewayCore.js';
import { isRecord } from '../options/ownFields.js';
import { checkLatency, shown } from './checkLatency.js';

/** Every fault kind, in the order the draw weighs them. */
export const FAULT_KINDS: readonly FaultKind[] = [
  'unknown-error',
  'system-error',
  'latency',
  'drop-before',
  'drop-after-issue',
];
const KEYS = ['rate', 'kinds', 'latencyMs'] as const satisfies readonly (keyof FaultOptions)[];
/** The delay of a `latency` fault when `faults.latencyMs` is not given. */
export const DEFAULT_LATENCY_MS = 100;

/** Seeded faults once checked: the rate, the kinds that can happen with their weights, the delay. */
export interface FaultPlan {
  rate: number;
  weights: [FaultKind, number][];
  latencyMs: number;
}

const fail = (field: string, message: string): FakeGatewayError =>
  new FakeGatewayError(`${field} ${message}`, { code: 'ERR_FAKE_CONFIG', field });

/**
 * Checks createFakeGateway's `faults` (own properties only): unknown keys and kinds are refused with
 * the known ones listed, `rate` is 0..1, weights are numbers ≥ 0 with one > 0 when rate > 0. Without
 * `kinds` every kind weighs 1. Throws FakeGatewayError (`ERR_FAKE_CONFIG`) naming the field.
 */
export function checkFaultOptions(options: unknown): FaultPlan | undefined {
  if (options === undefined) return undefined;
  if (!isRecord(options))
    throw fail('faults', `must be an object { rate, kinds?, latencyMs? } (got ${shown(options)})`);
  const unknown = Object.keys(options).find((key) => !(KEYS as readonly string[]).includes(key));
  if (unknown !== undefined) throw fail(`faults.${unknown}`, `is not an option; known: ${KEYS.join(', ')}`);
  const own = (key: string): unknown => (Object.hasOwn(options, key) ? options[key] : undefined);
  const rate = own('rate');
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    throw fail('faults.rate', `must be a number between 0 and 1 (got ${shown(rate)})`);
  }
  const kinds = own('kinds');
  if (kinds !== undefined && !isRecord(kinds)) {
    throw fail('faults.kinds', `must be an object of weights by kind (got ${shown(kinds)})`);
  }
  if (kinds) {
    const unknownKind = Object.keys(kinds).find((kind) => !(FAULT_KINDS as readonly string[]).includes(kind));
    if (unknownKind !== undefined) {
      throw fail(`faults.kinds.${unknownKind}`, `is not a fault kind; known: ${FAULT_KINDS.join(', ')}`);
    }
  }
  const weights = FAULT_KINDS.map((kind): [FaultKind, number] => {
    const weight = kinds ? (Object.hasOwn(kinds, kind) ? kinds[kind] : 0) : 1;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw fail(`faults.kinds.${kind}`, `must be a number ≥ 0 (got ${shown(weight)})`);
    }
    return [kind, weight];
  });
  if (rate > 0 && !weights.some(([, w]) => w > 0)) {
    throw fail('faults.kinds', `needs one weight > 0 when rate is above 0; kinds: ${FAULT_KINDS.join(', ')}`);
  }
  const latency = own('latencyMs');
  return {
    rate,
    weights: weights.filter(([, w]) => w > 0),
    latencyMs:
      latency === undefined
        ? DEFAULT_LATENCY_MS
        : checkLatency(latency, 'faults.latencyMs', 'ERR_FAKE_CONFIG'),
  };
}
