// Reading email: the message frame is as tall as the message, and images the page cannot load
// (plain http) are named, not silently dropped.
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../fixtures/e2e-session.ts';
import { seedEmail } from '../fixtures/seed-email.ts';
import { expectAccessibleEverywhere, WIDE } from '../fixtures/viewports.ts';

function rawEmail(id: string, subject: string, html: string): Buffer {
  return Buffer.from(
    [
      'From: Hélène Dubois <helene@example.com>',
      'To: support@keydesk.test',
      `Subject: ${subject}`,
      'Date: Mon, 06 Jan 2025 10:00:00 +0000',
      `Message-ID: <${id}@example.com>`,
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      html,
    ].join('\r\n'),
  );
}

describe('Reading an email', () => {
  const threads: Record<'short' | 'long', number> = { short: 0, long: 0 };
  const e2e = useE2eSession({
    page: { viewport: WIDE },
    async seed(db) {
      const short = rawEmail(
        'short',
        'Short question',
        '<p id="first">Does the licence cover two laptops?</p><img src="http://images.example/logo.png" alt="logo" width="40" height="20">',
      );
      const long = rawEmail(
        'long',
        'Long report',
        Array.from({ length: 80 }, (_, i) => `<p>Line ${i + 1} of a long bug report.</p>`).join(''),
      );
      for (const raw of [short, long]) await seedEmail(db, raw);
      const idOf = (subject: string) =>
        Number(db.sqlite.prepare('SELECT id FROM EmailThread WHERE subject = ?').pluck().get(subject));
      threads.short = idOf('Short question');
      threads.long = idOf('Long report');
    },
  });

  async function frameOf(threadId: number) {
    await e2e.page.goto(`${e2e.server.url}/conversations/email/${threadId}`);
    const frame = e2e.page.getByTestId('email-html-frame');
    await frame.waitFor();
    await e2e.page.frameLocator('[data-testid="email-html-frame"]').locator('p').first().waitFor();
    return frame;
  }

  it('sizes the frame to a short message, without dead space', async () => {
    const frame = await frameOf(threads.short);
    await expect.poll(async () => (await frame.boundingBox())?.height ?? 0).toBeLessThan(160);
  });

  it('grows the frame to a long message, with no scrolling inside it', async () => {
    const frame = await frameOf(threads.long);
    await expect.poll(async () => (await frame.boundingBox())?.height ?? 0).toBeGreaterThan(800);
    // Measured from inside the frame's own document (as the owner's scrollbar would show), not
    // through contentDocument, which depends on how the frame is sandboxed.
    const root = e2e.page.frameLocator('[data-testid="email-html-frame"]').locator('html');
    await expect
      .poll(() => root.evaluate((html) => html.scrollHeight - html.clientHeight))
      .toBeLessThanOrEqual(1);
    expect(await frame.getAttribute('sandbox')).not.toContain('allow-scripts');
  });

  it('after "Load remote images", says how many insecure images could not be loaded', async () => {
    await frameOf(threads.short);
    await e2e.page.getByRole('button', { name: 'Load remote images' }).click();
    const banner = e2e.page.getByTestId('remote-images-banner');
    await banner.getByText(/1 image could not be loaded/).waitFor();
    expect(await banner.textContent()).toContain('plain http');
  });

  it('is accessible at 1440 and 390 px in light and dark', { timeout: 600_000 }, async () => {
    const storage = await e2e.page.context().storageState();
    await expectAccessibleEverywhere(e2e.browser, storage, 'Email thread', async (p) => {
      await p.goto(`${e2e.server.url}/conversations/email/${threads.short}`);
      await p.getByTestId('email-html-frame').waitFor();
      await p.getByRole('button', { name: 'Load remote images' }).click();
      await p.getByTestId('remote-images-banner').waitFor();
    });
  });
});
