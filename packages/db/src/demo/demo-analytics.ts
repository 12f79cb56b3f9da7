// Two years of daily aggregates (website, downloads, update checks). Upserts on the day keys,
// so a rerun leaves the same figures.
import type Database from 'better-sqlite3';
import {
  upsertDemoBotDay,
  upsertDemoBrowserDay,
  upsertDemoCountryDay,
  upsertDemoDownloadDay,
  upsertDemoReferrerDay,
  upsertDemoUpdateCheckDay,
} from '../sql/demo.ts';
import { createRng, itemSeed } from './rng.ts';

const DAY_MS = 86_400_000;
const COUNTRY_SHARES: [string, number][] = [
  ['US', 30],
  ['DE', 14],
  ['GB', 9],
  ['FR', 8],
  ['JP', 7],
  ['IN', 6],
  ['CA', 5],
  ['BR', 4],
  ['NL', 3],
  ['PL', 3],
  ['SE', 2],
  ['ES', 3],
  ['IT', 3],
  ['AU', 3],
];
const BROWSERS: [string, string, string, number][] = [
  ['Chrome', '131', 'Windows', 34],
  ['Chrome', '130', 'macOS', 12],
  ['Safari', '18', 'macOS', 10],
  ['Safari', '18', 'iOS', 8],
  ['Firefox', '133', 'Windows', 7],
  ['Edge', '131', 'Windows', 12],
  ['Chrome', '131', 'Android', 9],
  ['Firefox', '133', 'Linux', 3],
  ['Opera', '114', 'Windows', 2],
];
const REFERRERS: [string, number][] = [
  ['google.com', 45],
  ['bing.com', 8],
  ['duckduckgo.com', 5],
  ['reddit.com', 4],
  ['news.ycombinator.com', 2],
  ['youtube.com', 3],
  ['softpedia.com', 3],
];
const BOTS: [string, number][] = [
  ['Googlebot', 40],
  ['Bingbot', 15],
  ['AhrefsBot', 10],
  ['GPTBot', 6],
];
const FILES: [string, number][] = [
  ['/download/tessera-setup-5.2.exe', 60],
  ['/download/tessera-5.2.dmg', 30],
  ['/download/tessera-batch-2.1.exe', 10],
];
const UPDATE_COMBOS: [string, string, string, number][] = [
  ['Windows', '11', '5.2.0', 30],
  ['Windows', '10', '5.2.0', 20],
  ['Windows', '10', '5.1.3', 10],
  ['Windows', '11', '4.9.1', 6],
  ['macOS', '15', '5.2.0', 14],
  ['macOS', '14', '5.1.3', 8],
  ['macOS', '13', '4.9.1', 4],
];
const LANGUAGES: [string, number][] = [
  ['en', 55],
  ['de', 18],
  ['fr', 10],
  ['ja', 8],
  ['es', 5],
  ['pl', 4],
];

export function dayString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function generateDemoAnalytics(options: {
  sqlite: Database.Database;
  seed: number;
  now: Date;
  days?: number;
}): { days: number; rows: number } {
  const { sqlite, seed, now } = options;
  const days = options.days ?? 730;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let rows = 0;
  sqlite.transaction(() => {
    for (let d = days; d >= 1; d--) {
      const ms = today - d * DAY_MS;
      const day = dayString(ms);
      const rng = createRng(itemSeed(seed ^ 0xa11a, Math.floor(ms / DAY_MS)));
      const weekday = new Date(ms).getUTCDay();
      const growth = 1 + (days - d) / days; // traffic doubles over the period
      const base = (weekday === 0 || weekday === 6 ? 700 : 1100) * growth;
      for (const [code, share] of COUNTRY_SHARES) {
        const visitors = Math.round(((base * share) / 100) * (0.85 + rng.next() * 0.3));
        upsertDemoCountryDay.run(sqlite, {
          day,
          country: code,
          pageViews: Math.round(visitors * (2.2 + rng.next())),
          visitors,
        });
        rows++;
      }
      for (const [name, version, os, share] of BROWSERS) {
        const visitors = Math.round(((base * share) / 100) * (0.85 + rng.next() * 0.3));
        upsertDemoBrowserDay.run(sqlite, {
          day,
          browser: name,
          browserVersion: version,
          os,
          pageViews: Math.round(visitors * (2.2 + rng.next())),
          visitors,
        });
        rows++;
      }
      for (const [domain, share] of REFERRERS)
        upsertDemoReferrerDay.run(sqlite, {
          day,
          domain,
          pageViews: Math.round(((base * share) / 100) * (0.8 + rng.next() * 0.4)),
        });
      for (const [name, share] of BOTS)
        upsertDemoBotDay.run(sqlite, {
          day,
          bot: name,
          requests: Math.round(share * 20 * (0.7 + rng.next() * 0.6)),
        });
      for (const [file, share] of FILES)
        upsertDemoDownloadDay.run(sqlite, {
          day,
          file,
          downloads: Math.round(((base * 0.08 * share) / 100) * (0.8 + rng.next() * 0.4)),
        });
      for (const [os, osVersion, appVersion, share] of UPDATE_COMBOS) {
        for (const [language, langShare] of LANGUAGES) {
          for (const isLicensed of [1, 0]) {
            const checks = Math.round(
              ((base * 1.5 * share) / 100) *
                (langShare / 100) *
                (isLicensed ? 0.7 : 0.3) *
                (0.8 + rng.next() * 0.4),
            );
            if (checks === 0) continue;
            upsertDemoUpdateCheckDay.run(sqlite, {
              day,
              product: 'Tessera',
              os,
              osVersion,
              appVersion,
              language,
              isLicensed,
              checks,
            });
            rows++;
          }
        }
      }
      rows += REFERRERS.length + BOTS.length + FILES.length;
    }
  })();
  return { days, rows };
}
