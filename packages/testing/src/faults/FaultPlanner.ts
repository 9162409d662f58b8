import type { FaultKind, ScriptedOutcome } from '../FakeGatewayCore.js';
import { verdictOf } from '../response/verdicts.js';
import type { FaultPlan } from './checkFaultOptions.js';
import { checkScript, type Script } from './checkScript.js';
import { mulberry32 } from './mulberry32.js';

/** What happens to one authenticated request, scripted or drawn. */
export interface Plan extends Script {
  fault?: FaultKind;
  scripted: boolean;
}

function planOfKind(kind: FaultKind, latencyMs: number): Plan {
  switch (kind) {
    case 'unknown-error':
      return { fault: kind, scripted: false, verdict: verdictOf('isp.unknow-error') };
    case 'system-error':
      return { fault: kind, scripted: false, verdict: verdictOf('SYSTEM_ERROR') };
    case 'latency':
      return { fault: kind, scripted: false, latencyMs };
    case 'drop-before':
      return { fault: kind, scripted: false, drop: 'before' };
    case 'drop-after-issue':
      return { fault: kind, scripted: false, drop: 'after-issue' };
  }
}

/** The FaultKind a scripted outcome amounts to, for the log (other sub codes have none). */
function kindOfScript(script: Script): FaultKind | undefined {
  if (script.drop) return script.drop === 'before' ? 'drop-before' : 'drop-after-issue';
  if (script.verdict) {
    if (script.verdict.sub_code === 'isp.unknow-error') return 'unknown-error';
    if (script.verdict.sub_code === 'SYSTEM_ERROR') return 'system-error';
    return undefined;
  }
  return 'latency';
}

/**
 * Decides each authenticated request's fate: the next scripted outcome if any (FIFO), else a seeded
 * draw. With faults on, every request consumes one random number for "fault or not" (and one more
 * for the kind), so the same seed and the same request sequence always give the same faults.
 */
export class FaultPlanner {
  #faults: FaultPlan | undefined;
  #total = 0;
  readonly #rand: () => number;
  readonly #script: Plan[] = [];

  /** `faults` as checkFaultOptions returns it. */
  constructor(
    readonly seed: number,
    faults: FaultPlan | undefined,
  ) {
    this.#rand = mulberry32(seed);
    this.setFaults(faults);
  }

  /** The seeded fault settings in force (undefined: none). */
  get faults(): FaultPlan | undefined {
    return this.#faults;
  }

  /**
   * Replaces the seeded fault settings (checked by checkFaultOptions). The random stream goes on where
   * it was: changing the rate mid-run does not replay earlier draws.
   */
  setFaults(faults: FaultPlan | undefined): void {
    this.#faults = faults;
    this.#total = faults?.weights.reduce((sum, [, w]) => sum + w, 0) ?? 0;
  }

  /** How many scripted outcomes wait for the next calls. */
  get scriptedCount(): number {
    return this.#script.length;
  }

  /** Queues a scripted outcome, checked now: a malformed one throws FakeGatewayError (ERR_FAKE_SCRIPT). */
  push(outcome: ScriptedOutcome): void {
    const script = checkScript(outcome);
    this.#script.push({ ...script, fault: kindOfScript(script), scripted: true });
  }

  next(): Plan | undefined {
    // Draw first, even when a script overrides it: scripting one call must not shift later faults.
    const drawn = this.#draw();
    return this.#script.shift() ?? drawn;
  }

  #draw(): Plan | undefined {
    const faults = this.faults;
    if (!faults || faults.rate === 0 || this.#rand() >= faults.rate) return undefined;
    let pick = this.#rand() * this.#total;
    for (const [kind, weight] of faults.weights) {
      pick -= weight;
      if (pick < 0) return planOfKind(kind, faults.latencyMs);
    }
    return planOfKind(faults.weights.at(-1)![0], faults.latencyMs);
  }
}
