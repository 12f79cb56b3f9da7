// Offline IP → country from @ip-location-db/geo-whois-asn-country (CC0; built from the RIRs' whois
// and NRO statistics, CC BY 4.0 attribution to nro.net): CSV files inside the npm package, read once.
// Nothing is downloaded at install or run time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ipv6Prefix64, parseIpv4, scanIpv6Prefix64 } from './ip-address.ts';

export { ipv6Prefix64, parseIpv4 };

export const UNKNOWN_COUNTRY = 'ZZ';

type RangeTable = {
  startHi: Uint32Array;
  startLo: Uint32Array;
  endHi: Uint32Array;
  endLo: Uint32Array;
  country: Uint16Array;
};
/** v4Index[b]: the first IPv4 row starting at or after b << 16, so a search looks at one /16's rows. */
type Tables = { v4: RangeTable; v4Index: Uint32Array; v6: RangeTable; codes: string[] };

let tables: Tables | null = null;

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@ip-location-db/geo-whois-asn-country/package.json'));
}

function codeOf(code: string, codes: string[], codeIndex: Map<string, number>): number {
  let index = codeIndex.get(code);
  if (index === undefined) {
    index = codes.length;
    codes.push(code);
    codeIndex.set(code, index);
  }
  return index;
}

function emptyTable(rows: number): RangeTable {
  return {
    startHi: new Uint32Array(rows),
    startLo: new Uint32Array(rows),
    endHi: new Uint32Array(rows),
    endLo: new Uint32Array(rows),
    country: new Uint16Array(rows),
  };
}

/** "start,end,CC" lines with decimal IPv4 numbers, scanned by hand: split() per line is 3× slower. */
function loadV4(file: string, codes: string[], codeIndex: Map<string, number>): RangeTable {
  const text = readFileSync(file, 'latin1');
  let rows = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) rows++;
  const table = emptyTable(rows);
  let row = 0;
  let at = 0;
  while (row < rows) {
    let start = 0;
    let c = text.charCodeAt(at++);
    while (c !== 44) {
      start = start * 10 + (c - 48);
      c = text.charCodeAt(at++);
    }
    let end = 0;
    c = text.charCodeAt(at++);
    while (c !== 44) {
      end = end * 10 + (c - 48);
      c = text.charCodeAt(at++);
    }
    const newline = text.indexOf('\n', at);
    table.startLo[row] = start;
    table.endLo[row] = end;
    table.country[row] = codeOf(text.slice(at, newline), codes, codeIndex);
    at = newline + 1;
    row++;
  }
  return table;
}

/** "start,end,CC" lines with IPv6 addresses. Country blocks are /64 or coarser, so the top 64 bits decide. */
function loadV6(file: string, codes: string[], codeIndex: Map<string, number>): RangeTable {
  const text = readFileSync(file, 'latin1');
  let rows = 0;
  for (let at = 0; at < text.length; ) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    if (end > at) rows++;
    at = end + 1;
  }
  const table = emptyTable(rows);
  const s = new Uint32Array(4);
  const e = new Uint32Array(4);
  let row = 0;
  for (let at = 0; at < text.length; ) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    if (end > at) {
      const comma1 = text.indexOf(',', at);
      const comma2 = comma1 < 0 || comma1 > end ? -1 : text.indexOf(',', comma1 + 1);
      if (comma2 < 0 || comma2 > end) parseV6Row(text.slice(at, end), s, e);
      else {
        if (!scanIpv6Prefix64(text, at, comma1, s))
          s.set(ipv6Prefix64(text.slice(at, comma1)) ?? [0, 0, 0, 0]);
        if (!scanIpv6Prefix64(text, comma1 + 1, comma2, e))
          e.set(ipv6Prefix64(text.slice(comma1 + 1, comma2)) ?? [0, 0, 0, 0]);
      }
      table.startHi[row] = (s[0] ?? 0) * 65536 + (s[1] ?? 0);
      table.startLo[row] = (s[2] ?? 0) * 65536 + (s[3] ?? 0);
      table.endHi[row] = (e[0] ?? 0) * 65536 + (e[1] ?? 0);
      table.endLo[row] = (e[2] ?? 0) * 65536 + (e[3] ?? 0);
      const comma3 = comma2 < 0 || comma2 > end ? -1 : text.indexOf(',', comma2 + 1);
      const code =
        comma2 < 0 || comma2 > end
          ? UNKNOWN_COUNTRY
          : text.slice(comma2 + 1, comma3 < 0 || comma3 > end ? end : comma3);
      table.country[row] = codeOf(code, codes, codeIndex);
      row++;
    }
    at = end + 1;
  }
  return table;
}

/** A row without two commas, read the slow general way (none in the shipped file). */
function parseV6Row(line: string, s: Uint32Array, e: Uint32Array): void {
  const [start = '', end = ''] = line.split(',');
  s.set(ipv6Prefix64(start) ?? [0, 0, 0, 0]);
  e.set(ipv6Prefix64(end) ?? [0, 0, 0, 0]);
}

/** Loads the ranges (about 0.5 s, 15 MB); later calls are free. */
export function loadIpCountryTables(): void {
  if (tables) return;
  const dir = packageDir();
  const codes: string[] = [];
  const codeIndex = new Map<string, number>();
  const v4 = loadV4(path.join(dir, 'geo-whois-asn-country-ipv4-num.csv'), codes, codeIndex);
  const v6 = loadV6(path.join(dir, 'geo-whois-asn-country-ipv6.csv'), codes, codeIndex);
  tables = { v4, v4Index: indexBy16(v4), v6, codes };
}

function indexBy16(table: RangeTable): Uint32Array {
  const index = new Uint32Array(65_537);
  let row = 0;
  const rows = table.startLo.length;
  for (let bucket = 0; bucket <= 65_536; bucket++) {
    while (row < rows && (table.startLo[row] ?? 0) < bucket * 65_536) row++;
    index[bucket] = row;
  }
  return index;
}

/** The row holding (hi, lo) among rows [low, high] (sorted by start), or -1. */
function find(table: RangeTable, hi: number, lo: number, from = 0, to = table.startLo.length - 1): number {
  let low = from;
  let high = to;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const sHi = table.startHi[mid] ?? 0;
    const sLo = table.startLo[mid] ?? 0;
    if (sHi < hi || (sHi === hi && sLo <= lo)) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (found < 0) return -1;
  const eHi = table.endHi[found] ?? 0;
  const eLo = table.endLo[found] ?? 0;
  return eHi > hi || (eHi === hi && eLo >= lo) ? (table.country[found] ?? -1) : -1;
}

// Scratch space for the common IPv6 case: no allocation per line, so no cache by address is needed.
const prefix = new Uint32Array(4);

/** ISO alpha-2 country of an IPv4 or IPv6 address; "ZZ" when unknown (private, reserved, a hostname). */
export function countryOfIp(ip: string): string {
  loadIpCountryTables();
  const t = tables as Tables;
  let index = -1;
  const v4 = ip.startsWith('::ffff:') && ip.includes('.') ? parseIpv4(ip.slice(7)) : parseIpv4(ip);
  if (v4 !== null) {
    // The range holding v4 starts in its own /16 or is the last one starting before it.
    const bucket = Math.floor(v4 / 65_536);
    const first = t.v4Index[bucket] ?? 0;
    index = find(t.v4, 0, v4, first > 0 ? first - 1 : 0, (t.v4Index[bucket + 1] ?? 0) - 1);
  } else if (scanIpv6Prefix64(ip, 0, ip.length, prefix))
    index = find(
      t.v6,
      (prefix[0] ?? 0) * 65536 + (prefix[1] ?? 0),
      (prefix[2] ?? 0) * 65536 + (prefix[3] ?? 0),
    );
  else {
    const groups = ipv6Prefix64(ip);
    if (groups) index = find(t.v6, groups[0] * 65536 + groups[1], groups[2] * 65536 + groups[3]);
  }
  return index >= 0 ? (t.codes[index] ?? UNKNOWN_COUNTRY) : UNKNOWN_COUNTRY;
}

/** The network an address belongs to for abuse checks: IPv4 /24, IPv6 /48. Never the address itself. */
export function networkOfIp(ip: string): string | null {
  const mapped = ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
  const v4 = parseIpv4(mapped);
  if (v4 !== null) return `${mapped.split('.').slice(0, 3).join('.')}.0/24`;
  const groups = ipv6Prefix64(ip);
  if (!groups) return null;
  return `${groups
    .slice(0, 3)
    .map((g) => g.toString(16))
    .join(':')}::/48`;
}
