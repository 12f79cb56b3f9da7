import { describe, expect, it } from 'vitest';
import { OWNER } from '../fixtures/server.ts';
import { expectAccessibleEverywhere, WIDE } from '../fixtures/viewports.ts';
import { useResendSession } from './resend-session.ts';

// The owner resends a key from the customer's page and stays there; Settings → Mail proves the
// SMTP path with a test email and previews templates without a real key.
describe('Resending where the owner is, and testing the mail path', () => {
  const session = useResendSession({ viewport: WIDE });
  const { e2e, smtp } = session;

  it("opens the resend dialog on the customer's page, which then lists the resend", async () => {
    await e2e.page.goto(`${e2e.server.url}/customers/${session.seeded.customerId}`);
    await e2e.page.getByRole('button', { name: /^Resend key of/ }).click();
    const dialog = e2e.page.getByRole('dialog', { name: 'Resend license key' });
    await dialog.getByTestId('license-resend-preview').waitFor();
    expect(new URL(e2e.page.url()).pathname).toBe(`/customers/${session.seeded.customerId}`);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(e2e.page.url()).pathname).toBe(`/customers/${session.seeded.customerId}`);
    expect(
      await e2e.page.getByRole('link', { name: 'License lookup' }).getAttribute('aria-current'),
    ).toBeNull();
    const resends = e2e.page.getByRole('table', { name: 'Key resends' });
    await resends.getByText(session.seeded.email).waitFor();
    await smtp.server.waitForMessages(1);
  });

  it("sends a test email to the owner through SMTP and shows the server's reply", async () => {
    await e2e.page.goto(`${e2e.server.url}/settings?tab=mail`);
    await e2e.page.getByRole('button', { name: 'Send a test email' }).click();
    const result = e2e.page.getByTestId('settings-test-email');
    await result.getByText(`Sent to ${OWNER.email}`).waitFor({ timeout: 20_000 });
    expect(await result.textContent()).toMatch(/The server replied: 250/);
    const messages = await smtp.server.waitForMessages(2);
    expect(messages.some((m) => m.envelopeTo.includes(OWNER.email))).toBe(true);
  });

  it('previews a template with a sample key, never the customer’s own', async () => {
    await e2e.page.goto(`${e2e.server.url}/settings?tab=mail`);
    const frame = e2e.page.frameLocator('iframe[title="Template preview: HTML part"]');
    await frame.locator('body').waitFor();
    await e2e.page.getByText(/and a sample key/).waitFor();
    const html = await frame.locator('body').textContent();
    expect(html).not.toContain(session.seeded.key);
    expect(html).toMatch(/X{5}/);
  });

  // Several axe runs on a shared 2-core machine: far more than the default 90 s.
  it('is accessible at 1440 and 390 px in light and dark', { timeout: 600_000 }, async () => {
    const storage = await e2e.page.context().storageState();
    await expectAccessibleEverywhere(
      e2e.browser,
      storage,
      'Customer page with the resend dialog',
      async (p) => {
        await p.goto(
          `${e2e.server.url}/customers/${session.seeded.customerId}?resend=${session.seeded.licenseId}`,
        );
        await p
          .getByRole('dialog', { name: 'Resend license key' })
          .getByTestId('license-resend-preview')
          .waitFor();
      },
    );
    await expectAccessibleEverywhere(e2e.browser, storage, 'Settings, mail', async (p) => {
      await p.goto(`${e2e.server.url}/settings?tab=mail`);
      await p.getByRole('button', { name: 'Send a test email' }).waitFor();
    });
  });
});
