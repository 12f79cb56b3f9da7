import { describe, expect, it } from 'vitest';
import { isOneOf } from './is-one-of.ts';

const STATUSES = ['queued', 'sent'] as const;

describe('isOneOf', () => {
  it.each([
    ['queued', true],
    ['sent', true],
    ['Sent', false],
    ['', false],
    ['toString', false],
  ])('%j → %s', (value, expected) => {
    expect(isOneOf(STATUSES, value)).toBe(expected);
  });
});
