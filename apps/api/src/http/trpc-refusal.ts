import type { ServerResponse } from 'node:http';

/** JSON-RPC's number for TOO_MANY_REQUESTS, as tRPC sends it. */
const TOO_MANY_REQUESTS_CODE = -32029;

/**
 * A 429 in tRPC's own shape (superjson envelope, one entry per call of a batch), so the web app
 * shows its message as it shows the sign-in back-off's.
 */
export function sendTrpcTooManyRequests(res: ServerResponse, url: URL, message: string): void {
  const procedures = url.pathname.slice('/trpc/'.length).split(',');
  const errorOf = (path: string) => ({
    error: {
      json: {
        message,
        code: TOO_MANY_REQUESTS_CODE,
        data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429, path, zodError: null },
      },
    },
  });
  const body = url.searchParams.get('batch') === '1' ? procedures.map(errorOf) : errorOf(procedures[0] ?? '');
  res.statusCode = 429;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}
