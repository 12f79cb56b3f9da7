// Hostile HTML email: no script runs, no request reaches the remote image's host until asked.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseEmail, storeChat, storeEmail } from '@keydesk/conversations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, newPage, signIn } from '../fixtures/browser.ts';
import { useE2eSession } from '../fixtures/e2e-session.ts';

describe('Conversations', () => {
  let imageHost: Server;
  let imageRequests = 0;
  let imageUrl = '';
  let threadId = 0;
  let chatId = 0;

  beforeAll(async () => {
    imageHost = createServer((_req, res) => {
      imageRequests++;
      res.setHeader('Content-Type', 'image/gif');
      res.end(Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'));
    });
    await new Promise<void>((resolve) => imageHost.listen(0, '127.0.0.1', resolve));
    imageUrl = `http://127.0.0.1:${(imageHost.address() as AddressInfo).port}/pixel.gif`;
  });

  // Registered before the session: vitest runs afterAll hooks last-registered first, so this
  // stops after the app server it serves.
  afterAll(async () => {
    await new Promise((resolve) => imageHost?.close(resolve));
  });

  const e2e = useE2eSession({
    async seed(db) {
      const html = [
        '<p id="greeting">Hello from a hostile email</p>',
        "<script>document.body.setAttribute('data-pwned', 'script'); parent.postMessage('pwned', '*');</script>",
        `<img src="x" onerror="document.body.setAttribute('data-pwned', 'onerror')" alt="">`,
        `<img src="${imageUrl}" alt="tracker">`,
        `<div style="background-image: url('${imageUrl}?css')">styled</div>`,
      ].join('\n');
      const raw = [
        'From: Mallory <mallory@example.com>',
        'To: support@keydesk.test',
        'Subject: Hostile newsletter',
        'Date: Mon, 06 Jan 2025 10:00:00 +0000',
        'Message-ID: <hostile@example.com>',
        'MIME-Version: 1.0',
        'Content-Type: text/html; charset=utf-8',
        '',
        html,
      ].join('\r\n');
      const parsed = await parseEmail(Buffer.from(raw), {
        maxAttachmentBytes: 1000,
        fallbackDate: new Date(),
      });
      // A reply in the same thread with no date anywhere and a boundary its body never uses.
      const broken = [
        'From: Mallory <mallory@example.com>',
        'Subject: Re: Hostile newsletter',
        'In-Reply-To: <hostile@example.com>',
        'Message-ID: <broken@example.com>',
        'Content-Type: multipart/mixed; boundary="never-used"',
        '',
        '--other',
        '',
        'Text that survived a broken boundary',
      ].join('\r\n');
      const brokenParsed = await parseEmail(Buffer.from(broken), {
        maxAttachmentBytes: 1000,
        fallbackDate: null,
      });
      db.sqlite.transaction(() => {
        storeEmail(db, parsed, {
          source: 'mbox',
          ownAddresses: new Set(['support@keydesk.test']),
          now: new Date(),
        });
        storeEmail(db, brokenParsed, { source: 'mbox', ownAddresses: new Set(), now: new Date() });
        storeChat(
          db,
          {
            externalId: 'e2e-chat',
            visitorName: 'Dana',
            visitorEmail: 'dana@example.com',
            visitorCountry: 'NO',
            startedAt: new Date('2025-01-07T10:00:00Z'),
            endedAt: null,
            messages: [
              {
                senderType: 'visitor',
                senderName: 'Dana',
                sentAt: new Date('2025-01-07T10:00:00Z'),
                text: 'Is there a student discount?',
              },
              {
                senderType: 'agent',
                senderName: 'Owner',
                sentAt: new Date('2025-01-07T10:01:00Z'),
                text: 'Yes, 50% off.',
              },
            ],
          },
          { source: 'tawk', now: new Date() },
        );
      })();
      threadId = Number((db.sqlite.prepare('SELECT id FROM EmailThread').get() as { id: number }).id);
      chatId = Number((db.sqlite.prepare('SELECT id FROM ChatTranscript').get() as { id: number }).id);
    },
  });

  it('lists chats and threads together and searches them', async () => {
    const page = await e2e.signedInPage({ path: '/conversations' });
    await page.getByTestId('conversation-row').first().waitFor();
    await expect(page.getByTestId('conversation-row').count()).resolves.toBe(2);
    await expectAccessible(page, 'Conversations');
    await page.getByLabel('Search messages').fill('student');
    await page.locator('mark', { hasText: 'student' }).waitFor();
    await expect(page.getByTestId('conversation-row').count()).resolves.toBe(1);
    await page.context().close();
  });

  it('shows a hostile HTML email with no script run and no request to the image host', async () => {
    const page = await newPage(e2e.browser);
    const messages: unknown[] = [];
    await page.exposeFunction('__recordMessage', (data: unknown) => messages.push(data));
    await page.addInitScript(() => {
      window.addEventListener('message', (e) =>
        (window as unknown as { __recordMessage(d: unknown): void }).__recordMessage(e.data),
      );
    });
    await signIn(page, e2e.server.url);
    await page.goto(`${e2e.server.url}/conversations/email/${threadId}`);
    const frameElement = page.getByTestId('email-html-frame');
    await frameElement.waitFor();
    const frame = page.frameLocator('[data-testid="email-html-frame"]');
    await frame.locator('#greeting').waitFor();
    await expect(frame.locator('body').getAttribute('data-pwned')).resolves.toBeNull();
    const srcdoc = (await frameElement.getAttribute('srcdoc')) ?? '';
    expect(srcdoc).not.toContain('<script');
    expect(srcdoc).not.toContain('onerror');
    expect(srcdoc).not.toContain(imageUrl);
    expect(await frameElement.getAttribute('sandbox')).not.toContain('allow-scripts');
    await page.waitForTimeout(1000);
    expect(messages).toEqual([]);
    expect(imageRequests).toBe(0);
    await expectAccessible(page, 'Email thread');

    // The owner's choice lets the images through (the control that shows the blocking was real).
    await page.getByRole('button', { name: 'Load remote images' }).click();
    await expect.poll(async () => (await frameElement.getAttribute('srcdoc')) ?? '').toContain(imageUrl);
    expect((await frameElement.getAttribute('srcdoc')) ?? '').not.toContain('onerror');
    await page.context().close();
  });

  it('says which message was not read cleanly and which has no date', async () => {
    const page = await e2e.signedInPage({ path: `/conversations/email/${threadId}` });
    await page.getByText('Text that survived a broken boundary').waitFor();
    const notice = page.getByRole('alert', { name: 'Parse problem' });
    await expect(notice.count()).resolves.toBe(1);
    await expect(notice.textContent()).resolves.toMatch(/boundary/);
    await expect(page.getByText('Date unknown').count()).resolves.toBe(1);
    await page.context().close();
  });

  it('shows a chat with every message in order', async () => {
    const page = await e2e.signedInPage({ path: `/conversations/chat/${chatId}` });
    await page.getByText('Yes, 50% off.').waitFor();
    const texts = await page.locator('.conversation-messages > li').allTextContents();
    expect(texts.map((t) => (t.includes('student') ? 'visitor' : 'agent'))).toEqual(['visitor', 'agent']);
    await expectAccessible(page, 'Chat');
    await page.context().close();
  });

  it('marks a thread done and reopens it; the waiting filter follows', async () => {
    const page = await e2e.signedInPage({ path: `/conversations/email/${threadId}` });
    await page.getByText('Waiting for your reply', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Mark as done' }).click();
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    await expect(page.getByText('Done', { exact: true }).count()).resolves.toBe(1);
    await expectAccessible(page, 'Thread marked done');

    await page.goto(`${e2e.server.url}/conversations`);
    await page.getByTestId('conversation-row').first().waitFor();
    await page.getByLabel('Waiting for your reply').check();
    await page.getByText('Nothing waits for your reply').waitFor();

    await page.goto(`${e2e.server.url}/conversations/email/${threadId}`);
    await page.getByRole('button', { name: 'Reopen' }).click();
    await page.getByRole('button', { name: 'Mark as done' }).waitFor();
    await page.context().close();
  });
});
