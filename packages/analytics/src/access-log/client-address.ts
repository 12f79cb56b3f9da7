// Which address in a log line is the visitor's. The text before `%l %u [time]` may hold, in order:
// a virtual host (Apache `%v` or `%v:%p`, nginx `$host`), an X-Forwarded-For list (comma separated,
// sometimes quoted), and the connecting address (`%h`, `$remote_addr`); nginx's packaged `main`
// format appends `"$http_x_forwarded_for"` after the user agent instead.
//
// Rule: the chain is the X-Forwarded-For entries followed by the connecting address; the visitor is
// the chain's left-most public address, else its left-most address. Each proxy appends the address
// it was connected from, so the left-most entry is the original client; private, loopback and
// link-local entries before it are the client's own network (a home or office proxy), which tells
// neither country nor visitor apart. A visitor can forge the header: for counting visitors and
// countries that only mislabels the forger's own requests, which is why the left-most (not the
// right-most untrusted) entry is taken; nothing here is a security decision.
import { ipv6Prefix64, parseIpv4 } from './ip-address.ts';

/**
 * An entry as an address: port and brackets dropped; null for "unknown", "-", junk. Host names only
 * where the server wrote one in the client field (`HostnameLookups On`), never from a forwarded list.
 */
export function addressOfEntry(raw: string, allowNames = true): string | null {
  let entry = raw.trim();
  if (entry.startsWith('"') && entry.endsWith('"') && entry.length >= 2) entry = entry.slice(1, -1).trim();
  if (entry.startsWith('[')) {
    const close = entry.indexOf(']');
    return close > 1 ? validAddress(entry.slice(1, close), false) : null;
  }
  const colon = entry.indexOf(':');
  // One colon is IPv4 (or a name) with a port; IPv6 has at least two.
  if (colon > 0 && entry.indexOf(':', colon + 1) < 0) entry = entry.slice(0, colon);
  return validAddress(entry, allowNames);
}

function validAddress(text: string, allowNames: boolean): string | null {
  if (text.length === 0 || text.length > 253) return null;
  if (parseIpv4(text) !== null) return text;
  if (text.indexOf(':') >= 0) return ipv6Prefix64(text) ? text : null;
  if (!allowNames) return null;
  return /^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?$/.test(text) && text.toLowerCase() !== 'unknown'
    ? text
    : null;
}

/** Whether an address is routed on the internet (not private, loopback, link-local, CGNAT, a name). */
export function isPublicAddress(address: string): boolean {
  const mapped = address.startsWith('::ffff:') && address.indexOf('.') > 0 ? address.slice(7) : address;
  const v4 = parseIpv4(mapped);
  if (v4 !== null) {
    const a = Math.floor(v4 / 16_777_216);
    const b = Math.floor(v4 / 65_536) % 256;
    if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
    if (a === 100 && b >= 64 && b <= 127) return false; // carrier-grade NAT
    if (a === 169 && b === 254) return false;
    if (a === 172 && b >= 16 && b <= 31) return false;
    if (a === 192 && b === 168) return false;
    return true;
  }
  const groups = mapped.indexOf(':') >= 0 ? ipv6Prefix64(mapped) : null;
  if (!groups) return false; // a host name: nothing to locate
  const first = groups[0];
  if (first === 0) return false; // ::, ::1 and other reserved low addresses
  if ((first & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80) return false; // link-local fe80::/10
  if ((first & 0xff00) === 0xff00) return false; // multicast
  return true;
}

/**
 * The visitor in an X-Forwarded-For chain (see the rule above), or null when it holds no address.
 * With `allowNames` (a list in the client field itself), a host name is the last resort.
 */
export function clientOfForwardedList(list: string, allowNames = false): string | null {
  let firstAddress: string | null = null;
  let firstName: string | null = null;
  for (const raw of list.split(',')) {
    const address = addressOfEntry(raw, false);
    if (address === null) {
      if (allowNames && firstName === null) firstName = addressOfEntry(raw, true);
      continue;
    }
    if (isPublicAddress(address)) return address;
    if (firstAddress === null) firstAddress = address;
  }
  return firstAddress ?? firstName;
}

/**
 * The visitor in the text before `%l %u` when it is more than one plain address: groups are split on
 * spaces, a group ending in "," continues, a quoted group is one. One group: the client (maybe a list).
 * Two: a virtual host and the client, or a forwarded list and the connecting address. Three: host,
 * list, connecting address. Returns null when no group is an address.
 */
export function clientOfPrefix(prefix: string): string | null {
  const groups: string[] = [];
  let i = 0;
  while (i < prefix.length) {
    while (prefix.charCodeAt(i) === 32) i++;
    if (i >= prefix.length) break;
    let end: number;
    if (prefix.charCodeAt(i) === 34) {
      const close = prefix.indexOf('"', i + 1);
      end = close < 0 ? prefix.length : close + 1;
    } else {
      end = i;
      for (;;) {
        const space = prefix.indexOf(' ', end);
        if (space < 0) {
          end = prefix.length;
          break;
        }
        // "a, b" is one list: a group ending in a comma (or followed by one) goes on.
        let next = space;
        while (prefix.charCodeAt(next) === 32) next++;
        if (prefix.charCodeAt(space - 1) === 44 || prefix.charCodeAt(next) === 44) end = next + 1;
        else {
          end = space;
          break;
        }
      }
    }
    groups.push(prefix.slice(i, end));
    i = end;
  }
  const isList = (group: string) => group.indexOf(',') >= 0 || group.startsWith('"');
  const last = groups[groups.length - 1];
  if (last === undefined) return null;
  // A list before the last group is forwarded-for, and the last group is the connecting address;
  // groups before the client that are not lists are virtual hosts.
  const list = groups.find((group, index) => index < groups.length - 1 && isList(group));
  if (list !== undefined) return clientOfForwardedList(`${unquote(list)},${last}`, true);
  return isList(last) ? clientOfForwardedList(unquote(last), true) : addressOfEntry(last);
}

function unquote(group: string): string {
  return group.startsWith('"') ? group.slice(1, group.endsWith('"') ? -1 : undefined) : group;
}
