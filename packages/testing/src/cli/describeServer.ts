import type { FakeApp, FakeGatewayFixtures } from '../FakeGateway.js';

/** The banner: everything a client needs to talk to the fake, keys included (they are fake). */
export function describeServer(
  url: string,
  [app, ...others]: readonly FakeApp[],
  alipayPublicKey: string,
  fixtures: FakeGatewayFixtures,
) {
  if (!app) throw new Error('describeServer: no app');
  const otherApps = others.map(
    (o) =>
      `  ${o.appId}${o.appCert ? " (certificate mode: the gateway's alipayPublicCert and alipayRootCert)" : ''}`,
  );
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
  return [
    'aopkit fake Alipay gateway (alipay.marketing.voucher.send) is listening.',
    '',
    `gateway URL: ${url}`,
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
    alipayPublicKey.trim(),
    '',
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
