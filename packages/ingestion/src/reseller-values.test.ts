import { describe, expect, it } from 'vitest';
import { formatYmdHis, normalizeEmail, parseAmountMinor, parseResellerDate } from './reseller-values.ts';

describe('parseAmountMinor', () => {
  it.each([
    ['9.99', 'EUR', 999],
    ['1,234.56', 'USD', 123456],
    ['1.234,56', 'EUR', 123456],
    ['9,99', 'EUR', 999],
    ['1,234', 'USD', 123400],
    ['1.234.567', 'EUR', 123456700],
    ['$ 12.5', 'USD', 1250],
    ['-3.00', 'EUR', -300],
    ['1200', 'JPY', 1200],
    ['1.250', 'KWD', 1250],
    ['0', 'EUR', 0],
  ])('reads %s %s as %i minor units', (text, currency, expected) => {
    expect(parseAmountMinor(text, currency)).toBe(expected);
  });

  it.each([['ten'], [''], ['EUR'], ['9.999'], ['1-2']])('refuses %s', (text) => {
    expect(parseAmountMinor(text, 'EUR')).toBeNull();
  });
});

describe('parseResellerDate', () => {
  it.each([
    ['20230619190629', Date.UTC(2023, 5, 19, 19, 6, 29)],
    ['2023-06-19 19:06:29', Date.UTC(2023, 5, 19, 19, 6, 29)],
    ['2023-06-19T19:06:29Z', Date.UTC(2023, 5, 19, 19, 6, 29)],
    ['2023-06-19T21:06:29+02:00', Date.UTC(2023, 5, 19, 19, 6, 29)],
    ['06/19/2023 7:06:29 PM', Date.UTC(2023, 5, 19, 19, 6, 29)],
    ['06/19/2023 12:00:00 AM', Date.UTC(2023, 5, 19, 0, 0, 0)],
    ['19.06.2023 19:06', Date.UTC(2023, 5, 19, 19, 6, 0)],
    ['19 Jun 2023 19:06', Date.UTC(2023, 5, 19, 19, 6, 0)],
    ['2023-06-19', Date.UTC(2023, 5, 19)],
  ])('reads %s', (text, expected) => {
    expect(parseResellerDate(text)?.getTime()).toBe(expected);
  });

  it.each([['yesterday'], ['2023-02-30'], ['13/45/2023'], ['20231319190629'], ['']])('refuses %s', (text) => {
    expect(parseResellerDate(text)).toBeNull();
  });

  it('writes YmdHis in UTC', () => {
    expect(formatYmdHis(new Date(Date.UTC(2005, 2, 3, 12, 34, 34)))).toBe('20050303123434');
  });
});

describe('normalizeEmail', () => {
  it('lower-cases and trims, refuses non-addresses', () => {
    expect(normalizeEmail('  Ada@Example.COM ')).toBe('ada@example.com');
    expect(normalizeEmail('ada@localhost')).toBeNull();
    expect(normalizeEmail('a b@example.com')).toBeNull();
  });
});
