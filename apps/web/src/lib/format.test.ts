import { afterEach, describe, expect, it } from 'vitest';
import {
  browserTimeZone,
  formatChange,
  formatCount,
  formatCountry,
  formatDate,
  formatDateTime,
  formatMoney,
  getFormatSettings,
  isValidTimeZone,
  setFormatSettings,
  toZonedDay,
} from './format.ts';

// Intl output uses narrow no-break spaces in some locales; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('format', () => {
  afterEach(() => setFormatSettings({ locale: 'en-US', timeZone: null }));

  it('names a country in the owner language and leaves what is not a region code alone', () => {
    setFormatSettings({ locale: 'en-US' });
    expect(formatCountry('de')).toBe('Germany');
    expect(formatCountry('KR')).toBe('South Korea');
    setFormatSettings({ locale: 'de-DE' });
    expect(formatCountry('KR')).toBe('Südkorea');
    expect(formatCountry('Bavaria')).toBe('Bavaria');
  });

  it('formats counts with the locale grouping', () => {
    setFormatSettings({ locale: 'en-US' });
    expect(formatCount(1234567)).toBe('1,234,567');
    setFormatSettings({ locale: 'de-DE' });
    expect(formatCount(1234567)).toBe('1.234.567');
  });

  it.each([
    [1999, 'USD', 'en-US', '$19.99'],
    [1999, 'EUR', 'de-DE', '19,99 €'],
    [1999, 'JPY', 'en-US', '¥1,999'],
    [1999, 'BHD', 'en-US', 'BHD 1.999'],
    [-500, 'GBP', 'en-GB', '-£5.00'],
  ])('formats %i minor units of %s in %s as %s', (minor, currency, locale, expected) => {
    setFormatSettings({ locale });
    expect(plain(formatMoney(minor, currency))).toBe(expected);
  });

  it.each([
    [110, 100, '+10%'],
    [90, 100, '-10%'],
    [100, 100, '0%'],
    [5, 0, 'new'],
    [0, 0, null],
  ])('describes the change from %i to %i as %s', (current, previous, expected) => {
    setFormatSettings({ locale: 'en-US' });
    expect(formatChange(current, previous)).toBe(expected);
  });

  it('shows dates in the chosen time zone, not the machine one', () => {
    const moment = Date.UTC(2026, 0, 1, 23, 30); // 23:30 UTC on 1 January
    setFormatSettings({ locale: 'en-US', timeZone: 'UTC' });
    expect(plain(formatDateTime(moment))).toBe('Jan 1, 2026, 11:30 PM');
    expect(formatDate(moment)).toBe('Jan 1, 2026');
    expect(toZonedDay(moment)).toBe('2026-01-01');
    setFormatSettings({ timeZone: 'Asia/Tokyo' });
    expect(plain(formatDateTime(moment))).toBe('Jan 2, 2026, 8:30 AM');
    expect(formatDate(moment)).toBe('Jan 2, 2026');
    expect(toZonedDay(moment)).toBe('2026-01-02');
    setFormatSettings({ timeZone: 'America/Los_Angeles' });
    expect(toZonedDay(moment)).toBe('2026-01-01');
    expect(plain(formatDateTime(moment))).toBe('Jan 1, 2026, 3:30 PM');
  });

  it('accepts ISO strings and Date objects alike', () => {
    setFormatSettings({ locale: 'en-GB', timeZone: 'Europe/London' });
    expect(formatDate('2026-07-01T23:30:00Z')).toBe('2 Jul 2026');
    expect(formatDate(new Date('2026-07-01T22:30:00Z'))).toBe('1 Jul 2026');
  });

  it('returns to the browser zone and rejects unknown zones', () => {
    setFormatSettings({ timeZone: 'Asia/Tokyo' });
    expect(getFormatSettings().timeZone).toBe('Asia/Tokyo');
    setFormatSettings({ timeZone: null });
    expect(getFormatSettings().timeZone).toBe(browserTimeZone());
    expect(() => setFormatSettings({ timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(getFormatSettings().timeZone).toBe(browserTimeZone());
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('')).toBe(false);
  });
});
