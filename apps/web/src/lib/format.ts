// Numbers, money and dates in the owner's locale and time zone, formatted in one place.
const locale = typeof navigator === 'undefined' ? 'en-US' : navigator.language;

const countFormat = new Intl.NumberFormat(locale);
const percentFormat = new Intl.NumberFormat(locale, {
  style: 'percent',
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** Amounts are stored in minor units; the currency decides how many decimals it has. */
export function formatMoney(amountMinor: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

export function formatChange(current: number, previous: number): string | null {
  if (previous === 0) return current === 0 ? null : 'new';
  return percentFormat.format((current - previous) / previous);
}

export function formatDateTime(value: Date | string | number): string {
  return dateTimeFormat.format(new Date(value));
}

export function formatDate(value: Date | string | number): string {
  return dateFormat.format(new Date(value));
}
