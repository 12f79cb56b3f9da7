import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { isWorthRetrying } from './trpc.ts';

/** An error as the client builds it from the server's answer of this HTTP status. */
function answered(httpStatus: number): unknown {
  return TRPCClientError.from({
    error: { message: 'no', code: -32600, data: { code: 'BAD_REQUEST', httpStatus } },
  });
}

describe('isWorthRetrying', () => {
  it.each([400, 401, 403, 404, 409, 413, 429])('gives up at once on a %i answer', (status) => {
    expect(isWorthRetrying(answered(status))).toBe(false);
  });

  it.each([500, 502, 503])('asks again after a %i answer', (status) => {
    expect(isWorthRetrying(answered(status))).toBe(true);
  });

  it('asks again when no answer came (a dropped connection)', () => {
    expect(isWorthRetrying(new TRPCClientError('fetch failed'))).toBe(true);
    expect(isWorthRetrying(new TypeError('Failed to fetch'))).toBe(true);
  });
});
