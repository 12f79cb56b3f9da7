// The ECB's euro reference rates: parsing its two published formats (the historical CSV and the
// daily / 90-day XML) and keeping the rates with their date in the ExchangeRate table. No HTTP
// here: the daily job in apps/api fetches the text and hands it in.
import type Database from 'better-sqlite3';
import { latestRate, upsertRate } from '../sql/money.ts';

/** Units of `currency` one euro bought on `day` (the ECB quotes every rate against the euro). */
export type EuroRate = { day: string; currency: string; perEuro: number };
export type RejectedRate = { position: string; reason: string };
export type ParsedRates = { rates: EuroRate[]; rejected: RejectedRate[] };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCY = /^[A-Z]{3}$/;

function accept(out: ParsedRates, day: string, currency: string, raw: string, position: string): void {
  const value = raw.trim();
  // The ECB writes N/A (or nothing) for currencies it did not quote that day: not an error.
  if (value === '' || value === 'N/A') return;
  const perEuro = Number(value);
  if (!DAY.test(day)) out.rejected.push({ position, reason: `"${day}" is not a day (YYYY-MM-DD)` });
  else if (!CURRENCY.test(currency))
    out.rejected.push({ position, reason: `"${currency}" is not a currency code` });
  else if (!Number.isFinite(perEuro) || perEuro <= 0)
    out.rejected.push({ position, reason: `"${value}" is not a positive rate` });
  else out.rates.push({ day, currency, perEuro });
}

/** eurofxref-hist.csv: "Date,USD,JPY,…" then one line per working day, newest first. */
export function parseEcbCsv(text: string): ParsedRates {
  const out: ParsedRates = { rates: [], rejected: [] };
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((cell) => cell.trim());
  if (header[0] !== 'Date') {
    out.rejected.push({
      position: 'line 1',
      reason: 'the first column is not "Date": not an ECB rates file',
    });
    return out;
  }
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const cells = line.split(',');
    const day = (cells[0] ?? '').trim();
    for (let c = 1; c < header.length; c++) {
      const currency = header[c] ?? '';
      if (currency === '') continue; // the trailing comma of every ECB line
      accept(out, day, currency, cells[c] ?? '', `line ${i + 1}, ${currency}`);
    }
  }
  return out;
}

/** eurofxref-daily.xml / eurofxref-hist-90d.xml: <Cube time="…"><Cube currency="USD" rate="1.08"/>… */
export function parseEcbXml(text: string): ParsedRates {
  const out: ParsedRates = { rates: [], rejected: [] };
  let day: string | null = null;
  for (const match of text.matchAll(
    /<Cube\s+(time|currency)=['"]([^'"]*)['"](?:\s+rate=['"]([^'"]*)['"])?/g,
  )) {
    if (match[1] === 'time') day = match[2] ?? null;
    else if (day === null)
      out.rejected.push({ position: `offset ${match.index}`, reason: 'a rate outside a day' });
    else accept(out, day, match[2] ?? '', match[3] ?? '', `${day}, ${match[2]}`);
  }
  if (out.rates.length === 0 && out.rejected.length === 0)
    out.rejected.push({ position: 'document', reason: 'no <Cube time=…> rates: not an ECB rates file' });
  return out;
}

/** Upserts the rates; returns how many rows were new or changed. */
export function storeRates(sqlite: Database.Database, rates: EuroRate[], now: Date): number {
  let changed = 0;
  sqlite.transaction(() => {
    for (const rate of rates) changed += upsertRate.run(sqlite, { ...rate, now: now.getTime() }).changes;
  })();
  return changed;
}

/** The newest day the table holds a rate for, or null when it has none. */
export function latestRateDay(sqlite: Database.Database): string | null {
  return latestRate.get(sqlite)?.day ?? null;
}
