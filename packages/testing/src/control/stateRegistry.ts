import type { FakeGatewayCore, FakeTemplate, FakeUser } from '../FakeGateway.js';

/** What the control API lists that the gateway's public shape does not show. */
export interface StateView {
  templates(): FakeTemplate[];
  users(): FakeUser[];
}

/**
 * Each gateway's templates and users, as copies, kept off the public object (as coreRegistry keeps the
 * raw entry point): `GET /__aopkit/templates` and `/users` read them.
 */
export const stateRegistry = new WeakMap<FakeGatewayCore, StateView>();
