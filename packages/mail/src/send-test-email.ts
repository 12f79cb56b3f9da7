// "Send a test email" in Settings → Mail: one email to the owner through the same outbox and SMTP
// sender as a key email, so what it proves (the server's reply, or its error) holds for key emails.
import type { Db } from '@keydesk/db';
import { DomainError } from '@keydesk/db';
import type { SettingsStore } from '@keydesk/settings';
import { outboxEmailSelect } from './find-outbox-emails.ts';
import { type MailFallback, resolveMailConfig } from './mail-config.ts';
import { addressOf, createMessageId } from './message-id.ts';
import { notifyOutboxChanged } from './outbox-events.ts';
import { insertOutboxEmail, toOutboxStatus } from './outbox-store.ts';

export class TestEmailError extends DomainError {
  readonly kind = 'invalid';
}

/** Queues the test email (once per request id) and returns its outbox row id. */
export async function queueTestEmail(options: {
  db: Db;
  settings: Pick<SettingsStore, 'get' | 'getSecret'>;
  fallback?: MailFallback;
  requestId: string;
  now: Date;
}): Promise<{ outboxId: number; toAddress: string }> {
  const config = resolveMailConfig(options.settings, options.fallback);
  if (!config) throw new TestEmailError('Set the SMTP server and the sender address first.');
  const owner = await options.db.prisma.owner.findFirst({ select: { email: true } });
  if (!owner) throw new TestEmailError('There is no owner account to send to.');
  const sentAt = options.now.toISOString();
  const { id } = insertOutboxEmail(
    options.db,
    {
      kind: 'test',
      idempotencyKey: `test:${options.requestId}`,
      fromAddress: config.from,
      toAddress: owner.email,
      subject: 'Keydesk test email',
      textBody: `This is a test email from Keydesk, queued at ${sentAt}.\n\nIf it reached you, key emails will too.\n`,
      htmlBody: `<p>This is a test email from Keydesk, queued at ${sentAt}.</p><p>If it reached you, key emails will too.</p>`,
      messageId: createMessageId(addressOf(config.from)),
      customerId: null,
    },
    options.now,
  );
  notifyOutboxChanged();
  return { outboxId: id, toAddress: owner.email };
}

/** One outbox row as the owner follows it: status, the server's reply or the last error. */
export async function getOutboxEmail(options: { db: Db; id: number }) {
  const row = await options.db.prisma.outboxEmail.findUnique({
    select: outboxEmailSelect,
    where: { id: options.id },
  });
  return row ? { ...row, status: toOutboxStatus(row.status) } : null;
}
