import { requestFromParams } from './buildRequest.js';

/**
 * A gateway clock that tells when it is read: the pipeline reads it as a request starts, so
 * `called()` resolves once a request has arrived and is being processed.
 */
export function watchedClock(): { now: () => Date; called: () => Promise<void> } {
  const waiters: (() => void)[] = [];
  return {
    now: () => {
      for (const wake of waiters.splice(0)) wake();
      return new Date();
    },
    called: () => new Promise<void>((resolve) => waiters.push(resolve)),
  };
}

/**
 * A slow client: a gateway Request whose body is held back until `release()`. The request has
 * arrived (handle() was called) long before its body has.
 */
export function slowRequest(params: Record<string, string>): { request: Request; release(): void } {
  const whole = requestFromParams(params);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const bytes = new Uint8Array(await whole.arrayBuffer());
      await released;
      controller.enqueue(bytes);
      controller.close();
    },
  });
  const init = { method: 'POST', headers: whole.headers, body, duplex: 'half' };
  return { request: new Request(whole.url, init as RequestInit), release };
}
