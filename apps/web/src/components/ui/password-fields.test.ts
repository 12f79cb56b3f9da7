import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withRepeatedPassword, ZNewPassword } from './password-fields.tsx';

const ZForm = withRepeatedPassword(z.object({ newPassword: ZNewPassword, confirm: z.string() }));

describe('withRepeatedPassword', () => {
  it('accepts a long enough password typed twice', () => {
    expect(ZForm.safeParse({ newPassword: 'correct horse', confirm: 'correct horse' }).success).toBe(true);
  });

  it('puts a mismatch on the repeat field', () => {
    const result = ZForm.safeParse({ newPassword: 'correct horse', confirm: 'correct horsf' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['confirm', 'The passwords differ.'],
    ]);
  });

  it('states the length rule on a short password', () => {
    const result = ZForm.safeParse({ newPassword: 'short', confirm: 'short' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['newPassword', 'Use at least 12 characters.'],
    ]);
  });
});
