import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../fixtures/browser.ts';
import { useResendSession } from './resend-session.ts';

describe('Resending a license key', () => {
  const session = useResendSession();
  const { e2e, smtp } = session;

  // Two axe runs on a shared 2-core machine: allow more than the suite's default 90 s.
  it('previews the exact email, sends it once, and shows it as sent with its Message-ID', {
    timeout: 180_000,
  }, async () => {
    const page = await e2e.signedInPage({ path: `/licenses/${session.seeded.licenseId}?resend=1` });

    const dialog = page.getByRole('dialog', { name: 'Resend license key' });
    await dialog.waitFor();
    const preview = dialog.getByTestId('license-resend-preview');
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain(`To: ${session.seeded.email}`);
    await expect(preview.textContent()).resolves.toContain('Subject: Your Tessera license key');
    const html = page.frameLocator('[data-testid="mail-preview-html"]');
    await html.getByText(session.seeded.key).waitFor();
    await html.getByText('Hello Ines Müller,').waitFor();
    await expectAccessible(page, 'License page with the resend dialog');
    await dialog.getByRole('tab', { name: 'Plain-text part' }).click();
    await expect(dialog.getByTestId('mail-preview-text').textContent()).resolves.toContain(
      session.seeded.key,
    );

    // A double click queues one email.
    await dialog.getByRole('button', { name: 'Send' }).dblclick();
    // A toast keeps itself open while the pointer is over it, and the pointer left on Send can be
    // where the toast appears once the dialog closes (the toast then never closed, in CI once).
    await page.mouse.move(0, 0);
    await page.getByText('Key email queued').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).searchParams.get('resend')).toBeNull();

    const [message] = await smtp.server.waitForMessages(1);
    expect(message?.envelopeTo).toEqual([session.seeded.email]);
    expect(message?.parsed.text).toContain(session.seeded.key);
    expect(message?.parsed.html).toContain(session.seeded.key);
    expect(message?.parsed.date).toBeInstanceOf(Date);
    const db = await e2e.server.openDb();
    const outbox = await db.prisma.outboxEmail.findMany({ select: { messageId: true, status: true } });
    await db.close();
    expect(outbox).toHaveLength(1);
    expect(message?.parsed.messageId).toBe(outbox[0]?.messageId);

    const history = page.getByTestId('license-resend-history');
    await history.locator('tbody').getByText('Sent', { exact: true }).waitFor({ timeout: 15_000 });
    await expect(history.textContent()).resolves.toContain(outbox[0]?.messageId ?? '?');
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.server.received).toHaveLength(1);
    // The toast closes by itself after 4 s; caught mid-fade, its half-transparent colours fail
    // axe's contrast check (seen once in CI).
    await page.getByText('Key email queued').waitFor({ state: 'hidden', timeout: 15_000 });
    await expectAccessible(page, 'License page with its resend history');
    await page.context().close();
  });

  it('sends to another address and records it as such', async () => {
    const page = await e2e.signedInPage({ path: `/licenses/${session.seeded.licenseId}` });
    await page.getByRole('button', { name: 'Resend key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Resend license key' });
    await dialog.getByLabel('Another address (recorded as such)').check();
    await dialog.getByRole('textbox', { name: 'Other address' }).fill('ines.private@example.org');
    await dialog.getByText('To: ines.private@example.org').waitFor();
    await dialog.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Key email queued').waitFor();

    const messages = await smtp.server.waitForMessages(2);
    expect(messages[1]?.envelopeTo).toEqual(['ines.private@example.org']);
    expect(messages[1]?.parsed.text).toContain(session.seeded.key);
    await page.getByTestId('license-resend-history').getByText('Other address').waitFor();
    await page.context().close();
  });
});
