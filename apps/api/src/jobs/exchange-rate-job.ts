// Fetches the ECB's euro reference rates once a day and keeps them with their date, for revenue in
// the owner's home currency. The 90-day file fills any days the server was down. The fetch is
// injected so tests replace only this edge.
import { parseEcbXml, storeRates } from '@keydesk/analytics';
import type { ScheduledJob } from './scheduled-job.ts';

export const ECB_RATES_URL = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml';

export type FetchText = (url: string) => Promise<string>;

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`The ECB answered ${response.status} for ${url}`);
  return response.text();
}

export function exchangeRateJob(fetch: FetchText = fetchText): ScheduledJob {
  return {
    name: 'money.exchange-rates',
    label: 'Fetch exchange rates',
    description: "Fetches the ECB's euro reference rates, for revenue in the home currency.",
    defaultIntervalMs: 24 * 3_600_000,
    async run(services, now) {
      const { rates, rejected } = parseEcbXml(await fetch(ECB_RATES_URL));
      if (rates.length === 0)
        throw new Error(`The ECB file held no rates${rejected[0] ? `: ${rejected[0].reason}` : ''}`);
      const changed = storeRates(services.db.sqlite, rates, now);
      const days = new Set(rates.map((rate) => rate.day));
      const refused =
        rejected.length > 0
          ? `; refused ${rejected.length} (first: ${rejected[0]?.position}, ${rejected[0]?.reason})`
          : '';
      return `kept ${changed.toLocaleString('en')} new rates over ${days.size} days${refused}`;
    },
  };
}
