import { readFileSync } from 'node:fs';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

let commonPasswords: Set<string> | undefined;

/** The shipped list (see the header of common-passwords.txt for its source and licence). */
function loadCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return commonPasswords;
}

/**
 * Few listed passwords have 12 characters, so the check also catches the usual ways of
 * stretching one: digits or symbols around it ("password123456!"), repeating it
 * ("monkeymonkey"), or a repeated or counted run of characters ("aaaaaaaaaaaa", "123456789012").
 */
export function isCommonPassword(password: string): boolean {
  const list = loadCommonPasswords();
  const lower = password.toLowerCase();
  if (list.has(lower)) return true;
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (core.length >= 3 && list.has(core)) return true;
  const unit = /^(.+?)\1+$/.exec(lower)?.[1];
  if (unit !== undefined && (unit.length <= 4 || list.has(unit))) return true;
  return isSequence(lower);
}

function isSequence(text: string): boolean {
  if (text.length < 2) return false;
  const step = (text.charCodeAt(1) - text.charCodeAt(0) + 10) % 10;
  if (step !== 1 && step !== 9) return false;
  for (let i = 1; i < text.length; i++) {
    const a = text.charCodeAt(i - 1);
    const b = text.charCodeAt(i);
    const isDigitStep = /\d/.test(text[i] ?? '') && (b - a + 10) % 10 === step;
    const isLetterStep = b - a === (step === 1 ? 1 : -1);
    if (!isDigitStep && !isLetterStep) return false;
  }
  return true;
}

/** A sentence for the form, or null when the password may be used. */
export function checkPasswordStrength(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (isCommonPassword(password))
    return 'This password is among the most commonly used ones; choose one that is harder to guess.';
  return null;
}
