// Text → numbers for IP addresses, on the import's hot path and for loading the country tables.
// Fast paths scan character codes; anything they do not fully understand goes to the general parser,
// so both give the same answers.

export function parseIpv4(text: string): number | null {
  const fast = scanIpv4(text);
  return fast >= 0 ? fast : fast === -1 ? null : parseIpv4General(text);
}

/** Dotted decimal by char codes: the value, -1 for surely not IPv4, -2 for "ask the general parser". */
function scanIpv4(text: string): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || part > 255) return -1;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      if (++digits > 3) return -1;
      part = part * 10 + (c - 48);
    } else if (c === 58)
      return -1; // a colon: IPv6, or a port, never dotted decimal
    else return -2;
  }
  if (dots !== 3 || digits === 0 || part > 255) return -1;
  return value * 256 + part;
}

function parseIpv4General(text: string): number | null {
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
  const out: [number, number, number, number] = [0, 0, 0, 0];
  return scanIpv6Prefix64(text, 0, text.length, out) ? out : ipv6Prefix64General(text);
}

const groups = new Int32Array(8);

/**
 * `text[from, to)` as plain hex groups with at most one "::" into `out`: true when parsed, false when
 * the general parser must decide (zone ids, embedded IPv4, odd colons, not an address at all).
 */
export function scanIpv6Prefix64(
  text: string,
  from: number,
  to: number,
  out: [number, number, number, number] | Uint32Array,
): boolean {
  let count = 0;
  let gap = -1; // number of groups before "::"
  let value = 0;
  let digits = 0;
  let i = from;
  if (to - from >= 2 && text.charCodeAt(from) === 58 && text.charCodeAt(from + 1) === 58) {
    gap = 0;
    i += 2;
    if (i === to) {
      out[0] = out[1] = out[2] = out[3] = 0;
      return true;
    }
  }
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 102) d = c - 87;
    else if (c >= 65 && c <= 70) d = c - 55;
    else if (c === 58) {
      if (digits === 0 || count === 8) return false;
      groups[count++] = value;
      value = 0;
      digits = 0;
      if (i + 1 < to && text.charCodeAt(i + 1) === 58) {
        if (gap >= 0) return false;
        gap = count;
        i++;
        if (i + 1 === to) break; // ends with "::"
      } else if (i + 1 === to) return false;
      continue;
    } else return false;
    if (++digits > 4) return false;
    value = value * 16 + d;
  }
  if (digits > 0) {
    if (count === 8) return false;
    groups[count++] = value;
  } else if (gap !== count) return false;
  if (gap < 0 ? count !== 8 : count > 7) return false;
  const zeros = gap < 0 ? 0 : 8 - count;
  for (let k = 0; k < 4; k++) {
    const before = gap < 0 ? k : k < gap ? k : k < gap + zeros ? -1 : k - zeros;
    out[k] = before < 0 ? 0 : (groups[before] ?? 0);
  }
  return true;
}

function ipv6Prefix64General(text: string): [number, number, number, number] | null {
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
