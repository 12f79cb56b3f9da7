// Amounts and dates as the resellers write them, read liberally: exports are not publicly
// documented (see ../../../docs or README), so common variants are accepted.

const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'HUF', 'TWD', 'UGX', 'XAF', 'XOF']);
const THREE_DECIMAL = new Set(['BHD', 'KWD', 'OMR', 'JOD', 'TND', 'IQD', 'LYD']);

export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

/**
 * "1,234.56", "1.234,56", "1234.5", "9,99", "-3.00", "EUR 12.00" → minor units; null when unreadable.
 * With both separators the last one is the decimal point; a lone comma followed by 1–2 digits is one too.
 */
export function parseAmountMinor(text: string, currency: string): number | null {
  let s = text.trim().replace(/[A-Za-z$€£¥\s']/g, '');
  if (s === '') return null;
  const negative = s.startsWith('-') || (s.startsWith('(') && s.endsWith(')'));
  s = s.replace(/^[-(]|\)$/g, '');
  if (!/^[\d.,]+$/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let intPart = s;
  let fraction = '';
  if (lastDot !== -1 && lastComma !== -1) {
    const decimalAt = Math.max(lastDot, lastComma);
    intPart = s.slice(0, decimalAt).replace(/[.,]/g, '');
    fraction = s.slice(decimalAt + 1);
  } else if (lastComma !== -1) {
    const after = s.length - lastComma - 1;
    if (s.indexOf(',') === lastComma && after >= 1 && after <= 2) {
      intPart = s.slice(0, lastComma);
      fraction = s.slice(lastComma + 1);
    } else intPart = s.replace(/,/g, '');
  } else if (lastDot !== -1) {
    // A lone dot is a decimal point (machine exports); several dots are thousands separators.
    if (s.indexOf('.') === lastDot) {
      intPart = s.slice(0, lastDot);
      fraction = s.slice(lastDot + 1);
    } else intPart = s.replace(/\./g, '');
  }
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(fraction) || (intPart === '' && fraction === '')) return null;
  const exponent = currencyExponent(currency);
  if (fraction.length > exponent && /[1-9]/.test(fraction.slice(exponent))) return null;
  const minor =
    Number(intPart || '0') * 10 ** exponent +
    Number((fraction.slice(0, exponent) || '0').padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return negative ? -minor : minor;
}

const MONTHS_TABLE: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
// A Map for lookups: the month name comes from the input.
const MONTHS = new Map<string, number>(Object.entries(MONTHS_TABLE));

/** A regex group as a number (absent groups are 0). */
const g = (m: RegExpExecArray, i: number) => Number(m[i] ?? 0);

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59 || y < 1990 || y > 2200)
    return null;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return date.getUTCDate() === d ? date : null;
}

/**
 * Reseller dates, read as UTC unless they carry an offset: ISO 8601, "Y-m-d H:i:s" (Avangate),
 * "YmdHis" (Avangate IPN_DATE), "m/d/Y h:i:s AM" (month first, US), "d.m.Y H:i" (day first),
 * "19 Jun 2023 19:06". Null when unreadable.
 */
export function parseResellerDate(text: string): Date | null {
  const s = text.trim();
  if (s === '') return null;
  let m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (m) return utc(g(m, 1), g(m, 2), g(m, 3), g(m, 4), g(m, 5), g(m, 6));
  m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i.exec(
      s,
    );
  if (m) {
    const base = utc(g(m, 1), g(m, 2), g(m, 3), g(m, 4), g(m, 5), g(m, 6));
    if (!base || !m[7] || /^(z|utc)$/i.test(m[7])) return base;
    const offset = /([+-])(\d{2}):?(\d{2})/.exec(m[7]);
    if (!offset) return base;
    const minutes = (g(offset, 2) * 60 + g(offset, 3)) * (offset[1] === '-' ? -1 : 1);
    return new Date(base.getTime() - minutes * 60_000);
  }
  m = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i.exec(s);
  if (m) {
    let hour = g(m, 5);
    if (m[8]) {
      if (hour > 12) return null;
      hour = (hour % 12) + (m[8].toUpperCase() === 'PM' ? 12 : 0);
    }
    const [month, day] = m[2] === '/' ? [g(m, 1), g(m, 3)] : [g(m, 3), g(m, 1)];
    return utc(g(m, 4), month, day, hour, g(m, 6), g(m, 7));
  }
  m = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*[ -](\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) {
    const month = MONTHS.get((m[2] ?? '').toLowerCase());
    return month ? utc(g(m, 3), month, g(m, 1), g(m, 4), g(m, 5), g(m, 6)) : null;
  }
  return null;
}

/** YmdHis in UTC, the form Avangate's IPN_DATE and read receipts use. */
export function formatYmdHis(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}`;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export function normalizeEmail(text: string): string | null {
  const email = text.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}
