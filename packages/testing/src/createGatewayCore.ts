import { certSerialNumber, rootCertSerialNumber } from '@aopkit/signer';
import { coreRegistry } from './coreRegistry.js';
import { DROP } from './DROP.js';
import type { FakeApp, FakeGatewayCore, FakeGatewayOptions, RegisteredApp } from './FakeGateway.js';
import { DEMO_ALIPAY_PUBLIC_CERT, DEMO_ALIPAY_ROOT_CERT } from './keys/demoCerts.js';
import { DEMO_ALIPAY_KEYS } from './keys/demoKeys.js';
import { type Outcome, processRequest } from './pipeline/processRequest.js';
import type { PipelineContext } from './pipeline/runPipeline.js';
import type { RawRequest } from './request/readParams.js';
import { createResponseSigners } from './response/createResponseSigners.js';
import { type AppKey, AppRecord } from './state/AppRecord.js';
import { generateAppKeys, publicKeyOfCert, toPem } from './state/appKeys.js';
import { Epoch } from './state/Epoch.js';
import { generateEncryptKey } from './state/encryptKey.js';
import { appIdOf } from './state/ids.js';

/**
 * The whole fake gateway but its MSW handlers: state, pipeline, `handle()`, control methods. It
 * imports nothing from msw, at any depth, so the loopback server and the CLI run where msw is not
 * installed; createFakeGateway adds the handlers. `baseUrls` is accepted and only used for those.
 */
export function createGatewayCore(options: FakeGatewayOptions = {}): FakeGatewayCore {
  const seed = options.seed ?? 1;
  const now = options.now ?? (() => new Date());
  const fixtures = options.fixtures ?? {};
  const alipayKeys = options.alipayKeys ?? {
    ...DEMO_ALIPAY_KEYS,
    publicCert: DEMO_ALIPAY_PUBLIC_CERT,
    rootCert: DEMO_ALIPAY_ROOT_CERT,
  };
  const { publicCert, rootCert } = alipayKeys;
  const signers = createResponseSigners(alipayKeys.privateKey);
  const alipayPublicKey = toPem(alipayKeys.publicKey);
  const apps = new Map<string, AppRecord>();
  const logLimit = options.requestLogLimit ?? Number.POSITIVE_INFINITY;
  let appsGenerated = 0;

  // What every epoch's pipeline shares: the apps (they survive reset) and the certificate SNs.
  const shared = {
    apps,
    now,
    ...(publicCert && rootCert
      ? { alipayCertSn: certSerialNumber(publicCert), alipayRootCertSn: rootCertSerialNumber(rootCert) }
      : {}),
  };

  function keyOf(app: Pick<FakeApp, 'appId' | 'publicKey' | 'appCert'>): AppKey {
    if (app.appCert !== undefined) {
      if (!shared.alipayCertSn)
        throw new Error(`app ${app.appId}: certificate mode needs alipayKeys.publicCert and rootCert`);
      return { appCert: app.appCert };
    }
    if (app.publicKey !== undefined) return { publicKey: app.publicKey };
    throw new TypeError(`app ${app.appId}: give publicKey or appCert`);
  }

  function loadApps(): void {
    for (const [i, app] of (fixtures.apps ?? []).entries()) {
      if (typeof app !== 'object' || app === null || typeof app.appId !== 'string' || app.appId === '') {
        throw new TypeError(`apps[${i}]: must be an object with a non-empty appId`);
      }
      apps.set(app.appId, new AppRecord(app.appId, keyOf(app), app.signType ?? 'RSA2', app.encryptKey));
    }
  }

  /** A new epoch, with the fixtures loaded, and the pipeline context of its requests. */
  function newEpoch(): { epoch: Epoch; ctx: PipelineContext } {
    const epoch = new Epoch(seed, fixtures, options.faults, logLimit);
    const ctx = { ...shared, state: epoch.state, faults: epoch.faults, nextVoucherId: epoch.nextVoucherId };
    return { epoch, ctx };
  }

  let current = newEpoch();
  loadApps();
  const inFlight = new Set<Promise<unknown>>();

  /** Runs one request from its arrival: it takes the current epoch and its seq now, before anything. */
  function arrive(read: () => Promise<RawRequest>): Promise<Outcome> {
    const { epoch, ctx } = current;
    const seq = epoch.log.reserve();
    const run = (async () => {
      const { outcome, entry } = await processRequest(ctx, signers, await read(), seq);
      epoch.log.complete(entry);
      // A request that outlived its epoch is not reported: its entry belongs to a log nobody reads.
      if (epoch === current.epoch) options.onRequest?.(entry);
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

  function registerApp(app: Parameters<FakeGatewayCore['registerApp']>[0] = {}): RegisteredApp {
    const signType = app.signType ?? 'RSA2';
    const generated =
      app.publicKey === undefined && app.appCert === undefined ? generateAppKeys() : undefined;
    const appId = app.appId ?? appIdOf(seed, ++appsGenerated);
    const key = keyOf({ appId, publicKey: app.publicKey ?? generated?.publicKey, appCert: app.appCert });
    const encryptKey = app.encryptKey === true ? generateEncryptKey() : app.encryptKey;
    // Throws AlipayKeyError on a bad public key, a TypeError naming encryptKey on a bad AES key.
    const record = new AppRecord(appId, key, signType, encryptKey);
    apps.set(appId, record);
    const publicKey = 'appCert' in key ? publicKeyOfCert(key.appCert) : key.publicKey;
    return {
      appId,
      publicKey,
      signType,
      ...(generated ? { privateKey: generated.privateKey } : {}),
      ...(record.appCertSn ? { appCertSn: record.appCertSn } : {}),
      ...(record.encryptKey ? { encryptKey: record.encryptKey } : {}),
    };
  }

  const gateway: FakeGatewayCore = {
    handle,
    idle,
    registerApp,
    alipayPublicKey,
    ...(publicCert && rootCert ? { alipayPublicCert: publicCert, alipayRootCert: rootCert } : {}),
    addTemplate: (template) => current.epoch.state.addTemplate(template),
    addUser: (user) => current.epoch.state.addUser(user),
    expireTemplate: (templateId) => current.epoch.state.expireTemplate(templateId),
    freezeUser: (userId) => current.epoch.state.freezeUser(userId),
    nextCall: (outcome) => current.epoch.faults.push(outcome),
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
      loadApps();
    },
  };
  coreRegistry.set(gateway, core);
  return gateway;
}
