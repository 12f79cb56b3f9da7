import { describe, expect, it } from 'vitest';
import { describeAuditAction, describeAuditDetails } from './audit-sentences.ts';

const entry = (action: string, details: unknown = null) => ({
  action,
  targetType: null,
  targetId: null,
  details: details === null ? null : JSON.stringify(details),
});

describe('audit sentences', () => {
  it.each([
    [entry('auth.login'), 'Signed in'],
    [
      entry('auth.login.failed', { email: 'a@b.c', reason: 'wrong_password' }),
      'Sign-in refused (wrong password)',
    ],
    [entry('auth.session.revoke_all', { count: 1 }), 'Ended 1 session'],
    [entry('auth.session.revoke_all', { count: 3 }), 'Ended 3 sessions'],
    [entry('license.resend', { isAlternateAddress: true }), 'Resent a license key to another address'],
    [entry('webhook.replay', { source: 'paypro' }), 'Replayed a paypro webhook'],
    [entry('something.new_thing'), 'Something new thing'],
  ])('says %j as a sentence', (input, expected) => {
    expect(describeAuditAction(input)).toBe(expected);
  });

  it('spells the details out as words, not JSON', () => {
    expect(
      describeAuditDetails(JSON.stringify({ resendId: 4, isAlternateAddress: false, reason: 'bad_sig' })),
    ).toBe('resend id: 4 · is alternate address: no · reason: bad sig');
    expect(describeAuditDetails(null)).toBe('');
    expect(describeAuditDetails('not json')).toBe('not json');
  });
});
