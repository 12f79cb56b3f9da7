// Turns parsed lines into per-day counters in memory. Visitors are told apart by a keyed hash of IP and
// user agent (visitor-hash.ts) whose key belongs to one UTC day of one run and is dropped with that day:
// the key is never written anywhere, so the hashes cannot be recomputed or joined across days.
import { detach } from './detach-string.ts';
import { countryOfIp } from './ip-country.ts';
import type { LogLine } from './parse-access-line.ts';
import { classifyUserAgent } from './user-agent.ts';
import { newVisitorKey, type VisitorKey, visitorHashOf } from './visitor-hash.ts';

export type AggregatorOptions = {
  /** Paths counted as downloads: exact paths, or prefixes when they end with "/". */
  downloadPaths: string[];
  /** Hosts of the site itself; referrals from them are internal navigation, not referrers. */
  ownDomains: string[];
};

/** Counters added since the last flush, for one UTC day. */
export type DayCounters = {
  countries: Map<string, [pageViews: number, visitors: number]>;
  browsers: Map<string, [pageViews: number, visitors: number]>;
  referrers: Map<string, number>;
  bots: Map<string, number>;
  downloads: Map<string, number>;
};

type DayState = { key: VisitorKey; visitors: Set<number>; pending: DayCounters | null };

const ASSET_EXTENSIONS = new Set([
  'css',
  'js',
  'mjs',
  'map',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'svg',
  'ico',
  'webp',
  'avif',
  'woff',
  'woff2',
  'ttf',
  'eot',
  'txt',
  'xml',
  'json',
  'mp4',
  'webm',
  'pdf',
]);

function emptyCounters(): DayCounters {
  return {
    countries: new Map(),
    browsers: new Map(),
    referrers: new Map(),
    bots: new Map(),
    downloads: new Map(),
  };
}

function bump(map: Map<string, number>, key: string): void {
  const n = map.get(key);
  if (n === undefined) map.set(detach(key), 1);
  else map.set(key, n + 1);
}

function bumpPair(map: Map<string, [number, number]>, key: string, newVisitor: boolean): void {
  const pair = map.get(key);
  if (pair) {
    pair[0] += 1;
    if (newVisitor) pair[1] += 1;
  } else map.set(detach(key), [1, newVisitor ? 1 : 0]);
}

// The same few referrers come back on most lines (the site's own pages above all).
const REFERRER_CACHE_LIMIT = 10_000;
const referrerCache = new Map<string, string | null>();

/** referrerDomain, remembered per referrer string (bounded). */
function cachedReferrerDomain(referrer: string): string | null {
  const cached = referrerCache.get(referrer);
  if (cached !== undefined) return cached;
  const domain = referrerDomain(referrer);
  if (referrerCache.size >= REFERRER_CACHE_LIMIT) referrerCache.clear();
  referrerCache.set(detach(referrer), domain);
  return domain;
}

export function referrerDomain(referrer: string): string | null {
  const scheme = referrer.indexOf('://');
  if (scheme < 0) return null;
  let end = referrer.length;
  for (const stop of ['/', '?', '#']) {
    const at = referrer.indexOf(stop, scheme + 3);
    if (at >= 0 && at < end) end = at;
  }
  let host = referrer.slice(scheme + 3, end).toLowerCase();
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  if (host.startsWith('[')) return null; // a bare IPv6 address is not a site
  const colon = host.indexOf(':');
  if (colon >= 0) host = host.slice(0, colon);
  if (host.startsWith('www.')) host = host.slice(4);
  if (!/^[a-z0-9.-]{1,253}$/.test(host) || /^[0-9.]+$/.test(host)) return null;
  return host;
}

export function isAssetPath(path: string): boolean {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash && ASSET_EXTENSIONS.has(path.slice(dot + 1).toLowerCase());
}

export function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export class LogAggregator {
  private readonly days = new Map<string, DayState>();
  private readonly downloadExact: Set<string>;
  private readonly downloadPrefixes: string[];
  private readonly ownDomains: Set<string>;
  private lastDayKey = '';
  private lastDayStart = 0;

  constructor(options: AggregatorOptions) {
    this.downloadExact = new Set(options.downloadPaths.filter((p) => !p.endsWith('/')));
    this.downloadPrefixes = options.downloadPaths.filter((p) => p.endsWith('/'));
    this.ownDomains = new Set(options.ownDomains.map((d) => d.toLowerCase().replace(/^www\./, '')));
  }

  private dayKey(time: number): string {
    if (time >= this.lastDayStart && time < this.lastDayStart + 86_400_000) return this.lastDayKey;
    this.lastDayStart = time - (time % 86_400_000);
    this.lastDayKey = dayOf(time);
    return this.lastDayKey;
  }

  /** The UTC day a line belongs to (cached; lines arrive roughly in order). */
  day(time: number): string {
    return this.dayKey(time);
  }

  add(line: LogLine, day: string): void {
    let state = this.days.get(day);
    if (!state) {
      state = { key: newVisitorKey(), visitors: new Set(), pending: null };
      this.days.set(day, state);
    }
    let counters = state.pending;
    if (!counters) {
      counters = emptyCounters();
      state.pending = counters;
    }

    const agent = classifyUserAgent(line.userAgent, line.hasAgentField);
    if (agent.kind === 'bot') {
      bump(counters.bots, agent.bot);
      return;
    }
    if (line.method !== 'GET' || line.status < 200 || line.status >= 400) return;
    const path = line.path;
    if (this.downloadExact.has(path) || this.isDownloadPrefix(path)) {
      if (line.status === 200) bump(counters.downloads, path);
      return;
    }
    if (isAssetPath(path)) return;

    const visitor = visitorHashOf(state.key, line.ip, agent.digest);
    const newVisitor = !state.visitors.has(visitor);
    if (newVisitor) state.visitors.add(visitor);
    bumpPair(counters.countries, countryOfIp(line.ip), newVisitor);
    bumpPair(counters.browsers, agent.key, newVisitor);
    if (line.referrer) {
      const domain = cachedReferrerDomain(line.referrer);
      if (domain && !this.ownDomains.has(domain)) bump(counters.referrers, domain);
    }
  }

  private isDownloadPrefix(path: string): boolean {
    for (const prefix of this.downloadPrefixes) if (path.startsWith(prefix)) return true;
    return false;
  }

  /** Hands over what was counted since the last call, day by day, and starts afresh. */
  takePending(): Map<string, DayCounters> {
    const out = new Map<string, DayCounters>();
    for (const [day, state] of this.days) {
      if (state.pending) out.set(day, state.pending);
      state.pending = null;
    }
    return out;
  }

  /** Forgets the salt and visitor hashes of days before `keepFrom` (logs are nearly in time order). */
  dropDaysBefore(keepFrom: string): void {
    for (const [day, state] of this.days) if (day < keepFrom && !state.pending) this.days.delete(day);
  }

  latestDay(): string | null {
    let latest: string | null = null;
    for (const day of this.days.keys()) if (latest === null || day > latest) latest = day;
    return latest;
  }
}
