import type { FakeApp, FakeGatewayFixtures } from '../FakeGatewayCore.js';
import type { KeyFiles } from './writeKeysDir.js';

/** Everything the banner tells: where the fake listens, the app to sign with, the keys, the fixtures. */
export interface ServerFacts {
  url: string;
  controlUrl: string;
  /** The console page, in a browser: the requests live, the state, the faults. */
  consoleUrl: string;
  /** The app a client signs with: the first of the fixtures, or one registered at start. */
  app: Pick<FakeApp, 'appId' | 'privateKey' | 'signType' | 'encryptKey'>;
  otherApps: readonly FakeApp[];
  alipayPublicKey: string;
  fixtures: FakeGatewayFixtures;
  /** The files --keys-dir wrote, absolute paths. */
  keyFiles?: KeyFiles;
}

const CERT_MODE = " (certificate mode: the gateway's alipayPublicCert and alipayRootCert)";

/** The banner: everything a client needs to talk to the fake, keys included (they are fake). */
export function describeServer(facts: ServerFacts): string {
  const { app, fixtures } = facts;
  const otherApps = facts.otherApps.map((o) => `  ${o.appId}${o.appCert ? CERT_MODE : ''}`);
  const templates = (fixtures.templates ?? []).map(
    (t) => `  ${t.template_id} (${t.type ?? 'voucher'}${t.expired ? ', expired' : ''})`,
  );
  const users = (fixtures.users ?? []).map((u) =>
    [
      `  ${u.user_id}`,
      u.login_id && `login_id=${u.login_id}`,
      u.taobao_nick && `taobao_nick=${u.taobao_nick}`,
      u.frozen && 'frozen',
    ]
      .filter(Boolean)
      .join(' '),
  );
  const keyFiles = Object.values(facts.keyFiles ?? {}).map((path) => `  ${path}`);
  return [
    'aopkit fake Alipay gateway (alipay.marketing.voucher.send) is listening.',
    '',
    `gateway URL: ${facts.url}`,
    `control API: ${facts.controlUrl} (reset, next-call, vouchers, requests, templates, users, apps)`,
    `console:     ${facts.consoleUrl} (open it in a browser: requests live, state, faults)`,
    `app_id:      ${app.appId} (sign_type ${app.signType ?? 'RSA2'})`,
    '',
    'NOTE: the keys below are FAKE TEST KEYS, printed on purpose. They only work with this fake;',
    'never use them (or real keys) with the real Alipay gateway.',
    '',
    'App private key (PKCS#8; alipay-sdk: keyType "PKCS8"):',
    app.privateKey?.trim() ?? '(not in the fixtures file: use the private key that matches its public key)',
    '',
    ...(app.encryptKey ? ['AES content key (encryptKey):', app.encryptKey.trim(), ''] : []),
    'Alipay public key (verify responses with it):',
    facts.alipayPublicKey.trim(),
    '',
    ...(keyFiles.length ? ['Key files:', ...keyFiles, ''] : []),
    ...(otherApps.length ? ['Other apps:', ...otherApps] : []),
    'Templates:',
    ...(templates.length ? templates : ['  (none)']),
    'Users:',
    ...(users.length ? users : ['  (none)']),
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}

/** The banner as one JSON object (`--json`): the same facts, field names as the JavaScript API's. */
export function describeServerJson(facts: ServerFacts) {
  const { app, fixtures } = facts;
  return {
    event: 'listening' as const,
    url: facts.url,
    controlUrl: facts.controlUrl,
    consoleUrl: facts.consoleUrl,
    appId: app.appId,
    signType: app.signType ?? 'RSA2',
    ...(app.privateKey === undefined ? {} : { appPrivateKey: app.privateKey }),
    ...(app.encryptKey === undefined ? {} : { encryptKey: app.encryptKey }),
    alipayPublicKey: facts.alipayPublicKey,
    ...(facts.keyFiles ? { keyFiles: facts.keyFiles } : {}),
    otherApps: facts.otherApps.map((o) => ({
      appId: o.appId,
      signType: o.signType ?? 'RSA2',
      certificateMode: o.appCert !== undefined,
    })),
    templates: fixtures.templates ?? [],
    users: fixtures.users ?? [],
  };
}
