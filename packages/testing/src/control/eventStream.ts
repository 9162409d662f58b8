import type { RequestLogEntry } from '../FakeGatewayCore.js';
import type { components } from './controlApi.gen.js';
import type { GatewayEvent, StateView } from './stateRegistry.js';

type Schemas = components['schemas'];

/** A comment line now and then, so proxies and idle timers keep the stream open. */
const KEEP_ALIVE_MS = 15_000;

/**
 * `GET /__aopkit/events`: server-sent events, one `data:` line of JSON per change, until the client goes
 * away (`signal` aborts) or the stream is cancelled.
 */
export function eventStream(
  state: StateView,
  signal: AbortSignal,
  logged: (entry: RequestLogEntry) => Schemas['RequestLogEntry'],
): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop(); // closed meanwhile
        }
      };
      const onEvent = (event: GatewayEvent) => {
        const data: Schemas['GatewayEvent'] =
          event.type === 'request' ? { type: 'request', request: logged(event.entry) } : event;
        send(`data: ${JSON.stringify(data)}\n\n`);
      };
      const unsubscribe = state.subscribe(onEvent);
      const timer = setInterval(() => send(': keep-alive\n\n'), KEEP_ALIVE_MS);
      (timer as { unref?: () => void }).unref?.();
      stop = () => {
        unsubscribe();
        clearInterval(timer);
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        stop();
        try {
          controller.close();
        } catch {}
      };
      signal.addEventListener('abort', onAbort);
      // Sent at once, so the client knows it is connected before anything happens.
      send('retry: 1000\n: connected\n\n');
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
}
