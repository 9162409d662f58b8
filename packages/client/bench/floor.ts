// The floor of one send's client CPU, measured piece by piece in the bench's own run: one RSA-2048
// sign of the canonical string, one verify of the answer's node, one bare node:http POST of the very
// bytes the client sent (same URL, headers and body, keep-alive, the same number in flight).
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import http from 'node:http';

/** One request exactly as the client put it on the wire, and the answer it got. */
export interface CapturedExchange {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** The canonical string the client signed. */
  readonly signString: string;
  readonly answer: string;
}

export interface FloorFigures {
  readonly signMs: number;
  readonly verifyMs: number;
  readonly postMs: number;
  readonly totalMs: number;
}

/** CPU ms per call of a synchronous operation (this process, all threads). */
function cpuPerCall(fn: () => unknown, calls: number): number {
  for (let i = 0; i < Math.min(50, calls); i++) fn(); // warm-up
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) fn();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000 / calls;
}

/** CPU ms per bare node:http POST of `exchange`'s bytes, `inFlight` at a time, for `ms`. */
async function postCpu(exchange: CapturedExchange, inFlight: number, ms: number): Promise<number> {
  const post = () =>
    new Promise<string>((resolve, reject) => {
      const request = http.request(exchange.url, { method: 'POST', headers: exchange.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      });
      request.on('error', reject);
      request.end(exchange.body);
    });
  const lane = async (until: number, counter: { n: number }) => {
    while (performance.now() < until) {
      await post();
      counter.n++;
    }
  };
  const warm = { n: 0 };
  await Promise.all(Array.from({ length: inFlight }, () => lane(performance.now() + 300, warm)));
  const counter = { n: 0 };
  const start = process.cpuUsage();
  const until = performance.now() + ms;
  await Promise.all(Array.from({ length: inFlight }, () => lane(until, counter)));
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000 / counter.n;
}

/** Measures the three pieces of the floor now, in this run. */
export async function measureFloor(
  exchange: CapturedExchange,
  keys: { privateKey: string; alipayPublicKey: string },
  inFlight: number,
  postMs: number,
): Promise<FloorFigures> {
  const privateKey = createPrivateKey(keys.privateKey);
  const publicKey = createPublicKey(keys.alipayPublicKey);
  const content = Buffer.from(exchange.signString);
  // The answer's node and signature, cut by the gateway's layout: the verify Alipay's key must pass.
  const match = /^\{"[a-z_]+_response":(\{.*\}),"sign":"([^"]+)"\}$/.exec(exchange.answer);
  if (!match) throw new Error(`floor: unexpected answer layout: ${exchange.answer.slice(0, 80)}`);
  const node = Buffer.from(match[1]!);
  const signature = Buffer.from(match[2]!, 'base64');
  if (!verify('sha256', node, publicKey, signature)) throw new Error('floor: the answer does not verify');
  const signMs = cpuPerCall(() => sign('sha256', content, privateKey), 2000);
  const verifyMs = cpuPerCall(() => verify('sha256', node, publicKey, signature), 4000);
  const postMs_ = await postCpu(exchange, inFlight, postMs);
  return { signMs, verifyMs, postMs: postMs_, totalMs: signMs + verifyMs + postMs_ };
}
