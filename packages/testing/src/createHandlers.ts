import type { RequestHandler } from 'msw';
// Not from 'msw': its index loads msw's WebSocket support, which opens a BroadcastChannel at import
// that Deno cannot unref, so a Deno program using the fake would never exit.
import { http } from 'msw/core/http';
import { DROP } from './DROP.js';

/**
 * MSW handlers answering POST and GET on each gateway URL with `handle` (the real gateway serves a GET
 * with every parameter in the query); DROP becomes a network error. The only module of the package
 * that imports msw: the rest runs where msw is not installed.
 */
export function createHandlers(
  urls: readonly string[],
  handle: (request: Request) => Promise<Response | typeof DROP>,
): RequestHandler[] {
  const answer = async ({ request }: { request: Request }) => {
    const response = await handle(request);
    return response === DROP ? Response.error() : response;
  };
  return urls.flatMap((url): RequestHandler[] => [http.post(url, answer), http.get(url, answer)]);
}
