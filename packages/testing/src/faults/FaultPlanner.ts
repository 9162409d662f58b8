import type { SubCode } from '@aopkit/types';
import type { FaultKind, FaultOptions, ScriptedOutcome } from '../FakeGateway.js';
import { mulberry32 } from './mulberry32.js';

/** What happens to one authenticated request, scripted or drawn. */
export interface Plan {
  fault?: FaultKind;
  scripted: boolean;
  latencyMs?: number;
  subCode?: SubCode;
  subMsg?: string;
  drop?: 'before' | 'after-issue';
}

const KINDS: readonly FaultKind[] = [
  'unknown-error',
  'system-error',
  'latency',
  'drop-before',
  'drop-after-issue',
];
const DEFAULT_LATENCY_MS = 100;

function planOfKind(kind: FaultKind, latencyMs: number): Plan {
  switch (kind) {
    case 'unknown-error':
      return { fault: kind, scripted: false, subCode: 'isp.unknow-error' };
    case 'system-error':
      return { fault: kind, scripted: false, subCode: 'SYSTEM_ERROR' };
    case 'latency':
      return { fault: kind, scripted: false, latencyMs };
    case 'drop-before':
      return { fault: kind, scripted: false, drop: 'before' };
    case 'drop-after-issue':
      return { fault: kind, scripted: false, drop: 'after-issue' };
  }
}

/** The FaultKind a scripted outcome amounts to, for the log (other sub codes have none). */
function kindOfScript(outcome: ScriptedOutcome): FaultKind | undefined {
  if ('drop' in outcome) return outcome.drop === 'before' ? 'drop-before' : 'drop-after-issue';
  if ('subCode' in outcome) {
    if (outcome.subCode === 'isp.unknow-error') return 'unknown-error';
    if (outcome.subCode === 'SYSTEM_ERROR') return 'system-error';
    return undefined;
  }
  return 'latency';
}

function validate(options: FaultOptions | undefined): [FaultKind, number][] {
  if (!options) return [];
  if (!(options.rate >= 0 && options.rate <= 1)) throw new RangeError('faults.rate must be between 0 and 1');
  const weights = KINDS.map(
    (kind) => [kind, options.kinds ? (options.kinds[kind] ?? 0) : 1] as [FaultKind, number],
  );
  if (weights.some(([, w]) => !(w >= 0))) throw new RangeError('faults.kinds weights must be numbers ≥ 0');
  if (options.rate > 0 && !weights.some(([, w]) => w > 0))
    throw new RangeError('faults.kinds: give one weight > 0');
  return weights.filter(([, w]) => w > 0);
}

/**
 * Decides each authenticated request's fate: the next scripted outcome if any (FIFO), else a seeded
 * draw. With faults on, every request consumes one random number for "fault or not" (and one more
 * for the kind), so the same seed and the same request sequence always give the same faults.
 */
export class FaultPlanner {
  readonly #weights: [FaultKind, number][];
  readonly #total: number;
  readonly #rand: () => number;
  #script: ScriptedOutcome[] = [];

  constructor(
    readonly seed: number,
    readonly options: FaultOptions | undefined,
  ) {
    this.#weights = validate(options);
    this.#total = this.#weights.reduce((sum, [, w]) => sum + w, 0);
    this.#rand = mulberry32(seed);
  }

  push(outcome: ScriptedOutcome): void {
    if (typeof outcome !== 'object' || outcome === null)
      throw new TypeError('nextCall: outcome must be an object');
    this.#script.push(outcome);
  }

  next(): Plan | undefined {
    // Draw first, even when a script overrides it: scripting one call must not shift later faults.
    const drawn = this.#draw();
    const scripted = this.#script.shift();
    if (scripted) return { ...scripted, fault: kindOfScript(scripted), scripted: true };
    return drawn;
  }

  #draw(): Plan | undefined {
    if (!this.options || this.options.rate === 0 || this.#rand() >= this.options.rate) return undefined;
    const latencyMs = this.options.latencyMs ?? DEFAULT_LATENCY_MS;
    let pick = this.#rand() * this.#total;
    for (const [kind, weight] of this.#weights) {
      pick -= weight;
      if (pick < 0) return planOfKind(kind, latencyMs);
    }
    return planOfKind(this.#weights.at(-1)![0], latencyMs);
  }
}
