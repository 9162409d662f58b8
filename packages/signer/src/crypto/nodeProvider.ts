import type * as NodeCrypto from 'node:crypto';
import type { CryptoProvider, HashName, SignFn, VerifyFn } from './CryptoProvider.js';

const NODE_HASH: Record<HashName, string> = { 'SHA-256': 'sha256', 'SHA-1': 'sha1' };
const ZERO_IV = new Uint8Array(16);

/** The node:crypto provider: KeyObjects built once; concurrent signatures on the libuv thread pool. */
export function createNodeProvider(crypto: typeof NodeCrypto): CryptoProvider {
  return {
    name: 'node',
    createSignFn(pkcs8, hash): SignFn {
      const key = crypto.createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
      const algorithm = NODE_HASH[hash];
      return createAdaptiveSign(
        (data) => crypto.sign(algorithm, data, key).toString('base64'),
        (data, done) => crypto.sign(algorithm, data, key, (err, sig) => done(err, sig?.toString('base64'))),
      );
    },
    createVerifyFn(spki): VerifyFn {
      const key = crypto.createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
      // Synchronous on purpose: an RSA public operation (e = 65537) takes tens of microseconds,
      // about what a thread-pool round trip costs, so offloading it would only slow it down.
      return (hash, data, signature) => {
        try {
          return crypto.verify(NODE_HASH[hash], data, key, signature);
        } catch {
          return false;
        }
      };
    },
    verifiesInline: true,
    async aesCbc(mode, key, data) {
      const algorithm = `aes-${key.length * 8}-cbc`;
      const cipher =
        mode === 'encrypt'
          ? crypto.createCipheriv(algorithm, key, ZERO_IV)
          : crypto.createDecipheriv(algorithm, key, ZERO_IV);
      return new Uint8Array(Buffer.concat([cipher.update(data), cipher.final()]));
    },
  };
}

interface SignJob {
  readonly data: Uint8Array;
  readonly resolve: (signature: string) => void;
  readonly reject: (error: unknown) => void;
}

/** A signer idle this long is not under load: its next lone signature may run inline. */
const IDLE_MS = 5;

/**
 * Chooses where an RSA private operation (~1 ms) runs. Inline, when it is a lone signature (none other
 * requested in the same tick, none in flight) from an idle signer or from a caller signing one after
 * another without yielding to the event loop: a thread-pool round trip would only add latency. On the
 * libuv thread pool (node:crypto's callback form) otherwise: signatures requested together, while
 * others are in flight, or arriving from new events soon after the last one (a busy server), so
 * concurrent callers use every core instead of queueing on the event loop.
 */
export function createAdaptiveSign(
  signInline: (data: Uint8Array) => string,
  signOnPool: (data: Uint8Array, done: (err: Error | null, signature?: string) => void) => void,
  // Injectable so tests decide what "soon" and "idle" are, whatever the machine's load.
  now: () => number = () => performance.now(),
): SignFn {
  let inFlight = 0;
  let batch: SignJob[] | undefined;
  let lastEnd = Number.NEGATIVE_INFINITY;
  // True from an inline signature until the event loop next turns: the same caller, still running.
  let sameTurn = false;

  const inline = (job: SignJob) => {
    try {
      job.resolve(signInline(job.data));
    } catch (error) {
      job.reject(error);
    }
    lastEnd = now();
    if (!sameTurn) {
      sameTurn = true;
      setImmediate(() => {
        sameTurn = false;
      });
    }
  };

  const dispatch = () => {
    const jobs = batch ?? [];
    batch = undefined;
    const [only] = jobs;
    if (only && jobs.length === 1 && inFlight === 0 && (sameTurn || now() - lastEnd > IDLE_MS)) {
      inline(only);
      return;
    }
    for (const job of jobs) {
      inFlight++;
      signOnPool(job.data, (err, signature) => {
        inFlight--;
        lastEnd = now();
        if (err || signature === undefined) job.reject(err);
        else job.resolve(signature);
      });
    }
  };

  return (data) =>
    new Promise<string>((resolve, reject) => {
      if (batch === undefined) {
        batch = [];
        queueMicrotask(dispatch);
      }
      batch.push({ data, resolve, reject });
    });
}
