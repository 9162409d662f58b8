import { certSerialNumber, rootCertSerialNumber } from '@aopkit/signer';
import { stateRegistry } from './control/stateRegistry.js';
import { coreRegistry } from './coreRegistry.js';
import { DROP } from './DROP.js';
import type {
  FakeApp,
  FakeGatewayCore,
  FakeGatewayOptions,
  RegisteredApp,
  RequestLogEntry,
} from './FakeGateway.js';
import { FaultPlanner } from './faults/FaultPlanner.js';
import { DEMO_ALIPAY_PUBLIC_CERT, DEMO_ALIPAY_ROOT_CERT } from './keys/demoCerts.js';
import { DEMO_ALIPAY_KEYS } from './keys/demoKeys.js';
import { processRequest } from './pipeline/processRequest.js';
import type { PipelineContext } from './pipeline/runPipeline.js';
import type { RawRequest } from './request/readParams.js';
import { createResponseSigners } from './response/createResponseSigners.js';
import { type AppKey, AppRecord } from './state/AppRecord.js';
import { generateAppKeys, publicKeyOfCert, toPem } from './state/appKeys.js';
import { generateEncryptKey } from './state/encryptKey.js';
import { GatewayState } from './state/GatewayState.js';
import { appIdOf, voucherIdOf } from './state/ids.js';

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
  const state = new GatewayState();
  const apps = new Map<string, AppRecord>();
  const faults = new FaultPlanner(seed, options.faults);
  const logLimit = options.requestLogLimit ?? Number.POSITIVE_INFINITY;
  let vouchersIssued = 0;
  let appsGenerated = 0;
  let seq = 0;
  let log: RequestLogEntry[] = [];

  const ctx: PipelineContext = {
    state,
    apps,
    faults,
    now,
    nextVoucherId: () => voucherIdOf(seed, ++vouchersIssued),
    ...(publicCert && rootCert
      ? { alipayCertSn: certSerialNumber(publicCert), alipayRootCertSn: rootCertSerialNumber(rootCert) }
      : {}),
  };

  function keyOf(app: Pick<FakeApp, 'appId' | 'publicKey' | 'appCert'>): AppKey {
    if (app.appCert !== undefined) {
      if (!ctx.alipayCertSn)
        throw new Error(`app ${app.appId}: certificate mode needs alipayKeys.publicCert and rootCert`);
      return { appCert: app.appCert };
    }
    if (app.publicKey !== undefined) return { publicKey: app.publicKey };
    throw new TypeError(`app ${app.appId}: give publicKey or appCert`);
  }

  function applyFixtures(): void {
    state.load(fixtures);
    for (const [i, app] of (fixtures.apps ?? []).entries()) {
      if (typeof app !== 'object' || app === null || typeof app.appId !== 'string' || app.appId === '') {
        throw new TypeError(`apps[${i}]: must be an object with a non-empty appId`);
      }
      apps.set(app.appId, new AppRecord(app.appId, keyOf(app), app.signType ?? 'RSA2', app.encryptKey));
    }
  }

  async function core(raw: RawRequest) {
    const { outcome, entry } = await processRequest(ctx, signers, raw, ++seq);
    log.push(entry);
    if (log.length > logLimit) log.splice(0, log.length - logLimit);
    options.onRequest?.(entry);
    return outcome;
  }

  async function handle(request: Request): Promise<Response | typeof DROP> {
    const body = new Uint8Array(await request.arrayBuffer());
    const outcome = await core({ url: request.url, contentType: request.headers.get('content-type'), body });
    if (outcome === DROP) return DROP;
    return new Response(outcome.body, {
      status: outcome.status,
      headers: { 'content-type': outcome.contentType },
    });
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

  applyFixtures();
  const gateway: FakeGatewayCore = {
    handle,
    registerApp,
    alipayPublicKey,
    ...(publicCert && rootCert ? { alipayPublicCert: publicCert, alipayRootCert: rootCert } : {}),
    addTemplate: (template) => state.addTemplate(template),
    addUser: (user) => state.addUser(user),
    expireTemplate: (templateId) => state.expireTemplate(templateId),
    freezeUser: (userId) => state.freezeUser(userId),
    nextCall: (outcome) => faults.push(outcome),
    get vouchers() {
      return state.vouchers;
    },
    get requests() {
      return log;
    },
    // Apps added with registerApp stay: a test holds their keys across resets, like a console config.
    reset() {
      applyFixtures();
      faults.reset();
      vouchersIssued = 0;
      seq = 0;
      log = [];
    },
  };
  coreRegistry.set(gateway, core);
  stateRegistry.set(gateway, {
    templates: () => [...state.templates.values()].map((t) => ({ ...t })),
    users: () => state.listUsers(),
  });
  return gateway;
}
