// Runs the README's usage example as written, against a fetch that plays the gateway with real
// crypto: it checks the request's signature and signs its answer.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalize, createSigner, createVerifier } from '../src/index.js';
import { appPrivateKeyPkcs1Pem, appPrivateKeyPkcs8Bare, appPublicKeyPem } from './helpers/fixtures.js';

const README = fileURLToPath(new URL('../README.md', import.meta.url));
const SCRATCH = fileURLToPath(new URL('../.vitest/', import.meta.url));
const SOURCE = fileURLToPath(new URL('../src/index.ts', import.meta.url));

function readmeExample(): string {
  const block = /```ts\n([\s\S]*?)```/.exec(readFileSync(README, 'utf8'))?.[1];
  if (!block) throw new Error('README has no ```ts block');
  return block.replace("from '@aopkit/signer'", `from ${JSON.stringify(SOURCE)}`);
}

/** A gateway stand-in: 40002 on a bad signature, else a signed success. "Alipay" uses the fixture app key. */
function fakeGateway() {
  const requestVerifier = createVerifier({ alipayPublicKey: appPublicKeyPem });
  const alipay = createSigner({ privateKey: appPrivateKeyPkcs1Pem });
  return async (_url: string | URL | Request, init?: RequestInit) => {
    const form = Object.fromEntries(new URLSearchParams(String(init?.body)));
    const ok = await requestVerifier.verify(canonicalize(form), form.sign ?? '');
    const node = ok
      ? '{"code":"10000","msg":"Success","voucher_id":"2024060100000001","user_id":"2088102122524333"}'
      : '{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-signature"}';
    return new Response(
      `{"alipay_marketing_voucher_send_response":${node},"sign":"${await alipay.signString(node)}"}`,
    );
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('README usage example', () => {
  it('runs as written and gets a verified success', async () => {
    vi.stubEnv('ALIPAY_APP_PRIVATE_KEY', appPrivateKeyPkcs8Bare);
    vi.stubEnv('ALIPAY_PUBLIC_KEY', appPublicKeyPem);
    vi.stubEnv('ALIPAY_APP_ID', '2021000000000000');
    vi.stubGlobal('fetch', fakeGateway());
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    mkdirSync(SCRATCH, { recursive: true });
    const file = `${SCRATCH}readme-example.ts`;
    writeFileSync(file, readmeExample());
    await import(/* @vite-ignore */ file);
    expect(log).toHaveBeenCalledWith(
      true,
      expect.objectContaining({ code: '10000', voucher_id: '2024060100000001' }),
    );
  });
});
