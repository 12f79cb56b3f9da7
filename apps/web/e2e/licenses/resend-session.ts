import { seedLicense } from '@keydesk/mail/testing';
import type { BrowserContextOptions } from 'playwright-core';
import { type E2eSession, useE2eSession } from '../fixtures/e2e-session.ts';
import { useTestSmtp } from '../fixtures/test-smtp.ts';

const FROM = 'Keydesk Support <support@keydesk.test>';

export type ResendSession = {
  readonly e2e: E2eSession;
  readonly smtp: ReturnType<typeof useTestSmtp>;
  /** Ines Müller's license, with her order and email; read once beforeAll has run. */
  readonly seeded: Awaited<ReturnType<typeof seedLicense>>;
};

/**
 * A server that sends mail to a test SMTP server, with one license to resend, for the calling
 * `describe` (vitest hooks, like useE2eSession); `page` opens a shared signed-in page.
 */
export function useResendSession(page?: BrowserContextOptions): ResendSession {
  let seeded: ResendSession['seeded'] | undefined;
  const smtp = useTestSmtp();
  const e2e = useE2eSession({
    server: () => ({ env: { SMTP_URL: smtp.server.url, MAIL_FROM: FROM } }),
    page,
    async seed(db) {
      seeded = await seedLicense(db, { name: 'Ines Müller' });
    },
  });
  return {
    e2e,
    smtp,
    get seeded() {
      if (!seeded) throw new Error('The license is seeded in beforeAll; read it inside a test.');
      return seeded;
    },
  };
}
