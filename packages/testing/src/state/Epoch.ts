import type { FaultPlan } from '../faults/checkFaultOptions.js';
import { FaultPlanner } from '../faults/FaultPlanner.js';
import { GatewayState } from './GatewayState.js';
import { voucherIdOf } from './ids.js';
import { RequestLog } from './RequestLog.js';

/**
 * One life of the gateway's mutable state, from creation or a reset to the next reset: templates,
 * users, vouchers and idempotency records, the fault script and random draws, the voucher id counter
 * and the request log. A request takes the current epoch when it arrives and writes only into it, so
 * a request still in flight when reset() starts a new epoch writes into the old one, which nothing
 * reads any more: the state that follows never sees it (its answer is still sent).
 */
export class Epoch {
  readonly state = new GatewayState();
  readonly faults: FaultPlanner;
  readonly log: RequestLog;
  #vouchersIssued = 0;

  constructor(
    readonly seed: number,
    fixtures: { templates: readonly unknown[]; users: readonly unknown[] },
    faults: FaultPlan | undefined,
    logLimit: number,
  ) {
    this.state.load(fixtures);
    this.faults = new FaultPlanner(seed, faults);
    this.log = new RequestLog(logLimit);
  }

  /** The next voucher id of this epoch: the first one after a reset is the seed's first again. */
  nextVoucherId = (): string => voucherIdOf(this.seed, ++this.#vouchersIssued);
}
