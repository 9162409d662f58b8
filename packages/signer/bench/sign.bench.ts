// One run, same key and same canonical string for every contender. Prints figures, then each target
// as measured / target / ceiling (docs/PERFORMANCE.md); never fails on speed (machines differ).
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { AlipaySdk } from 'alipay-sdk';
import { printTargets } from '../../../bench/printTargets.js';
import { compare, concurrentOpsPerSecond } from './measure.js';

// Measure what users run: the built bundle (`pnpm build` first; turbo's bench task depends on it).
const { canonicalize, createSigner, createVerifier }: typeof import('../src/index.js') = await import(
  '../dist/index.js' as string
);

const FIXTURES = new URL('../../../../shared/vectors/alipay-sdk-fixtures/', import.meta.url);
const privatePem = readFileSync(new URL('app-private-key.pem', FIXTURES), 'utf8');
const publicPem = readFileSync(new URL('app-public-key.pem', FIXTURES), 'utf8');

const METHOD = 'alipay.marketing.voucher.send';
const bizContent = {
  template_id: '20240601000730015588',
  out_biz_no: 'campaign-42-user-1',
  user_id: '2088102122524333',
  memo: '六一红包',
};
const timestamp = '2024-06-01 12:00:00';
const params = {
  method: METHOD,
  app_id: '2021000000000000',
  charset: 'utf-8',
  version: '1.0',
  sign_type: 'RSA2',
  timestamp,
  biz_content: JSON.stringify(bizContent),
};
const content = canonicalize(params); // exactly what the SDK signs for sdkExecute below

const signer = createSigner({ privateKey: privatePem });
const keyObject = createPrivateKey(privatePem);
const sdk = new AlipaySdk({ appId: params.app_id, privateKey: privatePem });
const sdkSign = () =>
  new URLSearchParams(
    sdk.sdkExecute(METHOD, { timestamp, biz_content: bizContent }, { bizContentAutoSnakeCase: false }),
  ).get('sign');

// Same string, same signature: the comparison is apples to apples.
const ours = await signer.signString(content);
if (ours !== sign('sha256', Buffer.from(content), keyObject).toString('base64') || ours !== sdkSign()) {
  throw new Error('the contenders do not produce the same signature');
}

const node = '{"code":"10000","msg":"Success","voucher_id":"2024060100000001","user_id":"2088102122524333"}';
const body = `{"${METHOD.replaceAll('.', '_')}_response":${node},"sign":"${await signer.signString(node)}"}`;
const verifier = createVerifier({ alipayPublicKey: publicPem });
const publicKey = createPublicKey(publicPem);
const signature = Buffer.from(await signer.signString(node), 'base64');

const cores = availableParallelism();
console.log(
  `@aopkit/signer bench — Node ${process.version}, ${cores} cores, RSA-2048, ${Buffer.byteLength(content)} B canonical string\n`,
);

// Sign: ours (awaited one at a time) against sync crypto.sign and the SDK, interleaved.
// Control: Node's own callback form, to separate the thread-pool round trip from our wrapper.
const rawAsync = () =>
  new Promise<string>((resolve, reject) =>
    sign('sha256', Buffer.from(content), keyObject, (err, out) =>
      err ? reject(err) : resolve(out.toString('base64')),
    ),
  );
const [oursSeq = 0, keySync = 0, sdkRate = 0, rawAsyncRate = 0] = await compare(
  [
    { fn: () => signer.signString(content) },
    { fn: () => sign('sha256', Buffer.from(content), keyObject), sync: true },
    { fn: sdkSign, sync: true },
    { fn: rawAsync },
  ],
  4000,
  10,
);
const oursConcurrent = await concurrentOpsPerSecond(() => signer.signString(content), 64);
// The machine's own ceiling for concurrency: Node's callback form on the thread pool, 64 in flight.
const rawConcurrent = await concurrentOpsPerSecond(rawAsync, 64);
// Floors: the least any verifyResponse can do for this body (cut the node by its known layout,
// parse it, decode the signature, verify), with none of the checks ours owes (structure, duplicates,
// strict base64). Async as the API must be for WebCrypto, and sync, to show what the promise costs.
const nodeName = `${METHOD.replaceAll('.', '_')}_response`;
const prefix = `{"${nodeName}":`;
const scratch = Buffer.allocUnsafeSlow(1024);
const leastVerify = (raw: string) => {
  const end = raw.indexOf('},"sign":"', prefix.length) + 1;
  const content = raw.slice(prefix.length, end);
  const parsed: unknown = JSON.parse(content);
  const sign = raw.slice(end + 9, raw.length - 2);
  const size = scratch.write(sign, 0, 1024, 'base64');
  const verified = verify('sha256', Buffer.from(content), publicKey, scratch.subarray(0, size));
  return { verified, nodeName, content, node: parsed, sign };
};
if (!leastVerify(body).verified) throw new Error('the verify floor does not verify');
// Verify: the whole response check against a bare crypto.verify over the node's bytes, interleaved.
const [oursVerify = 0, bareVerify = 0, floorAsync = 0, floorSync = 0] = await compare([
  { fn: () => verifier.verifyResponse(body, METHOD) },
  { fn: () => verify('sha256', Buffer.from(node), publicKey, signature), sync: true },
  { fn: () => Promise.resolve(leastVerify(body)) },
  { fn: () => leastVerify(body), sync: true },
]);

const row = (label: string, rate: number) =>
  console.log(`${label.padEnd(58)} ${rate.toFixed(0).padStart(8)} /s`);
row('ours: signString, sequential (await each)', oursSeq);
row('crypto.sign on a pre-built KeyObject (sync)', keySync);
row('official SDK sdkExecute (alipay-sdk 4.14.0)', sdkRate);
row('control: crypto.sign callback form on the KeyObject, awaited', rawAsyncRate);
row('ours: signString, 64 in flight (thread pool)', oursConcurrent);
row('ours: verifyResponse (scan + parse + verify)', oursVerify);
row('crypto.verify on a pre-built KeyObject (sync)', bareVerify);
row('floor: least verifyResponse, no checks, promise', floorAsync);
row('floor: least verifyResponse, no checks, sync', floorSync);

row('control: crypto.sign callback form, 64 in flight', rawConcurrent);

// Targets (docs/PERFORMANCE.md): measured / target / ceiling, the ceiling measured in this run.
console.log('');
printTargets([
  {
    what: 'signString sequential / crypto.sign on a KeyObject',
    measured: oursSeq / keySync,
    target: { atLeast: 0.95 },
    ceiling: 1,
    unit: '×',
  },
  {
    what: `signString 64 in flight / sequential (${cores} cores)`,
    measured: oursConcurrent / oursSeq,
    target: { atLeast: 1.7 },
    ceiling: rawConcurrent / keySync,
    unit: '×',
  },
  {
    what: 'verifyResponse / least verifyResponse (the floor, promise)',
    measured: oursVerify / floorAsync,
    target: { atLeast: 0.95 },
    ceiling: 1,
    unit: '×',
  },
  {
    what: 'verifyResponse / bare crypto.verify',
    measured: oursVerify / bareVerify,
    target: { atLeast: 0.85 },
    ceiling: floorAsync / bareVerify,
    unit: '×',
  },
]);
console.log(
  `\nreported, not targets: signString sequential / official SDK ${(oursSeq / sdkRate).toFixed(2)}× (bare crypto.sign: ${(keySync / sdkRate).toFixed(2)}×), 64 in flight / SDK ${(oursConcurrent / sdkRate).toFixed(2)}×; our wrapper / Node's own async crypto.sign ${(oursSeq / rawAsyncRate).toFixed(2)}×; floor sync / bare ${(floorSync / bareVerify).toFixed(2)}×`,
);
