import type { LoginResult } from '@keydesk/auth';
import { TRPCError } from '@trpc/server';

/** Turns a refused or throttled login into the error the browser sees. */
export function throwUnlessSignedIn(
  result: LoginResult,
  refusedMessage: string,
): asserts result is Extract<LoginResult, { status: 'signed_in' | 'second_factor' }> {
  if (result.status === 'refused') throw new TRPCError({ code: 'UNAUTHORIZED', message: refusedMessage });
  if (result.status === 'throttled') {
    const seconds = Math.ceil(result.retryAfterMs / 1000);
    const wait = seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `Too many failed sign-ins. Try again in ${wait}.`,
    });
  }
}
