import { HttpResponse, http, type RequestHandler } from 'msw';
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
        return response === DROP ? HttpResponse.error() : response;
      }),
  );
}

/** A base URL as a gateway URL: `/gateway.do` appended unless it is already there. */
export function gatewayUrlOf(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return trimmed.endsWith('/gateway.do') ? trimmed : `${trimmed}/gateway.do`;
}
