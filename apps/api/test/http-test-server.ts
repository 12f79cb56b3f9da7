// The real HTTP server in-process on a free port, with a clock the test moves, for tests that
// must see real responses (cookies, headers, status codes).
import type { AddressInfo } from 'node:net';
import { createOwner } from '@keydesk/auth';
import type { Db } from '@keydesk/db';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import type { AppServices } from '../src/context.ts';
import { createServer, type ServerOptions } from '../src/server.ts';
import { createServicesForTest } from './test-services.ts';

export const TEST_OWNER = { email: 'owner@keydesk.test', password: 'correct horse battery staple' };

/** The owner account every test that signs in uses. */
export function createTestOwner(db: Db): Promise<void> {
  return createOwner({ db, ...TEST_OWNER, now: new Date() });
}

export type HttpTestServer = {
  url: string;
  db: TestDb;
  services: AppServices;
  /** Moves the server's clock forward. */
  advance(ms: number): void;
  close(): Promise<void>;
};

export async function startHttpTestServer(
  overrides: Partial<AppServices> = {},
  serverOptions: Omit<ServerOptions, 'services'> = {},
): Promise<HttpTestServer> {
  const db = await createTestDb();
  await createTestOwner(db);
  let clock = Date.now();
  const services = createServicesForTest(db, { now: () => new Date(clock), ...overrides });
  const server = createServer({ ...serverOptions, services });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    db,
    services,
    advance(ms) {
      clock += ms;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
    },
  };
}

export type TrpcResponse = {
  status: number;
  headers: Headers;
  body: {
    result?: { data?: { json?: unknown } };
    error?: { json?: { message?: string; data?: { code?: string } } };
  };
};

/** One tRPC call as the browser makes it (superjson envelope), from the server's own origin. */
export async function callTrpc(
  url: string,
  path: string,
  options: {
    method?: 'GET' | 'POST';
    input?: unknown;
    cookie?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<TrpcResponse> {
  const method = options.method ?? 'POST';
  const envelope = JSON.stringify(options.input === undefined ? {} : { json: options.input });
  const target =
    method === 'GET' ? `${url}/trpc/${path}?input=${encodeURIComponent(envelope)}` : `${url}/trpc/${path}`;
  const response = await fetch(target, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(method === 'POST' ? { origin: url, 'sec-fetch-site': 'same-origin' } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: method === 'POST' ? envelope : undefined,
  });
  const text = await response.text();
  let body: TrpcResponse['body'] = {};
  try {
    body = JSON.parse(text) as TrpcResponse['body'];
  } catch {
    body = {};
  }
  return { status: response.status, headers: response.headers, body };
}

/** Signs in and returns the `name=value` pair of the session cookie. */
export async function signInOverHttp(
  url: string,
  headers: Record<string, string> = {},
  credentials = TEST_OWNER,
): Promise<string> {
  const response = await callTrpc(url, 'auth.login', { input: credentials, headers });
  if (response.status !== 200) throw new Error(`sign-in failed with ${response.status}`);
  const cookie = response.headers.getSetCookie()[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] ?? '';
}

/** Every procedure path of the app with its kind, read from the router itself. */
export function listProcedures(procedures: object): { path: string; type: string }[] {
  return Object.entries(procedures as Record<string, { _def: { type: string } }>).map(
    ([path, procedure]) => ({
      path,
      type: procedure._def.type,
    }),
  );
}
