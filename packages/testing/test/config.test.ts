// Configuration errors are typed (FakeGatewayError), name the field, and read own properties only.
import { AlipayKeyError, AopkitError } from '@aopkit/signer';
import { describe, expect, it } from 'vitest';
import { createFakeGateway, DEMO_APP_KEYS, demoFixtures, FakeGatewayError } from '../src/index.js';
import { demoApp, okBiz } from './helpers/app.js';
import { buildRequest } from './helpers/buildRequest.js';
import { readAnswer } from './helpers/readAnswer.js';

/** The FakeGatewayError `call` throws. */
function thrown(call: () => unknown): FakeGatewayError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(FakeGatewayError);
    expect(error).toBeInstanceOf(AopkitError);
    return error as FakeGatewayError;
  }
  throw new Error('expected a FakeGatewayError, nothing was thrown');
}

const app = { appId: '2021000000000500', publicKey: DEMO_APP_KEYS.publicKey };

describe('createFakeGateway refuses what it does not know (ERR_FAKE_CONFIG)', () => {
  it.each([
    [
      'an unknown option',
      { fixture: {} },
      'fixture',
      /^createFakeGateway: unknown key fixture; known: seed, baseUrls, alipayKeys, fixtures, faults, now, onRequest, requestLogLimit$/,
    ],
    ['options that are not an object', 'demo', 'createFakeGateway', /must be an object/],
    ['a seed that is not a number', { seed: '7' }, 'seed', /seed must be a finite number \(got "7"\)/],
    ['baseUrls not an array', { baseUrls: 'https://gw.example' }, 'baseUrls', /must be an array/],
    ['a base URL that is not a URL', { baseUrls: ['gw.example'] }, 'baseUrls[0]', /must be an absolute URL/],
    ['a negative requestLogLimit', { requestLogLimit: -1 }, 'requestLogLimit', /whole number ≥ 0 \(got -1\)/],
    ['now that is not a function', { now: new Date() }, 'now', /now must be a function \(got an object\)/],
    ['onRequest that is not a function', { onRequest: 'log' }, 'onRequest', /must be a function/],
    [
      'an unknown fixtures list',
      { fixtures: { template: [] } },
      'fixtures.template',
      /^fixtures: unknown key template; known: apps, templates, users$/,
    ],
    [
      'a fixtures list that is not an array',
      { fixtures: { users: {} } },
      'fixtures.users',
      /fixtures.users must be an array/,
    ],
    [
      'an unknown alipayKeys key',
      { alipayKeys: { privateKey: 'k', publicKey: 'k', cert: 'c' } },
      'alipayKeys.cert',
      /unknown key cert/,
    ],
    [
      'alipayKeys without publicKey',
      { alipayKeys: { privateKey: 'k' } },
      'alipayKeys.publicKey',
      /alipayKeys.publicKey must be a non-empty PEM or base64 string \(got nothing\)/,
    ],
    [
      'an unknown template key',
      { fixtures: { templates: [{ template_id: 'T', expird: true }] } },
      'fixtures.templates[0].expird',
      /^templates\[0\]: unknown key expird; known: template_id, type, expired$/,
    ],
    [
      'an unknown user key',
      { fixtures: { users: [{ user_id: 'U', frozn: true }] } },
      'fixtures.users[0].frozn',
      /^users\[0\]: unknown key frozn/,
    ],
    [
      'an unknown app key',
      { fixtures: { apps: [{ ...app, publickey: 'x' }] } },
      'fixtures.apps[0].publickey',
      /^apps\[0\]: unknown key publickey; known: appId, publicKey, appCert, privateKey, signType, encryptKey$/,
    ],
    [
      'an app signType the fake does not know',
      { fixtures: { apps: [{ ...app, signType: 'RSA256' }] } },
      'fixtures.apps[0].signType',
      /signType must be one of RSA2, RSA \(got "RSA256"\)/,
    ],
    [
      'an app without a key',
      { fixtures: { apps: [{ appId: 'x' }] } },
      'fixtures.apps[0].publicKey',
      /give publicKey or appCert/,
    ],
    [
      'an app publicKey that is not text',
      { fixtures: { apps: [{ appId: 'x', publicKey: 42 }] } },
      'fixtures.apps[0].publicKey',
      /publicKey must be a string \(got a number\)/,
    ],
  ] as const)('%s', (_, options, field, message) => {
    const error = thrown(() => createFakeGateway(options as never));
    expect(error).toMatchObject({ code: 'ERR_FAKE_CONFIG', field });
    expect(error.message).toMatch(message);
  });

  it('a key given where it should not be is never echoed', () => {
    const privateKey = DEMO_APP_KEYS.privateKey;
    const error = thrown(() => createFakeGateway({ alipayKeys: { privateKey, publicKey: 42 as never } }));
    expect(error.message).not.toContain('PRIVATE KEY');
    const bad = thrown(() =>
      createFakeGateway({ fixtures: { apps: [{ appId: 'x', publicKey: [privateKey] as never }] } }),
    );
    expect(bad.message).not.toContain('PRIVATE KEY');
  });

  it('undefined options count as absent', () => {
    expect(() =>
      createFakeGateway({ seed: undefined, faults: undefined, fixtures: undefined }),
    ).not.toThrow();
  });
});

describe('own properties only', () => {
  it('an inherited option or fixture field is never read', () => {
    const idOf = (gateway: ReturnType<typeof createFakeGateway>) =>
      gateway.registerApp({ publicKey: app.publicKey }).appId;
    const inherited = Object.create({
      seed: 5,
      fixtures: { templates: [{ template_id: 'INHERITED' }] },
    }) as never;
    const gateway = createFakeGateway(inherited);
    expect(idOf(gateway)).toBe(idOf(createFakeGateway())); // seed 1's ids, not seed 5's
    expect(idOf(createFakeGateway({ seed: 5 }))).not.toBe(idOf(createFakeGateway()));
    expect(() => gateway.expireTemplate('INHERITED')).toThrow(
      expect.objectContaining({ code: 'ERR_FAKE_STATE' }),
    );
  });

  it('a user entry whose frozen is inherited is not frozen', async () => {
    const user = Object.assign(Object.create({ frozen: true }), { user_id: '2088000000000600' });
    const gateway = createFakeGateway({ fixtures: { ...demoFixtures, users: [user] } });
    const biz = okBiz('own-1', { user_id: '2088000000000600' });
    const answer = await readAnswer(await gateway.handle(await buildRequest({ app: demoApp, biz })), gateway);
    expect(answer.node.code).toBe('10000');
  });
});

describe('calls on the gateway', () => {
  const gateway = createFakeGateway({ fixtures: demoFixtures });

  it('expireTemplate / freezeUser of something the fake does not hold: ERR_FAKE_STATE, listing what it holds', () => {
    const template = thrown(() => gateway.expireTemplate('TPL_TYPO'));
    expect(template).toMatchObject({ code: 'ERR_FAKE_STATE', field: 'expireTemplate' });
    expect(template.message).toMatch(
      /^expireTemplate: no template "TPL_TYPO"; the fake holds .*TPL_VOUCHER_ACTIVE/,
    );
    const user = thrown(() => gateway.freezeUser('2088'));
    expect(user).toMatchObject({ code: 'ERR_FAKE_STATE', field: 'freezeUser' });
    expect(user.message).toMatch(/^freezeUser: no user "2088"; the fake holds 2088302001456115/);
  });

  it('registerApp refuses an unknown key, a bad signType or appId, a bad encryptKey', () => {
    expect(
      thrown(() => gateway.registerApp({ publicKey: app.publicKey, sign_type: 'RSA2' } as never)),
    ).toMatchObject({
      code: 'ERR_FAKE_CONFIG',
      field: 'registerApp.sign_type',
    });
    expect(
      thrown(() => gateway.registerApp({ publicKey: app.publicKey, signType: 'MD5' as never })).field,
    ).toBe('registerApp.signType');
    expect(thrown(() => gateway.registerApp({ appId: '', publicKey: app.publicKey })).field).toBe(
      'registerApp.appId',
    );
    expect(thrown(() => gateway.registerApp({ publicKey: app.publicKey, encryptKey: 'short' })).field).toBe(
      'registerApp.encryptKey',
    );
    expect(
      thrown(() => gateway.registerApp({ publicKey: app.publicKey, encryptKey: 5 as never })).field,
    ).toBe('registerApp.encryptKey');
    // A malformed key stays the signer's typed error (an AopkitError too).
    expect(() => gateway.registerApp({ publicKey: 'not a key' })).toThrow(AlipayKeyError);
  });

  it('addTemplate / addUser refuse an unknown key', () => {
    expect(thrown(() => gateway.addTemplate({ template_id: 'T', expird: true } as never)).field).toBe(
      'addTemplate.expird',
    );
    expect(thrown(() => gateway.addUser({ user_id: 'U', loginId: 'x' } as never)).field).toBe(
      'addUser.loginId',
    );
  });
});
