import { seedPerson } from '@keydesk/announcements/testing';
import { findFreePort } from '@keydesk/mail/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, newPage, signIn } from '../fixtures/browser.ts';
import { useE2eSession } from '../fixtures/e2e-session.ts';
import { useTestSmtp } from '../fixtures/test-smtp.ts';

describe('Announcements', () => {
  const smtp = useTestSmtp();
  let port = 0;
  beforeAll(async () => {
    port = await findFreePort();
  });

  // PUBLIC_URL is the address the server prints, so it names a port chosen beforehand.
  const e2e = useE2eSession({
    server: () => ({
      env: {
        SMTP_URL: smtp.server.url,
        MAIL_FROM: 'Tessera <news@tessera.test>',
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
      },
    }),
    async seed(db) {
      await seedPerson(db, {
        name: 'Ines Müller',
        emails: ['ines@example.test', 'ines@work.test'],
        licenses: [{}],
      });
      await seedPerson(db, {
        name: 'Tom Berg',
        emails: ['tom@example.test'],
        licenses: [{ majorVersion: 4 }],
      });
    },
  });

  it('drafts a campaign with a live audience, previews it, sends once per person and shows who got it', {
    timeout: 180_000,
  }, async () => {
    const page = await newPage(e2e.browser);
    await signIn(page, e2e.server.url);
    await page.goto(`${e2e.server.url}/announcements`);
    await page.getByRole('heading', { name: 'Announcements', exact: true }).waitFor();
    await page.getByRole('button', { name: 'New campaign' }).click();

    await page.getByLabel('Name (only you see it)').fill('Tessera 6');
    await expect.poll(() => page.getByTestId('announcement-audience-count').textContent()).toBe('2 people');
    await page.getByLabel('Major version').fill('5');
    await expect.poll(() => page.getByTestId('announcement-audience-count').textContent()).toBe('1 person');
    await page.getByLabel('Subject').fill('Tessera 6 is out, {{name}}');
    await page.getByLabel('Plain-text part').fill('Your license ending {{keyEnding}} upgrades free.');
    await page.getByLabel('HTML part').fill('<p>Your license ending {{keyEnding}} upgrades free.</p>');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.').waitFor();
    await page
      .frameLocator('[data-testid="mail-preview-html"]')
      .getByText(/upgrades free/)
      .waitFor();
    await expectAccessible(page, 'Announcements with a draft');

    // Preview as someone: Enter in the address shows it at once, and a person the rules leave out
    // is named as such (a 4xx, so no retries to wait through).
    const previewAs = page.getByLabel('Preview as');
    await previewAs.fill('tom@example.test');
    await previewAs.press('Enter');
    await page.getByText("tom@example.test is not in this campaign's audience.").waitFor({ timeout: 2_500 });
    await previewAs.fill('ines@example.test');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByText('To ines@example.test:').waitFor();

    await page.getByRole('button', { name: 'Start sending' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start sending' }).click();
    // A toast keeps itself open while the pointer is over it; the pointer left on the button can be
    // where it appears once the dialog closes.
    await page.mouse.move(0, 0);
    const [message] = await smtp.server.waitForMessages(1);
    expect(message?.envelopeTo).toEqual(['ines@example.test']);
    expect(message?.parsed.subject).toBe('Tessera 6 is out, Ines Müller');
    await page
      .getByRole('region', { name: 'Recipients' })
      .getByText('Sent', { exact: true })
      .waitFor({ timeout: 20_000 });
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.server.received).toHaveLength(1);
    await page.getByText('Sending started.').waitFor({ state: 'hidden', timeout: 15_000 });
    await expectAccessible(page, 'Announcements with its recipients');
    await page.context().close();
  });
});
