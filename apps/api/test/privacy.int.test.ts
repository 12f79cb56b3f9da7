import type { AddressInfo } from 'node:net';
import { createSession } from '@keydesk/auth';
import type { TestDb } from '@keydesk/db/testing';
import { seedPrivacyCustomer } from '@keydesk/privacy/testing';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sessionCookieName } from '../src/http/request-info.ts';
import { createServer } from '../src/server.ts';
import { createOwnerCaller } from './owner-caller.ts';
import { useTestDb } from './test-db.ts';
import { createServicesForTest } from './test-services.ts';

describe('privacy procedures and the export download', () => {
  let db: TestDb;
  useTestDb('each', (opened) => {
    db = opened;
  });

  it('serves the ZIP only to the owner, with the chat, escaped HTML and an audit entry', async () => {
    const c = seedPrivacyCustomer(db);
    db.sqlite
      .prepare(
        `INSERT INTO CustomerNote (customerId, body, createdAt, updatedAt) VALUES (?, '<script>alert(1)</script>', 0, 0)`,
      )
      .run(c.customerId);
    const services = createServicesForTest(db);
    const server = createServer({ services });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const url = (await createOwnerCaller(db).privacy.export({ customerId: c.customerId })).url;
      const anonymous = await fetch(`${base}${url}`);
      expect(anonymous.status).toBe(401);
      await anonymous.body?.cancel();

      const { token } = await createSession({ db, now: new Date(), policy: services.sessionPolicy });
      const res = await fetch(`${base}${url}`, {
        headers: { cookie: `${sessionCookieName(false)}=${token}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      const chats = JSON.parse(strFromU8(files['chats.json'] as Uint8Array));
      expect(chats[0].messages[0].text).toBe(c.chatLine);
      const threads = JSON.parse(strFromU8(files['email-threads.json'] as Uint8Array));
      expect(threads[0].messages[0].attachments[0].isContentIncluded).toBe(true);
      expect(Object.keys(files).some((f) => f.startsWith('attachments/'))).toBe(true);
      const html = strFromU8(files['summary.html'] as Uint8Array);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<script>');
      expect(
        db.sqlite.prepare("SELECT COUNT(*) FROM AuditLog WHERE action = 'customer.export'").pluck().get(),
      ).toBe(1n);

      const missing = await fetch(`${base}/api/customers/999999/export.zip`, {
        headers: { cookie: `${sessionCookieName(false)}=${token}` },
      });
      expect(missing.status).toBe(404);
    } finally {
      server.close();
    }
  });

  it('erases only with the typed address, and says why otherwise', async () => {
    const c = seedPrivacyCustomer(db);
    const caller = createOwnerCaller(db);
    await expect(
      caller.privacy.erase({ customerId: c.customerId, confirmEmail: 'wrong@example.com' }),
    ).rejects.toThrow(/not one of this customer's addresses/);
    const result = await caller.privacy.erase({ customerId: c.customerId, confirmEmail: c.altEmail });
    expect(result.emails).toBe(2);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM Customer').pluck().get()).toBe(0n);
    await expect(caller.privacy.erase({ customerId: c.customerId, confirmEmail: c.email })).rejects.toThrow(
      /no customer/,
    );
  });
});
