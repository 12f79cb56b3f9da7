import { beforeEach, describe, expect, it } from 'vitest';
import { formatInterval, formatPlural, setFormatSettings } from './format.ts';

// The format settings are module state: each test starts from US English.
beforeEach(() => {
  setFormatSettings({ locale: 'en-US' });
});

describe('formatPlural', () => {
  const messages = { one: 'message', other: 'messages' };

  it.each([
    [0, '0 messages'],
    [1, '1 message'],
    [2, '2 messages'],
    [21, '21 messages'],
  ])('says %i as "%s"', (count, expected) => {
    expect(formatPlural(count, messages)).toBe(expected);
  });

  it('groups the digits in the owner locale while the noun stays English', () => {
    setFormatSettings({ locale: 'de-DE' });
    expect(formatPlural(1234, messages)).toBe('1.234 messages');
  });
});

describe('formatInterval', () => {
  it.each([
    [0, 'off'],
    [1, 'every minute'],
    [5, 'every 5 minutes'],
    [60, 'every hour'],
    [90, 'every 90 minutes'],
    [360, 'every 6 hours'],
    [1440, 'every day'],
    [2880, 'every 2 days'],
    [10080, 'every week'],
  ])('says %i minutes as "%s"', (minutes, expected) => {
    expect(formatInterval(minutes)).toBe(expected);
  });
});
