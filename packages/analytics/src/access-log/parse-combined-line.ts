// Parses one Apache/nginx "combined" line (/work/shared/formats.md §5) with indexOf, no regex:
// this runs millions of times per import. Returns null for a malformed line; the caller counts it.

export type LogLine = {
  ip: string;
  /** Epoch milliseconds (UTC). */
  time: number;
  method: string;
  /** Request target without the query string. */
  path: string;
  status: number;
  referrer: string | null;
  userAgent: string | null;
};

const MONTHS_TABLE: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};
// A Map for lookups: the month name comes from the log line.
const MONTHS = new Map<string, number>(Object.entries(MONTHS_TABLE));

// Lines of one hour share "dd/Mon/yyyy:HH" and "±zzzz"; caching the hour's epoch keeps Date.UTC (and
// every allocation) off the hot path: a line is compared in place.
let cachedHour = '';
let cachedZone = '';
let cachedHourMs = 0;

/** `[10/Oct/2024:13:55:36 +0200]` body (without brackets) → epoch ms, or NaN. */
export function parseLogTime(text: string): number {
  return parseLogTimeAt(text, 0, text.length);
}

/** Whether the line's day, hour and zone are the cached ones (char by char: no substring). */
function sameHour(line: string, start: number): boolean {
  if (cachedHour === '') return false;
  for (let i = 0; i < 14; i++) if (line.charCodeAt(start + i) !== cachedHour.charCodeAt(i)) return false;
  for (let i = 0; i < 5; i++) if (line.charCodeAt(start + 21 + i) !== cachedZone.charCodeAt(i)) return false;
  return true;
}

/** parseLogTime of `line[start, end)`, read in place. */
function parseLogTimeAt(line: string, start: number, end: number): number {
  if (end - start !== 26 || line.charCodeAt(start + 20) !== 32) return Number.NaN;
  const minutes = twoDigits(line, start + 15);
  const seconds = twoDigits(line, start + 18);
  if (!(minutes < 60 && seconds < 61)) return Number.NaN;
  if (!sameHour(line, start)) {
    const day = twoDigits(line, start);
    const month = MONTHS.get(line.slice(start + 3, start + 6));
    const year = Number(line.slice(start + 7, start + 11));
    const hour = twoDigits(line, start + 12);
    const signChar = line[start + 21];
    const sign = signChar === '-' ? -1 : signChar === '+' ? 1 : 0;
    const zone = sign * (twoDigits(line, start + 22) * 60 + twoDigits(line, start + 24));
    if (month === undefined || !(day >= 1 && day <= 31) || !(hour < 24) || !sign || !Number.isFinite(year))
      return Number.NaN;
    if (!Number.isFinite(zone)) return Number.NaN;
    cachedHour = line.slice(start, start + 14);
    cachedZone = line.slice(start + 21, end);
    cachedHourMs = Date.UTC(year, month, day, hour) - zone * 60_000;
  }
  return cachedHourMs + minutes * 60_000 + seconds * 1000;
}

function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9) return Number.NaN;
  return a * 10 + b;
}

/** Finds the closing quote of a field that starts after `from`, skipping `\"` and `\\` (Apache). */
function closingQuote(line: string, from: number): number {
  let at = from;
  for (;;) {
    const quote = line.indexOf('"', at);
    if (quote < 0) return -1;
    let backslashes = 0;
    for (let i = quote - 1; i >= from && line.charCodeAt(i) === 92; i--) backslashes++;
    if (backslashes % 2 === 0) return quote;
    at = quote + 1;
  }
}

/** Decodes `\xHH` as raw bytes (then UTF-8) and Apache's `\"`, `\\`, `\n`, `\t`. */
export function unescapeField(raw: string): string {
  if (raw.indexOf('\\') < 0) return raw;
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 92 && i + 1 < raw.length) {
      const next = raw[i + 1];
      if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(raw.slice(i + 2, i + 4))) {
        bytes.push(Number.parseInt(raw.slice(i + 2, i + 4), 16));
        i += 3;
        continue;
      }
      const simple = next === 'n' ? 10 : next === 't' ? 9 : next === '"' ? 34 : next === '\\' ? 92 : -1;
      if (simple >= 0) {
        bytes.push(simple);
        i += 1;
        continue;
      }
    }
    for (const b of Buffer.from(raw[i] ?? '', 'utf8')) bytes.push(b);
  }
  return Buffer.from(bytes).toString('utf8');
}

export function parseCombinedLine(line: string): LogLine | null {
  const ipEnd = line.indexOf(' ');
  if (ipEnd <= 0) return null;
  const timeStart = line.indexOf('[', ipEnd);
  if (timeStart < 0) return null;
  const timeEnd = line.indexOf(']', timeStart);
  if (timeEnd < 0) return null;
  const time = parseLogTimeAt(line, timeStart + 1, timeEnd);
  if (Number.isNaN(time)) return null;
  if (line.charCodeAt(timeEnd + 1) !== 32 || line.charCodeAt(timeEnd + 2) !== 34) return null;
  const requestStart = timeEnd + 3;
  const requestEnd = closingQuote(line, requestStart);
  if (requestEnd < 0) return null;
  const statusStart = requestEnd + 2;
  const status = statusAt(line, statusStart);
  if (!(status >= 100 && status <= 599) || line.charCodeAt(statusStart + 3) !== 32) return null;
  const bytesEnd = line.indexOf(' ', statusStart + 4);
  if (bytesEnd < 0 || line.charCodeAt(bytesEnd + 1) !== 34) return null;
  const refEnd = closingQuote(line, bytesEnd + 2);
  if (refEnd < 0 || line.charCodeAt(refEnd + 1) !== 32 || line.charCodeAt(refEnd + 2) !== 34) return null;
  const uaEnd = closingQuote(line, refEnd + 3);
  if (uaEnd < 0) return null;
  const referrer = line.slice(bytesEnd + 2, refEnd);
  const userAgent = line.slice(refEnd + 3, uaEnd);

  // The request line is logged raw: "GET /x HTTP/1.1", sometimes junk such as "-" or binary bytes.
  // Method and target are found by index inside it; the target stops at a space, then at "?".
  let method = '';
  let path = '';
  const methodEnd = line.indexOf(' ', requestStart);
  if (methodEnd > requestStart && methodEnd < requestEnd) {
    method = line.slice(requestStart, methodEnd);
    let targetEnd = line.indexOf(' ', methodEnd + 1);
    if (targetEnd < 0 || targetEnd > requestEnd) targetEnd = requestEnd;
    const queryAt = line.indexOf('?', methodEnd + 1);
    if (queryAt >= 0 && queryAt < targetEnd) targetEnd = queryAt;
    path = unescapeField(line.slice(methodEnd + 1, targetEnd));
  }
  return {
    ip: line.slice(0, ipEnd),
    time,
    method,
    path,
    status,
    referrer: referrer === '-' || referrer === '' ? null : unescapeField(referrer),
    userAgent: userAgent === '-' || userAgent === '' ? null : unescapeField(userAgent),
  };
}

/** Three digits read in place; anything else is read by Number() as before (and nearly always fails). */
function statusAt(line: string, at: number): number {
  const a = line.charCodeAt(at) - 48;
  const b = line.charCodeAt(at + 1) - 48;
  const c = line.charCodeAt(at + 2) - 48;
  if (a >= 0 && a <= 9 && b >= 0 && b <= 9 && c >= 0 && c <= 9) return a * 100 + b * 10 + c;
  return Number(line.slice(at, at + 3));
}
