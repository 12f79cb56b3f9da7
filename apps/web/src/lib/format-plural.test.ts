import { describe, expect, it } from 'vitest';
import { formatPlural, setFormatSettings } from './format.ts';

describe('formatPlural', () => {
  const messages = { one: 'message', other: 'messages' };

  it.each([
    [0, '0 messages'],
    [1, '1 message'],
    [2, '2 messages'],
    [21, '21 messages'],
  ])('says %i as "%s"', (count, expected) => {
    setFormatSettings({ locale: 'en-US' });
    expect(formatPlural(count, messages)).toBe(expected);
  });

  it('groups the digits in the owner locale while the noun stays English', () => {
    setFormatSettings({ locale: 'de-DE' });
    expect(formatPlural(1234, messages)).toBe('1.234 messages');
    setFormatSettings({ locale: 'en-US' });
  });
});
