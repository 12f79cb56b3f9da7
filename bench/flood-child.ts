// The flooding process of flood.bench.ts: for the given seconds, `CONNECTIONS` clients at once send
// every kind of public request as fast as the server answers (sign-ins, setup, second factors,
// webhooks with bad signatures, update checks with prototype keys, health, static files, oversized
// and hostile bodies), then print one JSON line of answer counts by status.
import fc from 'fast-check';
import { hostileRequest } from '../apps/api/test/hostile-requests.ts';
import { postChunked, postDeclaredOnly, sendRaw } from '../apps/api/test/raw-http.ts';

const [url = '', secondsArg = '5'] = process.argv.slice(2);
const CONNECTIONS = 32;
const counts = new Map<string, number>();
const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
const json = { 'content-type': 'application/json', origin: url };
const hostile = fc.sample(hostileRequest(url), 2_000);
// Timed from here: starting this process is not part of the flood.
const endAt = Date.now() + Number(secondsArg) * 1000;
console.log('flooding');

type Shot = () => Promise<{ status: number } | { error: string }>;
const post =
  (path: string, body: string, headers: Record<string, string> = json): Shot =>
  () =>
    sendRaw(url, { method: 'POST', path, headers, body: Buffer.from(body) });

function shots(i: number): Shot[] {
  const product = ['constructor', '__proto__', 'toString', `product${i % 50}`][i % 4] ?? 'x';
  return [
    post(
      '/trpc/auth.login',
      JSON.stringify({ json: { email: `guess${i}@example.com`, password: `pw${i}` } }),
    ),
    post(
      '/trpc/auth.setup',
      JSON.stringify({ json: { token: `t${i}`, email: 'a@b.example', password: 'x' } }),
    ),
    post('/trpc/auth.loginSecondFactor', JSON.stringify({ json: { pendingToken: `p${i}`, code: '123456' } })),
    () => sendRaw(url, { method: 'GET', path: '/trpc/auth.status' }),
    post('/hooks/paypro', `ORDER_ID=${i}&IPN_TYPE_ID=1&SIGNATURE=bad`, {}),
    post('/hooks/avangate', `REFNO=${i}&HASH=bad`, {}),
    post('/hooks/newsletter', `email=a${i}@example.com`, { 'x-keydesk-signature': 'bad' }),
    post('/hooks/tawk', JSON.stringify({ event: 'chat:end', chatId: `c${i}` }), {
      'x-tawk-signature': 'bad',
    }),
    post(
      '/collect/update-check',
      JSON.stringify({ product, version: '1.0', os: 'Windows', osVersion: '11', language: 'en' }),
      {},
    ),
    () => sendRaw(url, { method: 'GET', path: '/healthz' }),
    () => sendRaw(url, { method: 'GET', path: '/' }),
    () => {
      const request = hostile[i % hostile.length];
      return request ? sendRaw(url, request) : Promise.resolve({ status: 0 });
    },
    () => postDeclaredOnly(url, '/trpc/auth.login', 50 * 1024 * 1024, json),
    () => postChunked(url, '/hooks/paypro', { chunkBytes: 64 * 1024, totalBytes: 8 * 1024 * 1024 }),
  ];
}

let sent = 0;
async function client(): Promise<void> {
  while (Date.now() < endAt) {
    const i = sent++;
    const all = shots(i);
    // Oversized bodies are rarer than plain requests, as in a real flood.
    const shot = i % 50 === 0 ? all.at(-1 - (i % 2)) : all[i % (all.length - 2)];
    try {
      const result = await shot?.();
      count(result && 'status' in result ? String(result.status) : 'error');
    } catch {
      count('error');
    }
  }
}

await Promise.all(Array.from({ length: CONNECTIONS }, client));
console.log(JSON.stringify({ sent, byStatus: Object.fromEntries(counts) }));
