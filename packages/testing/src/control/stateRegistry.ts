import type { FakeGatewayCore, FakeTemplate, FakeUser, RequestLogEntry } from '../FakeGatewayCore.js';
import type { FaultPlan } from '../faults/checkFaultOptions.js';

/** What changed in a gateway, as the control API's event stream tells it. */
export type GatewayEvent =
  | { type: 'request'; entry: RequestLogEntry }
  | { type: 'state'; what: 'templates' | 'users' | 'script' | 'faults' }
  | { type: 'reset' };

/** What the control API lists and steers that the gateway's public shape does not show. */
export interface StateView {
  templates(): FakeTemplate[];
  users(): FakeUser[];
  /** The seeded fault settings in force (undefined: none). */
  faults(): FaultPlan | undefined;
  /** Replaces them, checked as the `faults` option is (FakeGatewayError ERR_FAKE_CONFIG naming the field). */
  setFaults(options: unknown): FaultPlan | undefined;
  /** How many scripted outcomes wait. */
  scriptedCount(): number;
  /** Calls `listener` on every change until the returned function is called. */
  subscribe(listener: (event: GatewayEvent) => void): () => void;
}

/**
 * Each gateway's templates, users, fault settings and changes, kept off the public object (as
 * coreRegistry keeps the raw entry point): the control API reads them.
 */
export const stateRegistry = new WeakMap<FakeGatewayCore, StateView>();
