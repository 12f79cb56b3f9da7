import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, isCommonPassword } from './password-policy.ts';

describe('checkPasswordStrength', () => {
  it.each([
    ['short1', /at least 12/],
    ['x'.repeat(257), /at most 256/],
    ['password123456', /most commonly used/],
    ['123qweasdzxc', /most commonly used/],
    ['!!Password2024!!', /most commonly used/],
    ['monkeymonkey', /most commonly used/],
    ['aaaaaaaaaaaaaaaa', /most commonly used/],
    ['abcabcabcabc', /most commonly used/],
    ['123456789012', /most commonly used/],
    ['abcdefghijklmnop', /most commonly used/],
    ['987654321098', /most commonly used/],
  ])('refuses %s', (password, message) => {
    expect(checkPasswordStrength(password)).toMatch(message);
  });

  it.each(['correct horse battery staple', 'Tr0ub4dor&3-lamp-orbit', 'kettle-violin-93-harbour'])(
    'accepts %s',
    (password) => {
      expect(checkPasswordStrength(password)).toBeNull();
    },
  );

  it('loads the shipped list', () => {
    expect(isCommonPassword('qwertyuiop')).toBe(true);
    expect(isCommonPassword('dragon')).toBe(true);
  });
});
