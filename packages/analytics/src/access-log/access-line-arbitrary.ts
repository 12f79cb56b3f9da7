// Test-only: fast-check generators of access-log lines in every layout the parser reads (formats ×
// fields × odd but valid values), each with the visitor and time a correct reading must find.
import fc from 'fast-check';

export type GeneratedLine = { text: string; visitor: string; time: number; status: number; format: string };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const octet = fc.integer({ min: 0, max: 255 });
const two = (n: number) => String(n).padStart(2, '0');

/** Public IPv4: first octets of private, loopback, CGNAT, link-local and multicast ranges left out. */
const publicV4 = fc
  .tuple(fc.integer({ min: 1, max: 223 }), octet, octet, fc.integer({ min: 1, max: 254 }))
  .filter(([a]) => ![10, 100, 127, 169, 172, 192].includes(a))
  .map((parts) => parts.join('.'));
const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
/** Global unicast IPv6 (2000::/3), full or with "::". */
const publicV6 = fc
  .tuple(
    fc.integer({ min: 0x2000, max: 0x3fff }),
    fc.array(group, { minLength: 7, maxLength: 7 }),
    fc.boolean(),
  )
  .map(([first, rest, compress]) =>
    compress
      ? `${first.toString(16)}:${rest.slice(0, 2).join(':')}::${rest[6]}`
      : [first.toString(16), ...rest].join(':'),
  );
const publicAddress = fc.oneof(publicV4, publicV6);
const privateAddress = fc.oneof(
  fc.tuple(octet, octet, octet).map(([b, c, d]) => `10.${b}.${c}.${d}`),
  fc.tuple(octet, octet).map(([c, d]) => `192.168.${c}.${d}`),
  fc.tuple(fc.integer({ min: 16, max: 31 }), octet, octet).map(([b, c, d]) => `172.${b}.${c}.${d}`),
  fc.constant('127.0.0.1'),
  fc.constant('::1'),
  group.map((g) => `fd00::${g}`),
);
const anyClient = fc.oneof(publicAddress, privateAddress, fc.constant('::ffff:8.8.4.4'));
const hostName = fc
  .array(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/), { minLength: 1, maxLength: 3 })
  .map((labels) => `${labels.join('.')}.example`);
const token = fc.oneof(fc.constant('-'), fc.stringMatching(/^[A-Za-z0-9._@-]{1,12}$/));

const time = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 0, max: 11 }),
    year: fc.integer({ min: 2000, max: 2035 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    zone: fc.integer({ min: -12 * 60, max: 14 * 60 }).map((m) => m - (m % 15)),
  })
  .map((t) => {
    const sign = t.zone < 0 ? '-' : '+';
    const zone = Math.abs(t.zone);
    const text = `${two(t.day)}/${MONTHS[t.month]}/${t.year}:${two(t.hour)}:${two(t.minute)}:${two(t.second)} ${sign}${two(Math.floor(zone / 60))}${two(zone % 60)}`;
    return { text, ms: Date.UTC(t.year, t.month, t.day, t.hour, t.minute, t.second) - t.zone * 60_000 };
  });

/** Field text as a server writes it: quotes and backslashes escaped (Apache) or as \xHH (nginx). */
const fieldText = fc
  .array(
    fc.oneof(
      fc.stringMatching(/^[ -!#-[\]-~]{1,12}$/), // printable ASCII without " and \
      fc.constantFrom('\\"', '\\\\', '\\x22', '\\xD0\\xBF', '\\t'),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));
const quoted = fc.oneof(fc.constant('-'), fieldText).map((text) => `"${text}"`);
const request = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('GET', 'POST', 'HEAD', 'PROPFIND'),
      fc.stringMatching(/^\/[A-Za-z0-9/._%~-]{0,30}(\?[a-z=&0-9]{0,10})?$/),
    )
    .map(([m, p]) => `${m} ${p} HTTP/1.1`),
  fc.constantFrom('-', '', '\\x16\\x03\\x01', 'GET :@bxss.me::80/rpb.png HTTP/1.1'),
);
const size = fc.oneof(fc.constant('-'), fc.nat({ max: 10_000_000 }).map(String));

const FORMATS = [
  'combined',
  'common',
  'common+extra',
  'vhost_combined',
  'vhost_common',
  'nginx_main',
  'xff_client_field',
  'xff_before_remote',
] as const;

export const accessLine: fc.Arbitrary<GeneratedLine> = fc
  .record({
    format: fc.constantFrom(...FORMATS),
    visitor: anyClient,
    publicVisitor: publicAddress,
    proxies: fc.array(privateAddress, { minLength: 1, maxLength: 3 }),
    host: fc.oneof(
      hostName,
      hostName.map((h) => `${h}:443`),
    ),
    ident: token,
    user: token,
    time,
    request,
    status: fc.integer({ min: 100, max: 599 }),
    size,
    referrer: quoted,
    agent: quoted,
    extra: fc.constantFrom('', ' 115052', ' rt=0.012 "-"'),
  })
  .map((g) => {
    const tail = `${g.ident} ${g.user} [${g.time.text}] "${g.request}" ${g.status} ${g.size}`;
    const agentFields = `${g.referrer} ${g.agent}`;
    const [proxy = '10.0.0.1', ...more] = g.proxies;
    const chain = (visitor: string) => [...more, visitor, proxy].join(', ');
    let text: string;
    let visitor = g.visitor;
    switch (g.format) {
      case 'combined':
        text = `${g.visitor} ${tail} ${agentFields}${g.extra}`;
        break;
      case 'common':
        text = `${g.visitor} ${tail}`;
        break;
      case 'common+extra':
        text = `${g.visitor} ${tail} 5120`;
        break;
      case 'vhost_combined':
        text = `${g.host} ${g.visitor} ${tail} ${agentFields}`;
        break;
      case 'vhost_common':
        text = `${g.host} ${g.visitor} ${tail}`;
        break;
      case 'nginx_main':
        visitor = g.publicVisitor;
        text = `${proxy} ${tail} ${agentFields} "${chain(visitor)}"`;
        break;
      case 'xff_client_field':
        visitor = g.publicVisitor;
        text = `${chain(visitor)} ${tail} ${agentFields}`;
        break;
      case 'xff_before_remote':
        visitor = g.publicVisitor;
        text = `"${[...more, visitor].join(', ')}" ${proxy} ${tail} ${agentFields}`;
        break;
    }
    return { text, visitor, time: g.time.ms, status: g.status, format: g.format };
  });

/** A line damaged the way real files damage them: cut short, a byte dropped, junk, or left whole. */
export const damagedLine: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(accessLine, fc.nat()).map(([line, at]) => line.text.slice(0, at % (line.text.length + 1))),
  fc.tuple(accessLine, fc.nat()).map(([line, at]) => {
    const i = at % line.text.length;
    return line.text.slice(0, i) + line.text.slice(i + 1);
  }),
  fc.string({ maxLength: 200 }).map((s) => s.replaceAll('\n', ' ')),
  accessLine.map((line) => line.text),
);
