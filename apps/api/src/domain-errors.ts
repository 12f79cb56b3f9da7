import type { DomainErrorKind } from '@keydesk/db';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

/**
 * The one place a domain error's kind becomes a transport code. Procedures do not catch domain
 * errors: the middleware in trpc.ts and the plain routes read these tables, and anything that is
 * not a DomainError stays a 500.
 */
export const TRPC_CODE_OF_KIND = {
  not_found: 'NOT_FOUND',
  invalid: 'BAD_REQUEST',
  precondition: 'PRECONDITION_FAILED',
  conflict: 'CONFLICT',
  unavailable: 'SERVICE_UNAVAILABLE',
} as const satisfies Record<DomainErrorKind, TRPC_ERROR_CODE_KEY>;

export const HTTP_STATUS_OF_KIND = {
  not_found: 404,
  invalid: 400,
  precondition: 412,
  conflict: 409,
  unavailable: 503,
} as const satisfies Record<DomainErrorKind, number>;
