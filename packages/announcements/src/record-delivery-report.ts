// A delivery status notification or abuse report found in the synced mailbox (IMAP or mbox
// import): a permanent failure suppresses the address as a hard bounce and marks the campaign's
// recipient bounced; a complaint suppresses it; a delay is noted and counted. Only reports about an
// email Keydesk sent to that address count: anyone can mail the support address a forged report,
// and it must not take a customer off the list.
import type { Db } from '@keydesk/db';
import { addressOf } from '@keydesk/mail';
import { settleRecipientsFromOutbox } from './sql/campaigns.ts';
import {
  markSentRecipientBounced,
  noteRecipientReport,
  outboxEmailByMessageId,
} from './sql/delivery-reports.ts';
import { suppressAddress } from './suppress-address.ts';

/** What `@keydesk/conversations` reads from a report (its `DeliveryReport`). */
export type DeliveryReportInput = {
  recipients: readonly {
    address: string;
    outcome: 'failed' | 'delayed' | 'complaint' | 'other';
    status: string | null;
    diagnostic: string | null;
  }[];
  originalMessageId: string | null;
};

export type DeliveryReportResult = {
  /** Whether the report is about an email Keydesk sent to the address it names. */
  isOurs: boolean;
  bounced: number;
  complaints: number;
  delayed: number;
};

export function recordDeliveryReport(db: Db, report: DeliveryReportInput, now: Date): DeliveryReportResult {
  const result: DeliveryReportResult = { isOurs: false, bounced: 0, complaints: 0, delayed: 0 };
  const sent = report.originalMessageId
    ? outboxEmailByMessageId.get(db, { messageId: report.originalMessageId })
    : undefined;
  if (!sent) return result;
  const sentTo = addressOf(sent.toAddress).toLowerCase();
  const recipient = report.recipients.find((r) => r.address.toLowerCase() === sentTo);
  if (!recipient) return result;
  result.isOurs = true;
  const detail = [recipient.status, recipient.diagnostic].filter(Boolean).join(' ');
  db.sqlite.transaction(() => {
    // The recipient learns the outbox's outcome first, so the note is not overwritten by it later.
    if (sent.campaignId !== null) settleRecipientsFromOutbox.run(db, { campaignId: sent.campaignId });
    if (recipient.outcome === 'failed') {
      suppressAddress({ db, email: sentTo, reason: 'hard_bounce', now });
      markSentRecipientBounced.run(db, {
        outboxId: sent.id,
        error: `Bounced: ${detail || 'permanent failure'}`,
      });
      result.bounced++;
    } else if (recipient.outcome === 'complaint') {
      suppressAddress({ db, email: sentTo, reason: 'complaint', now });
      noteRecipientReport.run(db, { outboxId: sent.id, note: `Reported as spam (${detail})` });
      result.complaints++;
    } else if (recipient.outcome === 'delayed') {
      noteRecipientReport.run(db, { outboxId: sent.id, note: `Delayed: ${detail || 'temporary failure'}` });
      result.delayed++;
    }
  })();
  return result;
}
