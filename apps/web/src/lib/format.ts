// Numbers, money and dates in the owner's locale and time zone, formatted in one place.
// The time zone defaults to the browser's; `setTimeZone` changes it (remembered in localStorage) so
// that an owner travelling with a laptop still reads dates in their home zone.

const TIME_ZONE_KEY = 'keydesk-time-zone';

type Formats = {
  locale: string;
  timeZone: string;
  count: Intl.NumberFormat;
  percent: Intl.NumberFormat;
  dateTime: Intl.DateTimeFormat;
  date: Intl.DateTimeFormat;
  money: Map<string, Intl.NumberFormat>;
};

function browserLocale(): string {
  return typeof navigator === 'undefined' ? 'en-US' : navigator.language || 'en-US';
}

/** The zone the browser runs in, e.g. "Europe/Berlin". */
export function browserTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** True for an IANA zone name the browser knows ("Europe/Berlin", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function storedTimeZone(): string | null {
  try {
    const stored = globalThis.localStorage?.getItem(TIME_ZONE_KEY) ?? null;
    return stored && isValidTimeZone(stored) ? stored : null;
  } catch {
    return null;
  }
}

function buildFormats(locale: string, timeZone: string): Formats {
  return {
    locale,
    timeZone,
    count: new Intl.NumberFormat(locale),
    percent: new Intl.NumberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    }),
    dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }),
    money: new Map(),
  };
}

let formats = buildFormats(browserLocale(), storedTimeZone() ?? browserTimeZone());

/** The locale and time zone every format below uses. */
export function getFormatSettings(): { locale: string; timeZone: string } {
  return { locale: formats.locale, timeZone: formats.timeZone };
}

/**
 * Sets the locale and/or time zone for every later call. `timeZone: null` returns to the browser's
 * zone. Pages re-render on their own next query; call it before the first render (or reload) to
 * change what is already on screen.
 */
export function setFormatSettings(next: { locale?: string; timeZone?: string | null }): void {
  const timeZone = next.timeZone === null ? browserTimeZone() : (next.timeZone ?? formats.timeZone);
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  try {
    if (next.timeZone === null) globalThis.localStorage?.removeItem(TIME_ZONE_KEY);
    else if (next.timeZone) globalThis.localStorage?.setItem(TIME_ZONE_KEY, next.timeZone);
  } catch {
    // Storage can be disabled (private mode); the setting then lasts for this page only.
  }
  formats = buildFormats(next.locale ?? formats.locale, timeZone);
}

export function formatCount(value: number): string {
  return formats.count.format(value);
}

/** Amounts are stored in minor units; the currency decides how many decimals it has. */
export function formatMoney(amountMinor: number, currency: string): string {
  let format = formats.money.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(formats.locale, { style: 'currency', currency });
    formats.money.set(currency, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

export function formatChange(current: number, previous: number): string | null {
  if (previous === 0) return current === 0 ? null : 'new';
  return formats.percent.format((current - previous) / previous);
}

export function formatDateTime(value: Date | string | number): string {
  return formats.dateTime.format(new Date(value));
}

export function formatDate(value: Date | string | number): string {
  return formats.date.format(new Date(value));
}

/** The calendar day (YYYY-MM-DD) a moment falls on in the owner's time zone: for grouping by day. */
export function toZonedDay(value: Date | string | number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: formats.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(value));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

// The interface is written in English, so the plural category follows English rules whatever the
// number locale: "1 message", "2 messages", "0 messages".
const englishPlurals = new Intl.PluralRules('en-US');

/** "1 customer", "1,234 customers": the count in the owner's locale and the noun in its plural form. */
export function formatPlural(count: number, forms: { one: string; other: string }): string {
  const noun = englishPlurals.select(count) === 'one' ? forms.one : forms.other;
  return `${formatCount(count)} ${noun}`;
}

/** A schedule in words: "every 5 minutes", "every hour", "every 6 hours", "every day", "off". */
export function formatInterval(minutes: number): string {
  if (minutes <= 0) return 'off';
  const units: [number, { one: string; other: string }][] = [
    [7 * 24 * 60, { one: 'week', other: 'weeks' }],
    [24 * 60, { one: 'day', other: 'days' }],
    [60, { one: 'hour', other: 'hours' }],
  ];
  for (const [size, forms] of units) {
    if (minutes % size === 0) {
      const count = minutes / size;
      return count === 1 ? `every ${forms.one}` : `every ${formatPlural(count, forms)}`;
    }
  }
  return minutes === 1
    ? 'every minute'
    : `every ${formatPlural(minutes, { one: 'minute', other: 'minutes' })}`;
}

const regionNames = new Map<string, Intl.DisplayNames>();

/** "DE" → "Germany" in the owner's language; codes the browser does not know stay as they are. */
export function formatCountry(code: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  try {
    let names = regionNames.get(formats.locale);
    if (!names) {
      names = new Intl.DisplayNames(formats.locale, { type: 'region' });
      regionNames.set(formats.locale, names);
    }
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
