import { certSerialNumber, rootCertSerialNumber } from '@aopkit/signer';
import { type GatewayEvent, stateRegistry } from './control/stateRegistry.js';
import { coreRegistry } from './coreRegistry.js';
import { DROP } from './DROP.js';
import type { FakeGatewayCore, FakeGatewayOptions } from './FakeGatewayCore.js';
import { checkFaultOptions } from './faults/checkFaultOptions.js';
import { checkOptions } from './options/checkOptions.js';
import type { PipelineContext } from './pipeline/PipelineContext.js';
import { type Outcome, processRequest } from './pipeline/processRequest.js';
import type { RawRequest } from './request/readParams.js';
import { createResponseSigners } from './response/createResponseSigners.js';
import { AppRegistry } from './state/AppRegistry.js';
import { toPem } from './state/appKeys.js';
import { Epoch } from './state/Epoch.js';

/**
 * The whole fake gateway but its MSW handlers: state, pipeline, `handle()`, control methods. It
 * imports nothing from msw, at any depth, so the loopback server and the CLI run where msw is not
 * installed; createFakeGateway adds the handlers. `baseUrls` is accepted and only used for those.
 */
export function createGatewayCore(options: FakeGatewayOptions = {}): FakeGatewayCore {
  const { seed, now, fixtures, alipayKeys, faults, onRequest, requestLogLimit } = checkOptions(options);
  const { publicCert, rootCert } = alipayKeys;
  const signers = createResponseSigners(alipayKeys.privateKey);
  const alipayPublicKey = toPem(alipayKeys.publicKey);
  const registry = new AppRegistry(seed, Boolean(publicCert && rootCert));

  // What every epoch's pipeline shares: the apps (they survive reset) and the certificate SNs.
  const shared = {
    apps: registry.apps,
    now,
    ...(publicCert && rootCert
      ? { alipayCertSn: certSerialNumber(publicCert), alipayRootCertSn: rootCertSerialNumber(rootCert) }
      : {}),
  };

  /** A new epoch, with the fixtures loaded, and the pipeline context of its requests. */
  function newEpoch(): { epoch: Epoch; ctx: PipelineContext } {
    const epoch = new Epoch(seed, fixtures, faults, requestLogLimit);
    const ctx = { ...shared, state: epoch.state, faults: epoch.faults, nextVoucherId: epoch.nextVoucherId };
    return { epoch, ctx };
  }

  let current = newEpoch();
  registry.load(fixtures.apps);
  const inFlight = new Set<Promise<unknown>>();
  // The control API's event stream listens here; a listener that throws never breaks the gateway.
  const listeners = new Set<(event: GatewayEvent) => void>();
  const emit = (event: GatewayEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {}
    }
  };
  /** `change` on the current epoch, then an event saying what changed (only when it did not throw). */
  const changing =
    <A extends unknown[]>(what: 'templates' | 'users' | 'script', change: (...args: A) => void) =>
    (...args: A) => {
      change(...args);
      emit({ type: 'state', what });
    };

  /** Runs one request from its arrival: it takes the current epoch and its seq now, before anything. */
  function arrive(read: () => Promise<RawRequest>): Promise<Outcome> {
    const { epoch, ctx } = current;
    const seq = epoch.log.reserve();
    const run = (async () => {
      const { outcome, entry } = await processRequest(ctx, signers, await read(), seq);
      epoch.log.complete(entry);
      // A request that outlived its epoch is not reported: its entry belongs to a log nobody reads.
      if (epoch === current.epoch) {
        onRequest?.(entry);
        emit({ type: 'request', entry });
      }
      return outcome;
    })();
    inFlight.add(run);
    const done = () => inFlight.delete(run);
    run.then(done, done);
    return run;
  }

  const core = (raw: RawRequest) => arrive(async () => raw);

  function handle(request: Request): Promise<Response | typeof DROP> {
    return arrive(async () => ({
      url: request.url,
      contentType: request.headers.get('content-type'),
      body: new Uint8Array(await request.arrayBuffer()),
    })).then((outcome) =>
      outcome === DROP
        ? DROP
        : new Response(outcome.body, {
            status: outcome.status,
            headers: { 'content-type': outcome.contentType },
          }),
    );
  }

  async function idle(): Promise<void> {
    // Requests that arrive meanwhile are waited for too.
    while (inFlight.size > 0) await Promise.allSettled(inFlight);
  }

  const gateway: FakeGatewayCore = {
    handle,
    idle,
    registerApp: (app) => registry.register(app),
    alipayPublicKey,
    ...(publicCert && rootCert ? { alipayPublicCert: publicCert, alipayRootCert: rootCert } : {}),
    addTemplate: changing('templates', (template) => current.epoch.state.addTemplate(template)),
    addUser: changing('users', (user) => current.epoch.state.addUser(user)),
    expireTemplate: changing('templates', (templateId) => current.epoch.state.expireTemplate(templateId)),
    freezeUser: changing('users', (userId) => current.epoch.state.freezeUser(userId)),
    nextCall: changing('script', (outcome) => current.epoch.faults.push(outcome)),
    get vouchers() {
      return current.epoch.state.vouchers;
    },
    get requests() {
      return current.epoch.log.entries;
    },
    // A new epoch: requests in flight finish in the old one. Apps added with registerApp stay (a test
    // holds their keys across resets, like a console config); the fixtures' apps are loaded again.
    reset() {
      current = newEpoch();
      registry.load(fixtures.apps);
      emit({ type: 'reset' });
    },
  };
  coreRegistry.set(gateway, core);
  stateRegistry.set(gateway, {
    templates: () => [...current.epoch.state.templates.values()].map((t) => ({ ...t })),
    users: () => current.epoch.state.listUsers(),
    faults: () => current.epoch.faults.faults,
    // Until the next reset, which restores the `faults` option (the state after start).
    setFaults: (options) => {
      const plan = checkFaultOptions(options);
      current.epoch.faults.setFaults(plan);
      emit({ type: 'state', what: 'faults' });
      return plan;
    },
    scriptedCount: () => current.epoch.faults.scriptedCount,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return gateway;
}
