/**
 * What kind of refusal a domain error is. The API maps each kind to one transport code in one place
 * (apps/api/src/domain-errors.ts), so packages say what went wrong and never how HTTP spells it.
 */
export type DomainErrorKind =
  /** The thing asked for does not exist. */
  | 'not_found'
  /** The input is wrong; the message says how to fix it. */
  | 'invalid'
  /** The input is fine, but the state of things refuses it (mail not set up, a blocked license). */
  | 'precondition'
  /** Someone else is doing the same thing right now. */
  | 'conflict'
  /** Keydesk itself cannot do it: configuration, key or storage trouble. */
  | 'unavailable';

/** Every error a domain package throws on purpose extends this; its message is for the owner. */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
}

/** One not-found error for every entity, so no one catches the wrong one of two same-named classes. */
export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
  constructor(
    readonly entity: 'customer' | 'conversation' | 'job' | 'license' | 'campaign',
    message: string,
  ) {
    super(message);
  }
}
