import { recordAudit } from '@keydesk/audit';
import type { Db } from '@keydesk/db';
import { createMessageId } from '../message-id.ts';
import { notifyOutboxChanged } from '../outbox-events.ts';
import { insertOutboxEmail } from '../outbox-store.ts';
import { insertLicenseResend, licenseResendByOutboxId } from '../sql.ts';
import { composeLicenseResend } from './compose-license-resend.ts';
import {
  LicenseResendError,
  requireLicenseForResend,
  resendBlockedReason,
} from './get-license-for-resend.ts';

export type ResendLicenseKeyOptions = {
  db: Db;
  licenseId: number;
  /** Another address than the customer's; recorded as such. */
  toAddress?: string | null;
  /** Made by the browser once per dialog: a double click or a retried request repeats it. */
  requestId: string;
  /** The sender, when SMTP is configured; otherwise the sender fills it in when it sends. */
  fromAddress: string | null;
  ip?: string | null;
  now: Date;
};

/**
 * Queues the key's email in the outbox. The outbox row, the resend record and the audit entry
 * commit together; the sender worker delivers it. A repeated requestId queues nothing new.
 */
export async function resendLicenseKey(options: ResendLicenseKeyOptions) {
  const { db, now } = options;
  const license = await requireLicenseForResend(db, options.licenseId);
  const blocked = resendBlockedReason(license);
  if (blocked) throw new LicenseResendError('BLOCKED', blocked);
  const email = await composeLicenseResend({ ...options, license });
  const customerId = license.customer?.id ?? null;

  const queue = db.sqlite.transaction(() => {
    const outbox = insertOutboxEmail(
      db,
      {
        kind: 'license_resend',
        idempotencyKey: `license-resend:${license.id}:${options.requestId}`,
        fromAddress: email.from ?? '',
        toAddress: email.to,
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html,
        messageId: createMessageId(email.from),
        customerId,
      },
      now,
    );
    if (!outbox.isNew) {
      const existing = licenseResendByOutboxId.get(db, { outboxId: outbox.id });
      // Every outbox row of this kind was queued with its resend record, in one transaction.
      if (!existing) throw new Error(`Outbox email ${outbox.id} has no license resend.`);
      return {
        resendId: existing.id,
        outboxId: outbox.id,
        isDuplicate: true,
        toAddress: existing.toAddress,
        isAlternateAddress: existing.isAlternateAddress === 1,
      };
    }
    const resendId = insertLicenseResend.run(db, {
      licenseId: license.id,
      customerId,
      toAddress: email.to,
      isAlternateAddress: email.isAlternateAddress ? 1 : 0,
      outboxId: outbox.id,
      requestedAt: now.getTime(),
    }).lastInsertRowid;
    // The address stays in LicenseResend (erased with the customer); the audit log keeps no copy.
    recordAudit(
      db,
      {
        action: 'license.resend',
        actor: 'owner',
        customerId,
        targetType: 'license',
        targetId: license.id,
        ip: options.ip ?? null,
        details: { resendId, outboxId: outbox.id, isAlternateAddress: email.isAlternateAddress },
      },
      now,
    );
    return {
      resendId,
      outboxId: outbox.id,
      isDuplicate: false,
      toAddress: email.to,
      isAlternateAddress: email.isAlternateAddress,
    };
  });
  const result = queue();
  notifyOutboxChanged();
  return result;
}
