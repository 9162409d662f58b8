import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAdaptiveSign } from '../src/crypto/nodeProvider.js';
import { appPrivateKeyPkcs1Pem, appPublicKeyPem } from './helpers/fixtures.js';

const key = createPrivateKey(appPrivateKeyPkcs1Pem);
const publicKey = createPublicKey(appPublicKeyPem);
const data = (i: number) => new TextEncoder().encode(`app_id=2021&n=${i}`);

/**
 * The real node:crypto sign, both ways, counting which way each call went. The clock is the test's:
 * it stands still unless a test moves it, so "soon after" and "idle" do not depend on machine load.
 */
function counted() {
  const ways = { inline: 0, pool: 0 };
  const clock = { now: 1000 };
  const fn = createAdaptiveSign(
    (d) => {
      ways.inline++;
      return sign('sha256', d, key).toString('base64');
    },
    (d, done) => {
      ways.pool++;
      sign('sha256', d, key, (err, sig) => done(err, sig?.toString('base64')));
    },
    () => clock.now,
  );
  return { fn, ways, clock };
}

const valid = (i: number, signature: string) =>
  verify('sha256', data(i), publicKey, Buffer.from(signature, 'base64'));

describe('adaptive signing on Node', () => {
  it('signs a lone request inline: the thread-pool hop would only add latency', async () => {
    const { fn, ways } = counted();
    for (let i = 0; i < 5; i++) expect(valid(i, await fn(data(i)))).toBe(true);
    expect(ways).toEqual({ inline: 5, pool: 0 });
  });

  it('sends signatures requested in the same tick to the thread pool, so they use every core', async () => {
    const { fn, ways } = counted();
    const signatures = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map((i) => fn(data(i))));
    expect(signatures.every((s, i) => valid(i, s))).toBe(true);
    expect(ways).toEqual({ inline: 0, pool: 8 });
  });

  it('sends a signature requested while others are in flight to the pool too', async () => {
    const { fn, ways } = counted();
    const first = fn(data(0));
    const second = fn(data(1));
    await new Promise((resolve) => setImmediate(resolve)); // both dispatched, neither done
    const third = fn(data(2));
    const all = await Promise.all([first, second, third]);
    expect(all.every((s, i) => valid(i, s))).toBe(true);
    expect(ways.inline).toBe(0);
    expect(ways.pool).toBe(3);
  });

  it('sends a signature arriving from a new event soon after the last one to the pool (a busy server)', async () => {
    const { fn, ways } = counted();
    await fn(data(0)); // idle signer: inline
    for (let i = 1; i <= 3; i++) {
      await new Promise((resolve) => setImmediate(resolve)); // the next request's I/O event
      expect(valid(i, await fn(data(i)))).toBe(true);
    }
    expect(ways).toEqual({ inline: 1, pool: 3 });
  });

  it('signs inline again once the signer has been idle', async () => {
    const { fn, ways, clock } = counted();
    await fn(data(0));
    await new Promise((resolve) => setImmediate(resolve)); // a new event…
    clock.now += 30; // …30 ms later
    await fn(data(1));
    expect(ways).toEqual({ inline: 2, pool: 0 });
  });

  it('rejects, inline or on the pool, when the key refuses', async () => {
    const failing = createAdaptiveSign(
      () => {
        throw new Error('inline refused');
      },
      (_d, done) => done(new Error('pool refused')),
    );
    await expect(failing(data(0))).rejects.toThrow('inline refused');
    await expect(Promise.all([failing(data(0)), failing(data(1))])).rejects.toThrow('pool refused');
  });
});
