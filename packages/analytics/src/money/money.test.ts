import { describe, expect, it } from 'vitest';
import { convertMinor, MAX_RATE_AGE_DAYS, minorDigits, type RateTable, rateOn } from './convert.ts';
import { parseEcbCsv, parseEcbXml } from './ecb-rates.ts';

describe('parseEcbCsv', () => {
  it('keeps quoted cells, skips N/A and the trailing comma, refuses bad cells with their position', () => {
    const parsed = parseEcbCsv('Date,USD,CYP,JPY,\n2025-03-07,1.0857,N/A,160.5,\n2025-03-06,abc,N/A,-1,\n');
    expect(parsed.rates).toEqual([
      { day: '2025-03-07', currency: 'USD', perEuro: 1.0857 },
      { day: '2025-03-07', currency: 'JPY', perEuro: 160.5 },
    ]);
    expect(parsed.rejected).toEqual([
      { position: 'line 3, USD', reason: '"abc" is not a positive rate' },
      { position: 'line 3, JPY', reason: '"-1" is not a positive rate' },
    ]);
  });

  it('refuses a file that is not the ECB format', () => {
    expect(parseEcbCsv('day,rate\n').rejected[0]?.reason).toMatch(/not an ECB rates file/);
  });
});

describe('parseEcbXml', () => {
  it('reads days and rates, and refuses a page without any', () => {
    const xml = `<Cube><Cube time='2025-03-07'><Cube currency='USD' rate='1.0857'/></Cube><Cube time="2025-03-06"><Cube currency="USD" rate="1.0783"/></Cube></Cube>`;
    expect(parseEcbXml(xml).rates).toEqual([
      { day: '2025-03-07', currency: 'USD', perEuro: 1.0857 },
      { day: '2025-03-06', currency: 'USD', perEuro: 1.0783 },
    ]);
    expect(parseEcbXml('<html></html>').rejected).toHaveLength(1);
  });
});

describe('rateOn and convertMinor', () => {
  const rates: RateTable = new Map([
    [
      'USD',
      [
        ['2025-03-06', 1.08],
        ['2025-03-07', 1.1],
      ],
    ],
  ]);
  it.each([
    ['the day itself', '2025-03-07', 1.1],
    ['a weekend day uses Friday', '2025-03-09', 1.1],
    ['a week later is still fine', `2025-03-${String(7 + MAX_RATE_AGE_DAYS).padStart(2, '0')}`, 1.1],
    ['older than a week is missing', '2025-03-15', null],
    ['before the first rate is missing', '2025-03-01', null],
  ])('%s', (_name, day, expected) => {
    expect(rateOn(rates, 'USD', day)).toBe(expected);
  });

  it('converts minor units between currencies with different decimals', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(convertMinor(1100, 'USD', 'EUR', '2025-03-07', rates)).toBe(1000);
    expect(convertMinor(500, 'EUR', 'EUR', '2025-03-07', rates)).toBe(500);
    expect(convertMinor(500, 'JPY', 'EUR', '2025-03-07', rates)).toBeNull();
  });
});
