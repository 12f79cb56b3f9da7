// Announcements end to end over real HTTP: the owner's tRPC calls, the outbox sender against a real
// SMTP server, and the public unsubscribe link as a mail client, a scanner and a person use it.
import { randomUUID } from 'node:crypto';
import { recordMailboxRefused } from '@keydesk/announcements';
import { seedPerson, seedSubscription } from '@keydesk/announcements/testing';
import { createOutboxSender } from '@keydesk/mail';
import { startTestSmtpServer, type TestSmtpServer } from '@keydesk/mail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTrpc, type HttpTestServer, signInOverHttp, startHttpTestServer } from './http-test-server.ts';
import { requestWithHost } from './raw-http.ts';

const FROM = 'Tessera <news@tessera.example>';
const silent = { info() {}, warn() {}, error() {} };

describe('announcements over HTTP', () => {
  let server: HttpTestServer;
  let smtp: TestSmtpServer;
  let cookie: string;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    server = await startHttpTestServer({ mailFallback: { smtpUrl: smtp.url, from: FROM } });
    // The links must point at this server, whose port is known only now.
    server.services.publicUrl = server.url;
    cookie = await signInOverHttp(server.url);
    await seedPerson(server.db, {
      name: 'Ann Lee',
      emails: ['ann@home.test', 'ann@work.test'],
      country: 'DE',
      licenses: [{ majorVersion: 5, key: 'TESS-AAAAA-BBBBB-Q7W9' }],
    });
    await seedPerson(server.db, { name: 'Bob', emails: ['bob@b.test'], licenses: [{ majorVersion: 4 }] });
    await seedSubscription(server.db, 'ann@work.test', 'subscribed');
  });
  afterAll(async () => {
    await server.close();
    await smtp.stop();
  });

  const call = async (path: string, input?: unknown, method: 'GET' | 'POST' = 'POST') => {
    const response = await callTrpc(server.url, path, { input, cookie, method });
    if (response.status !== 200)
      throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.result?.data?.json;
  };

  async function deliver() {
    const sender = createOutboxSender({
      db: server.db,
      getConfig: () => ({ smtpUrl: smtp.url, from: FROM }),
      logger: silent,
      onMailboxRefused: (refused) => recordMailboxRefused({ db: server.db, ...refused, now: new Date() }),
    });
    await sender.runOnce();
    await sender.stop();
  }

  let unsubscribeLink = '';
  let campaignId = 0;

  it('counts the audience as the rules change, previews, test-sends and sends once per person', async () => {
    const v5 = { include: [{ kind: 'license', majorVersion: 5 }], exclude: [] };
    const everyone = { include: [{ kind: 'license' }, { kind: 'newsletter' }], exclude: [] };
    expect(await call('announcements.audience', { topic: 'updates', audience: v5 }, 'GET')).toMatchObject({
      count: 1,
    });
    expect(
      await call('announcements.audience', { topic: 'updates', audience: everyone }, 'GET'),
    ).toMatchObject({
      count: 2,
    });

    const draft = {
      name: 'Tessera 6',
      topic: 'updates',
      audience: v5,
      subject: 'Tessera 6 for {{name}}',
      textBody: 'Your license ending {{keyEnding}} upgrades free.',
      htmlBody: '<p>Your license ending {{keyEnding}} upgrades free.</p>',
    };
    const { id } = (await call('announcements.saveDraft', { draft })) as { id: number };
    campaignId = id;
    const preview = (await call('announcements.preview', { id }, 'GET')) as { email: string; text: string };
    expect(preview).toMatchObject({ email: 'ann@home.test' });
    expect(preview.text).toContain('ending Q7W9');
    expect(preview.text).not.toContain('AAAAA');

    await call('announcements.testSend', { id, requestId: randomUUID() });
    await deliver();
    expect(smtp.received.at(-1)?.envelopeTo).toEqual(['owner@keydesk.test']);

    expect(await call('announcements.start', { id })).toEqual({ recipients: 1 });
    await deliver();
    const sent = smtp.received.filter((m) => m.envelopeTo[0] === 'ann@home.test');
    expect(sent).toHaveLength(1);
    const headers = sent[0]?.raw.split('\r\n\r\n')[0]?.replace(/\r\n[ \t]+/g, ' ') ?? '';
    expect(headers).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    unsubscribeLink = /List-Unsubscribe:\s*<(http[^>]+\/u\/[^>]+)>/.exec(headers)?.[1] ?? '';
    expect(unsubscribeLink.startsWith(`${server.url}/u/`)).toBe(true);

    const recipients = (await call('announcements.recipients', { id }, 'GET')) as {
      items: { email: string; status: string; serverResponse: string | null }[];
    };
    expect(recipients.items).toMatchObject([{ email: 'ann@home.test', status: 'sent' }]);
    expect(recipients.items[0]?.serverResponse).toMatch(/^250/);
    expect(await call('announcements.get', { id }, 'GET')).toMatchObject({
      status: 'done',
      counts: { sent: 1 },
    });
  });

  it('shows a page on GET, so a scanner opening the link unsubscribes nobody', async () => {
    const response = await fetch(unsubscribeLink);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<form method="post">');
    expect(html).toContain('a••@home.test');
    expect(html).not.toContain('ann@home.test');
    const recipients = (await call('announcements.recipients', { id: campaignId }, 'GET')) as {
      items: { status: string }[];
    };
    expect(recipients.items[0]?.status).toBe('sent');
  });

  it('unsubscribes at once on the one-click POST, and refuses forged links, other methods, hosts and big bodies', async () => {
    const forged = unsubscribeLink.replace(/\.[\w-]+$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    const oneClick = { 'content-type': 'application/x-www-form-urlencoded' };
    const refused = await fetch(forged, {
      method: 'POST',
      headers: oneClick,
      body: 'List-Unsubscribe=One-Click',
    });
    expect(refused.status).toBe(404);

    const response = await fetch(unsubscribeLink, {
      method: 'POST',
      headers: oneClick,
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('Unsubscribed from update notices.');
    const recipients = (await call('announcements.recipients', { id: campaignId }, 'GET')) as {
      items: { status: string }[];
    };
    expect(recipients.items[0]?.status).toBe('unsubscribed');
    // A mail client that retries, or several at once: every POST answers the same, one record stays.
    const again = await Promise.all(
      Array.from({ length: 10 }, () =>
        fetch(unsubscribeLink, { method: 'POST', headers: oneClick, body: 'List-Unsubscribe=One-Click' }),
      ),
    );
    expect(again.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await server.db.prisma.emailSuppression.count({ where: { email: 'ann@home.test' } })).toBe(1);
    const v5 = { include: [{ kind: 'license', majorVersion: 5 }], exclude: [] };
    expect(await call('announcements.audience', { topic: 'updates', audience: v5 }, 'GET')).toMatchObject({
      count: 0,
    });

    expect((await fetch(unsubscribeLink, { method: 'PUT' })).headers.get('allow')).toBe('GET, POST');
    const evil = await requestWithHost(server.url, new URL(unsubscribeLink).pathname, {
      host: 'evil.example',
    });
    expect(evil.status).toBe(421);
    expect((await fetch(`${server.url}/u/%E0%A4%A`)).status).toBe(404);
    const big = await fetch(unsubscribeLink, { method: 'POST', headers: oneClick, body: 'x'.repeat(5_000) });
    expect(big.status).toBe(413);
  });

  it('leaves out an address the owner blocks by hand', async () => {
    const everyone = { include: [{ kind: 'license' }], exclude: [] };
    const before = (await call(
      'announcements.audience',
      { topic: 'newsletter', audience: everyone },
      'GET',
    )) as {
      count: number;
    };
    await call('announcements.suppress', { email: 'Bob@B.test' });
    expect(
      await call('announcements.audience', { topic: 'newsletter', audience: everyone }, 'GET'),
    ).toMatchObject({
      count: before.count - 1,
    });
  });

  it('refuses every announcement procedure without a session', async () => {
    const response = await callTrpc(server.url, 'announcements.find', { method: 'GET' });
    expect(response.status).toBe(401);
  });
});
