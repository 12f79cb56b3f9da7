import { describe, expect, it } from 'vitest';
import { signUnsubscribeToken, unsubscribeUrl, verifyUnsubscribeToken } from './unsubscribe-token.ts';

describe('unsubscribe tokens', () => {
  const secret = 'test-secret';

  it('verifies its own tokens and gives back the recipient', () => {
    expect(verifyUnsubscribeToken(secret, signUnsubscribeToken(secret, 42))).toBe(42);
  });

  it.each([
    ['another secret', signUnsubscribeToken('other', 42)],
    ['another recipient', signUnsubscribeToken(secret, 42).replace(/^42/, '43')],
    ['a cut signature', signUnsubscribeToken(secret, 42).slice(0, -1)],
    ['no signature', '42'],
    ['garbage', '../../etc/passwd'],
    ['an empty token', ''],
  ])('refuses %s', (_label, token) => {
    expect(verifyUnsubscribeToken(secret, token)).toBeNull();
  });

  it('builds the link under the public address', () => {
    expect(unsubscribeUrl('https://keydesk.example.com/', '7.abc')).toBe(
      'https://keydesk.example.com/u/7.abc',
    );
  });
});
