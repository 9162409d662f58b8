import type { FaultPlanner } from '../faults/FaultPlanner.js';
import type { AppRecord } from '../state/AppRecord.js';
import type { GatewayState } from '../state/GatewayState.js';

/** What the pipeline reads and changes. */
export interface PipelineContext {
  state: GatewayState;
  apps: ReadonlyMap<string, AppRecord>;
  faults: FaultPlanner;
  now: () => Date;
  nextVoucherId: () => string;
  /** Certificate mode: the fake Alipay certificate's SN and the root bundle's SNs. */
  alipayCertSn?: string;
  alipayRootCertSn?: string;
}
