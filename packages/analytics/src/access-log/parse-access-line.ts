// Parses one Apache/nginx access-log line with indexOf, no regex: this runs millions of times per
// import. Reads combined, common (no referrer and agent), vhost_combined / vhost_common (`%v:%p` or
// `%v` first), nginx's `main` (`"$http_x_forwarded_for"` after the agent) and a forwarded-for list in
// the client field; which address is the visitor is decided in client-address.ts. A line that is
// not one of these is refused with one of the fixed reasons below (never text from the line).
import { clientOfForwardedList, clientOfPrefix } from './client-address.ts';

export type LogLine = {
  /** The visitor's address (or host name when the server logged names). */
  ip: string;
  /** Epoch milliseconds (UTC). */
  time: number;
  method: string;
  /** Request target without the query string. */
  path: string;
  status: number;
  referrer: string | null;
  userAgent: string | null;
  /** False for Common Log Format lines, which log no user agent at all (unknown, not absent). */
  hasAgentField: boolean;
};

export const REFUSAL = {
  blank: 'blank line',
  noTime: 'no [dd/Mon/yyyy:HH:MM:SS ±hhmm] time field',
  badTime: 'time field is not dd/Mon/yyyy:HH:MM:SS ±hhmm',
  noClient: 'no client address, ident and user fields before the time',
  noRequest: 'no quoted request after the time',
  unclosedRequest: 'request field has no closing quote',
  badStatus: 'status is not a number from 100 to 599',
  noSize: 'no response size after the status',
  unclosedReferrer: 'referrer field has no closing quote',
  noAgent: 'referrer without a user-agent field (line cut short?)',
  unclosedAgent: 'user-agent field has no closing quote',
} as const;

export type Refusal = (typeof REFUSAL)[keyof typeof REFUSAL];
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

/**
 * The closing quote of a field that starts at `from`: not escaped (Apache's `\"`, `\\`) and followed by
 * a space or the end of the line, so a stray raw quote inside a user agent does not end it early.
 */
function fieldEnd(line: string, from: number): number {
  let at = from;
  for (;;) {
    const quote = line.indexOf('"', at);
    if (quote < 0) return -1;
    let backslashes = 0;
    for (let i = quote - 1; i >= from && line.charCodeAt(i) === 92; i--) backslashes++;
    const next = line.charCodeAt(quote + 1);
    if (backslashes % 2 === 0 && (next === 32 || Number.isNaN(next))) return quote;
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

const TIME_LENGTH = 26; // "10/Oct/2024:13:55:36 +0200"

/** Where the `[` of the time field is, or -1 (an IPv6 "[...]" in a forwarded list is passed by). */
function timeFieldStart(line: string): number {
  for (let at = line.indexOf(' ['); at >= 0; at = line.indexOf(' [', at + 2))
    if (line.charCodeAt(at + TIME_LENGTH + 2) === 93) return at + 1;
  return -1;
}

// A log behind a proxy has a forwarded list on every line, and a visit's lines repeat it: the last
// answer is kept so the list is split and its addresses classified once per visit, not per line.
let lastPrefix = '';
let lastPrefixClient: string | null = null;
let lastForwarded = '';
let lastRemote = '';
let lastForwardedClient = '';

/** The visitor's address from the text before `%l %u [`: one plain token is the common case. */
function clientBefore(line: string, end: number): string | null {
  for (let i = 0; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 44 || c === 34) {
      const prefix = line.slice(0, end);
      if (prefix !== lastPrefix) {
        lastPrefix = prefix;
        lastPrefixClient = clientOfPrefix(prefix);
      }
      return lastPrefixClient;
    }
  }
  return end > 0 && !(end === 1 && line.charCodeAt(0) === 45) ? line.slice(0, end) : null;
}

export function parseAccessLine(line: string): LogLine | Refusal {
  const first = line.charCodeAt(0);
  if (Number.isNaN(first) || ((first === 32 || first === 9) && line.trim() === '')) return REFUSAL.blank;
  const timeStart = timeFieldStart(line);
  if (timeStart < 0) return line.indexOf(' [') >= 0 ? REFUSAL.badTime : REFUSAL.noTime;
  const time = parseLogTimeAt(line, timeStart + 1, timeStart + 1 + TIME_LENGTH);
  if (Number.isNaN(time)) return REFUSAL.badTime;
  // `%l %u` (ident and user, nearly always "-") stand right before the time; the client before them.
  const userSpace = line.lastIndexOf(' ', timeStart - 2);
  const identSpace = userSpace > 0 ? line.lastIndexOf(' ', userSpace - 1) : -1;
  let ip = identSpace > 0 ? clientBefore(line, identSpace) : null;
  if (ip === null) return REFUSAL.noClient;

  const timeEnd = timeStart + TIME_LENGTH + 1;
  if (line.charCodeAt(timeEnd + 1) !== 32 || line.charCodeAt(timeEnd + 2) !== 34) return REFUSAL.noRequest;
  const requestStart = timeEnd + 3;
  const requestEnd = fieldEnd(line, requestStart);
  if (requestEnd < 0) return REFUSAL.unclosedRequest;
  const statusStart = requestEnd + 2;
  const status = statusAt(line, statusStart);
  const afterStatus = line.charCodeAt(statusStart + 3);
  if (!(status >= 100 && status <= 599) || !(afterStatus === 32 || Number.isNaN(afterStatus)))
    return REFUSAL.badStatus;
  const sizeStart = statusStart + 4;
  const sizeChar = line.charCodeAt(sizeStart);
  if (!((sizeChar >= 48 && sizeChar <= 57) || sizeChar === 45)) return REFUSAL.noSize;
  const sizeEnd = line.indexOf(' ', sizeStart);

  let referrer: string | null = null;
  let userAgent: string | null = null;
  // Common Log Format ends after the size (extra unquoted fields such as `%D` may follow).
  const hasAgentField = sizeEnd >= 0 && line.charCodeAt(sizeEnd + 1) === 34;
  if (hasAgentField) {
    const refEnd = fieldEnd(line, sizeEnd + 2);
    if (refEnd < 0) return REFUSAL.unclosedReferrer;
    if (line.charCodeAt(refEnd + 2) !== 34) return REFUSAL.noAgent;
    const uaEnd = fieldEnd(line, refEnd + 3);
    if (uaEnd < 0) return REFUSAL.unclosedAgent;
    const rawReferrer = line.slice(sizeEnd + 2, refEnd);
    const rawAgent = line.slice(refEnd + 3, uaEnd);
    referrer = rawReferrer === '-' || rawReferrer === '' ? null : unescapeField(rawReferrer);
    userAgent = rawAgent === '-' || rawAgent === '' ? null : unescapeField(rawAgent);
    // nginx's `main` format: `"$http_x_forwarded_for"` right after the agent.
    if (line.charCodeAt(uaEnd + 2) === 34 && line.charCodeAt(uaEnd + 3) !== 45) {
      const forwardedEnd = fieldEnd(line, uaEnd + 3);
      if (forwardedEnd > uaEnd + 3) {
        const forwarded = line.slice(uaEnd + 3, forwardedEnd);
        if (forwarded !== lastForwarded || ip !== lastRemote) {
          lastForwarded = forwarded;
          lastRemote = ip;
          lastForwardedClient = clientOfForwardedList(`${forwarded},${ip}`) ?? ip;
        }
        ip = lastForwardedClient;
      }
    }
  }

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
  return { ip, time, method, path, status, referrer, userAgent, hasAgentField };
}

/** Three digits read in place; anything else is read by Number() as before (and nearly always fails). */
function statusAt(line: string, at: number): number {
  const a = line.charCodeAt(at) - 48;
  const b = line.charCodeAt(at + 1) - 48;
  const c = line.charCodeAt(at + 2) - 48;
  if (a >= 0 && a <= 9 && b >= 0 && b <= 9 && c >= 0 && c <= 9) return a * 100 + b * 10 + c;
  return Number(line.slice(at, at + 3));
}
