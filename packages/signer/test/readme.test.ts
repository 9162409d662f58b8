// Runs the README's usage example as written, against a fetch that plays the gateway with real
// crypto: it checks the request's signature and signs its answer.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalize, createSigner, createVerifier } from '../src/index.js';
import {
  alipayPublicKeyPem,
  appPrivateKeyPkcs1Pem,
  appPrivateKeyPkcs8Bare,
  appPublicKeyPem,
} from './helpers/fixtures.js';

const README = fileURLToPath(new URL('../README.md', import.meta.url));
const SCRATCH = fileURLToPath(new URL('../.vitest/', import.meta.url));
const SOURCE = fileURLToPath(new URL('../src/index.ts', import.meta.url));

/** The README's `index`-th ```ts block, importing the source instead of the package. */
function readmeExample(index = 0): string {
  const block = [...readFileSync(README, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)][index]?.[1];
  if (!block) throw new Error(`README has no ${index + 1}th \`\`\`ts block`);
  return block.replace("from '@aopkit/signer'", `from ${JSON.stringify(SOURCE)}`);
}

/** Writes a README example to a scratch file and imports it (a fresh name each time: no module cache). */
async function runExample(index: number, name: string): Promise<void> {
  mkdirSync(SCRATCH, { recursive: true });
  const file = `${SCRATCH}${name}.ts`;
  writeFileSync(file, readmeExample(index));
  await import(/* @vite-ignore */ file);
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
    await runExample(0, 'readme-example');
    expect(log).toHaveBeenCalledWith(
      true,
      expect.objectContaining({ code: '10000', voucher_id: '2024060100000001' }),
    );
  });
});

describe('README errors example', () => {
  it('switches on the code of a forged response', async () => {
    vi.stubEnv('ALIPAY_APP_PRIVATE_KEY', appPrivateKeyPkcs8Bare);
    vi.stubEnv('ALIPAY_PUBLIC_KEY', alipayPublicKeyPem);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await runExample(1, 'readme-errors-example');
    expect(log).toHaveBeenCalledWith('not signed by Alipay');
  });

  it('stops at the app public key given as the Alipay public key', async () => {
    vi.stubEnv('ALIPAY_APP_PRIVATE_KEY', appPrivateKeyPkcs8Bare);
    vi.stubEnv('ALIPAY_PUBLIC_KEY', appPublicKeyPem);
    await expect(runExample(1, 'readme-errors-example-mixup')).rejects.toThrow(
      /^ALIPAY_PUBLIC_KEY is your app public key/,
    );
  });
});
