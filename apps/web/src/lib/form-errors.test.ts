import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { errorMessage, serverFieldErrors } from './form-errors.ts';

function trpcError(message: string, zodError: unknown) {
  const error = new TRPCClientError(message);
  Object.assign(error, { data: { code: 'BAD_REQUEST', zodError } });
  return error;
}

describe('form errors', () => {
  it('maps the server validation to form fields', () => {
    const error = trpcError('Invalid input', {
      formErrors: [],
      fieldErrors: { email: ['Enter a valid email address.', 'Too long'], name: [] },
    });
    expect(serverFieldErrors(error)).toEqual({ email: 'Enter a valid email address.' });
    expect(errorMessage(error)).toBe('Enter a valid email address.');
  });

  it('prefers a form-level message, then the error message, then a fallback', () => {
    expect(errorMessage(trpcError('x', { formErrors: ['Dates are reversed.'], fieldErrors: {} }))).toBe(
      'Dates are reversed.',
    );
    expect(errorMessage(trpcError('The license was refunded.', null))).toBe('The license was refunded.');
    expect(errorMessage(new Error(''))).toBe('Something went wrong. Try again.');
    expect(errorMessage('a string')).toBe('Something went wrong. Try again.');
    expect(serverFieldErrors(new Error('plain'))).toEqual({});
  });
});
