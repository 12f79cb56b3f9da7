// The tawk.to side of the webhook tests: a real server with the webhook secret saved, requests
// signed the way tawk.to signs them (HMAC-SHA1 of the raw body in X-Tawk-Signature), and the corpus
// of documented payloads (packages/conversations/test-corpus/tawk-webhooks, see its README).
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '@keydesk/db';
import { unlimitedHttpRoutes } from '../../src/http/routes.ts';
import { rateLimitWebhooks } from '../../src/http/webhook-rate-limit.ts';
import { createServer } from '../../src/server.ts';
import { createServicesForTest } from '../test-services.ts';
import { roomyLimits, SECRETS } from './webhook-fixtures.ts';

/** The one tawk.to secret of the webhook tests, whichever server they start. */
export const TAWK_SECRET = SECRETS.tawk;

const CORPUS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../packages/conversations/test-corpus/tawk-webhooks',
);

/** Every documented payload, as the exact bytes tawk.to would send. */
export function tawkCorpus(): { name: string; body: Buffer }[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, body: readFileSync(path.join(CORPUS_DIR, name)) }));
}

export async function startTawkServer(db: Db, now: () => Date = () => new Date()) {
  const services = createServicesForTest(db, { now });
  services.settings.setSecret('tawk.webhookSecret', TAWK_SECRET);
  // The fuzz and corpus tests send hundreds of events from one address: limits are tested elsewhere.
  const server = createServer({ services, routes: rateLimitWebhooks(unlimitedHttpRoutes, roomyLimits) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/tawk`;
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export const signTawk = (body: Buffer | string, secret = TAWK_SECRET) =>
  createHmac('sha1', secret).update(body).digest('hex');

export async function postTawk(
  url: string,
  body: Buffer | string,
  options: { eventId?: string; signature?: string | null } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const signature = options.signature === undefined ? signTawk(body) : options.signature;
  if (signature !== null) headers['x-tawk-signature'] = signature;
  if (options.eventId) headers['x-hook-event-id'] = options.eventId;
  const res = await fetch(url, { method: 'POST', body, headers });
  return { status: res.status, body: (await res.json()) as { ok: boolean; result: string } };
}
