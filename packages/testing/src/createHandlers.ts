import type { RequestHandler } from 'msw';
// Not from 'msw': its index loads msw's WebSocket support, which opens a BroadcastChannel at import
// that Deno cannot unref, so a Deno program using the fake would never exit.
import { http } from 'msw/core/http';
import { DROP } from './DROP.js';

/** MSW handlers answering POST on each gateway URL with `handle`; DROP becomes a network error. */
export function createHandlers(
  urls: readonly string[],
  handle: (request: Request) => Promise<Response | typeof DROP>,
) {
  return urls.map(
    (url): RequestHandler =>
      http.post(url, async ({ request }) => {
        const response = await handle(request);
        return response === DROP ? Response.error() : response;
      }),
  );
}

/** A base URL as a gateway URL: `/gateway.do` appended unless it is already there. */
export function gatewayUrlOf(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return trimmed.endsWith('/gateway.do') ? trimmed : `${trimmed}/gateway.do`;
}
