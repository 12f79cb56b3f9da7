// conversation.* through createCaller, and the plain routes (/hooks/tawk, /attachments/:id) over real HTTP.
import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSession, DEFAULT_SESSION_POLICY } from '@keydesk/auth';
import { parseEmail, storeEmail } from '@keydesk/conversations';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../src/context.ts';
import { createServer } from '../src/server.ts';
import { createTestOwner } from './http-test-server.ts';
import { createAnonymousCaller, createOwnerCaller } from './owner-caller.ts';
import { createServicesForTest } from './test-services.ts';

let db: TestDb;
let services: AppServices;
let server: Server;
let base: string;

beforeAll(async () => {
  db = await createTestDb();
  services = createServicesForTest(db);
  services.settings.setSecret('tawk.webhookSecret', 'shh');
  const raw = [
    'From: Zoe <zoe@example.com>',
    'To: support@keydesk.test',
    'Subject: Invoice please',
    'Date: Mon, 06 Jan 2025 10:00:00 +0000',
    'Message-ID: <zoe-1@example.com>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'Could you send the invoice?',
    '--b',
    'Content-Type: text/html; name="note.html"',
    'Content-Disposition: attachment; filename="note.html"',
    '',
    '<script>alert(1)</script>',
    '--b--',
  ].join('\r\n');
  const parsed = await parseEmail(Buffer.from(raw), { maxAttachmentBytes: 10_000, fallbackDate: new Date() });
  storeEmail(db, parsed, { source: 'imap', ownAddresses: new Set(), now: new Date() });
  server = createServer({ services });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await db?.destroy();
});

describe('conversation router', () => {
  it('refuses every procedure without a session', async () => {
    const anonymous = createAnonymousCaller(db);
    await expect(anonymous.conversation.find({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(anonymous.conversation.getThread({ id: 1 })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('finds, opens, and links a thread by creating its customer', async () => {
    const owner = createOwnerCaller(db, { settings: services.settings });
    const found = await owner.conversation.find({ linked: 'unlinked', search: 'invoice' });
    expect(found.items).toHaveLength(1);
    const id = found.items[0]?.id ?? 0;
    const thread = await owner.conversation.getThread({ id });
    expect(thread.messages[0]?.attachments[0]).toMatchObject({ filename: 'note.html', isStored: true });
    expect(thread.messages[0]).not.toHaveProperty('references');
    const created = await owner.conversation.createCustomerFromConversation({ kind: 'email', id });
    const linked = await owner.conversation.find({ linked: 'linked' });
    expect(linked.items.map((i) => i.customer?.id)).toEqual([created.customerId]);
    const lookup = await owner.conversation.customerLookup({ search: 'zoe@' });
    expect(lookup.map((c) => c.id)).toEqual([created.customerId]);
    await expect(owner.conversation.getChat({ id: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(owner.conversation.find({ limit: 101 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('returns a message with no date and a parse problem as such, for the thread view to say so', async () => {
    const raw =
      'From: yan@example.com\nSubject: Broken boundary\nIn-Reply-To: <zoe-1@example.com>\nContent-Type: multipart/mixed; boundary="x1"\n\n--y2\n\nstill here\n';
    const parsed = await parseEmail(Buffer.from(raw), { maxAttachmentBytes: 0, fallbackDate: null });
    storeEmail(db, parsed, { source: 'mbox', ownAddresses: new Set(), now: new Date() });
    const threadId = (
      db.sqlite
        .prepare(`SELECT threadId FROM EmailMessage WHERE subject = 'Broken boundary'`)
        .safeIntegers(false)
        .get() as {
        threadId: number;
      }
    ).threadId;
    const owner = createOwnerCaller(db, { settings: services.settings });
    const messages = (await owner.conversation.getThread({ id: threadId })).messages;
    // The reply to Zoe's dated message has no date: it is listed after the dated ones.
    expect(messages.map((m) => m.subject)).toEqual(['Invoice please', 'Broken boundary']);
    const message = messages[1];
    expect(message?.sentAt).toBeNull();
    expect(message?.textBody).toContain('still here');
    expect(message?.parseProblems).toEqual([expect.stringMatching(/boundary/)]);
  });

  it('reports an unconfigured mailbox as a precondition, not a crash', async () => {
    const owner = createOwnerCaller(db, { settings: services.settings });
    await expect(owner.conversation.syncMailbox()).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });
});

describe('plain routes over HTTP', () => {
  it('POST /hooks/tawk checks the signature of the raw body', async () => {
    const body = JSON.stringify({
      event: 'chat:start',
      chatId: 'h1',
      time: '2025-01-01T00:00:00Z',
      message: { text: 'hi', sender: { type: 'visitor' } },
    });
    const sign = (b: string) => createHmac('sha1', 'shh').update(b).digest('hex');
    const post = (b: string, signature: string, eventId = 'ev-1') =>
      fetch(`${base}/hooks/tawk`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Tawk-Signature': signature,
          'X-Hook-Event-Id': eventId,
        },
        body: b,
      });
    expect((await post(body, sign(`${body} `))).status).toBe(401);
    expect((await post(body, sign(body))).status).toBe(200);
    expect(await (await post(body, sign(body))).json()).toEqual({ ok: true, result: 'duplicate' });
  });

  it('GET /attachments/:id needs the owner session and downloads as an attachment', async () => {
    const attachment = await db.prisma.emailAttachment.findFirstOrThrow({ select: { id: true } });
    expect((await fetch(`${base}/attachments/${attachment.id}`)).status).toBe(401);
    await createTestOwner(db);
    const { token } = await createSession({ db, now: new Date(), policy: DEFAULT_SESSION_POLICY });
    const res = await fetch(`${base}/attachments/${attachment.id}`, {
      headers: { Cookie: `keydesk_session=${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="note.html"/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('<script>alert(1)</script>');
  });
});
