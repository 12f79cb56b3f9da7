// Offline IP → country from @ip-location-db/geo-whois-asn-country (CC0; built from the RIRs' whois
// and NRO statistics, CC BY 4.0 attribution to nro.net): CSV files inside the npm package, read once.
// Nothing is downloaded at install or run time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const UNKNOWN_COUNTRY = 'ZZ';

type RangeTable = {
  startHi: Uint32Array;
  startLo: Uint32Array;
  endHi: Uint32Array;
  endLo: Uint32Array;
  country: Uint16Array;
};
type Tables = { v4: RangeTable; v6: RangeTable; codes: string[] };

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
  const lines = readFileSync(file, 'latin1')
    .split('\n')
    .filter((line) => line.length > 0);
  const table = emptyTable(lines.length);
  lines.forEach((line, i) => {
    const [start = '', end = '', code = UNKNOWN_COUNTRY] = line.split(',');
    const s = ipv6Prefix64(start) ?? [0, 0, 0, 0];
    const e = ipv6Prefix64(end) ?? [0, 0, 0, 0];
    table.startHi[i] = s[0] * 65536 + s[1];
    table.startLo[i] = s[2] * 65536 + s[3];
    table.endHi[i] = e[0] * 65536 + e[1];
    table.endLo[i] = e[2] * 65536 + e[3];
    table.country[i] = codeOf(code, codes, codeIndex);
  });
  return table;
}

/** Loads the ranges (about 0.5 s, 15 MB); later calls are free. */
export function loadIpCountryTables(): void {
  if (tables) return;
  const dir = packageDir();
  const codes: string[] = [];
  const codeIndex = new Map<string, number>();
  const v4 = loadV4(path.join(dir, 'geo-whois-asn-country-ipv4-num.csv'), codes, codeIndex);
  const v6 = loadV6(path.join(dir, 'geo-whois-asn-country-ipv6.csv'), codes, codeIndex);
  tables = { v4, v6, codes };
}

function find(table: RangeTable, hi: number, lo: number): number {
  let low = 0;
  let high = table.startLo.length - 1;
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

export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (part.length === 0 || part.length > 3) return null;
    const n = Number(part);
    if (!Number.isInteger(n) || n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

/** The first four 16-bit groups of an IPv6 address (its /64), or null when it is not one. */
export function ipv6Prefix64(text: string): [number, number, number, number] | null {
  if (text.indexOf(':') < 0) return null;
  const zone = text.indexOf('%');
  const address = zone >= 0 ? text.slice(0, zone) : text;
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) is two groups.
  const last = tail.length ? tail[tail.length - 1] : head[head.length - 1];
  const groupsInTail = last?.includes('.') ? 1 : 0;
  const total = head.length + tail.length + groupsInTail;
  if (halves.length === 1 ? total !== 8 : total > 7) return null;
  const groups = [...head, ...new Array(8 - total).fill('0'), ...tail].slice(0, 4);
  const values = groups.map((g) => (g.length >= 1 && g.length <= 4 ? Number(`0x${g}`) : Number.NaN));
  if (values.some((v) => Number.isNaN(v))) return null;
  return [values[0] ?? 0, values[1] ?? 0, values[2] ?? 0, values[3] ?? 0];
}

/** ISO alpha-2 country of an IPv4 or IPv6 address; "ZZ" when unknown (private, reserved, a hostname). */
export function countryOfIp(ip: string): string {
  loadIpCountryTables();
  const t = tables as Tables;
  let index = -1;
  const v4 = ip.startsWith('::ffff:') && ip.includes('.') ? parseIpv4(ip.slice(7)) : parseIpv4(ip);
  if (v4 !== null) index = find(t.v4, 0, v4);
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
