// fast-check arbitraries for requests nobody should send: prototype keys at every level, deep
// nesting, truncated and non-UTF-8 bodies, wrong content types, every encoding the endpoints read.
import fc from 'fast-check';

export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
];

/** Every path a stranger can reach, public or not, plus a few that do not exist. */
export const PUBLIC_PATHS = [
  '/trpc/auth.login',
  '/trpc/auth.setup',
  '/trpc/auth.status',
  '/trpc/auth.loginSecondFactor',
  '/trpc/auth.status,auth.login',
  '/trpc/customer.find',
  '/trpc/constructor',
  '/trpc/__proto__',
  '/trpc/auth.__proto__',
  '/trpc/',
  '/hooks/paypro',
  '/hooks/avangate',
  '/hooks/newsletter',
  '/hooks/tawk',
  '/hooks/__proto__',
  '/collect/update-check',
  '/u/1.AAAAAAAAAAAAAAAAAAAAAA',
  '/u/__proto__',
  '/u/constructor.x',
  '/u/%E0%A4%A',
  '/u/',
  '/healthz',
  '/',
  '/index.html',
  '/assets/app.js',
  '/assets/..%2f..%2f..%2fetc%2fpasswd',
  '/imports/upload',
  '/attachments/1',
  '/attachments/__proto__',
  '/api/customers/1/export.zip',
  '/constructor',
];

const key = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 10 }));

/** JSON text (not values: an object literal with "__proto__" would lose the key before sending). */
const { value: jsonText } = fc.letrec<{ value: string; object: string; array: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('null', 'true', '0', '-0', '1e999', '""', '"\\ud800"', '9007199254740993'),
    fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
    tie('object'),
    tie('array'),
  ),
  object: fc
    .array(fc.tuple(key, tie('value')), { maxLength: 5 })
    .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  array: fc.array(tie('value'), { maxLength: 5 }).map((items) => `[${items.join(',')}]`),
}));

const deepNesting = fc
  .tuple(
    fc.integer({ min: 100, max: 20_000 }),
    fc.constantFrom(['[', ']'], ['{"a":', '}'], ['{"__proto__":', '}']),
  )
  .map(([depth, [open, close]]) => `{"json":${open?.repeat(depth)}1${close?.repeat(depth)}}`);

const superjsonEnvelope = fc
  .tuple(jsonText, jsonText)
  .map(([json, meta]) => `{"json":${json},"meta":{"values":${meta},"referentialEqualities":${meta}}}`);

const batch = fc
  .array(fc.tuple(fc.oneof(key, fc.constantFrom('0', '1')), jsonText), { maxLength: 4 })
  .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:{"json":${v}}`).join(',')}}`);

const loginLike = fc
  .record({ email: fc.oneof(key, fc.emailAddress()), password: fc.oneof(key, fc.string({ maxLength: 300 })) })
  .map(({ email, password }) => JSON.stringify({ json: { email, password } }));

const updateCheckLike = fc
  .record({
    product: key,
    version: key,
    os: key,
    osVersion: key,
    language: fc.constantFrom('en', 'constructor'),
  })
  .map((check) => JSON.stringify(check));

const formBody = fc
  .array(
    fc.tuple(
      fc.oneof(
        key,
        key.map((k) => `${k}[${k}]`),
      ),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 8 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

const text = fc.oneof(
  jsonText,
  deepNesting,
  superjsonEnvelope,
  batch,
  loginLike,
  updateCheckLike,
  formBody,
  jsonText.chain((t) => fc.nat({ max: t.length }).map((cut) => t.slice(0, cut))),
);

const invalidUtf8 = fc
  .tuple(
    text,
    fc.constantFrom([0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]),
  )
  .map(([t, bytes]) => {
    const at = Math.floor(t.length / 2);
    return Buffer.concat([Buffer.from(t.slice(0, at)), Buffer.from(bytes), Buffer.from(t.slice(at))]);
  });

export const hostileBody = fc.oneof(
  text.map((t) => Buffer.from(t)),
  invalidUtf8,
  fc.uint8Array({ maxLength: 2_000 }).map((a) => Buffer.from(a)),
  fc.constant(Buffer.alloc(0)),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'text/plain',
  'application/octet-stream',
  '*/*;;;==',
  undefined,
);

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([a, b, c]) => `10.${a}.${b}.${c}`);

export type HostileRequest = { method: string; path: string; headers: Record<string, string>; body: Buffer };

export function hostileRequest(serverUrl: string) {
  return fc
    .record({
      method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'),
      path: fc.constantFrom(...PUBLIC_PATHS),
      query: fc.oneof(
        fc.constant(''),
        text.filter((t) => t.length < 3_000).map((t) => `?input=${encodeURIComponent(t)}`),
        text.filter((t) => t.length < 3_000).map((t) => `?batch=1&input=${encodeURIComponent(t)}`),
        key.map((k) => `?${encodeURIComponent(k)}=1&kind=${encodeURIComponent(k)}`),
      ),
      body: hostileBody,
      contentType,
      origin: fc.constantFrom(serverUrl, 'http://evil.example', 'null', undefined),
      // A new address for most requests, so the per-address limits do not hide the handlers.
      ip: ipv4,
      signature: fc.option(fc.oneof(key, fc.hexaString({ maxLength: 64 })), { nil: undefined }),
      cookie: fc.option(
        key.map((k) => `keydesk_session=${encodeURIComponent(k)}; ${encodeURIComponent(k)}=1`),
        {
          nil: undefined,
        },
      ),
    })
    .map(({ method, path, query, body, contentType, origin, ip, signature, cookie }): HostileRequest => {
      const sentBody = method === 'GET' || method === 'OPTIONS' ? Buffer.alloc(0) : body;
      return {
        method,
        path: `${path}${query}`,
        body: sentBody,
        headers: {
          // Framed: Node's client sends a DELETE body with neither Content-Length nor chunking, so
          // its bytes would reach the server as a second, garbage request (which Node's parser
          // rightly answers 400 and closes, resetting the sender mid-write).
          ...(sentBody.length > 0 ? { 'content-length': String(sentBody.length) } : {}),
          'x-forwarded-for': ip,
          ...(contentType ? { 'content-type': contentType } : {}),
          ...(origin ? { origin } : {}),
          ...(signature ? { 'x-tawk-signature': signature, 'x-keydesk-signature': signature } : {}),
          ...(cookie ? { cookie } : {}),
        },
      };
    });
}
