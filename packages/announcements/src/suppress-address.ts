// Addresses no announcement may reach, and taking an address out of the campaigns still waiting
// to write to it. Update notices left through a link are kept here too; the newsletter's own
// opt-out is the NewsletterSubscription row the newsletter webhook also writes.
import type { Db } from '@keydesk/db';
import { withdrawQueuedOutboxEmail } from '@keydesk/mail';
import type { TCampaignTopic } from './audience-rules.ts';
import { markRecipientBounced, markRecipientLeft, unsentRecipientsOf } from './sql/campaigns.ts';
import { upsertSuppression } from './sql/suppressions.ts';

/** Why an address is suppressed; sql/audience.ts reads each (a hard bounce rules out that address only). */
export const SUPPRESSION_REASONS = ['hard_bounce', 'complaint', 'manual', 'updates_unsubscribed'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/**
 * Takes the address out of every campaign of these topics that has not handed it to SMTP yet.
 * Returns how many recipients were taken out.
 */
export function withdrawAddress(
  db: Db,
  email: string,
  topics: readonly TCampaignTopic[],
  status: 'unsubscribed' | 'bounced' | 'cancelled',
  reason: string,
): number {
  const [topicA = 'updates', topicB = topicA] = topics;
  let count = 0;
  for (const row of unsentRecipientsOf.all(db, { email, topicA, topicB })) {
    // An email the sender took meanwhile goes out; the recipient keeps its real outcome.
    if (row.outboxId !== null && !withdrawQueuedOutboxEmail(db, row.outboxId)) continue;
    markRecipientLeft.run(db, { id: row.id, status, error: reason });
    count++;
  }
  return count;
}

export function suppressAddress(options: {
  db: Db;
  email: string;
  reason: SuppressionReason;
  now: Date;
}): void {
  const { db, reason } = options;
  const email = options.email.trim().toLowerCase();
  db.sqlite.transaction(() => {
    upsertSuppression.run(db, { email, reason, at: options.now.getTime() });
    const topics: TCampaignTopic[] =
      reason === 'updates_unsubscribed' ? ['updates'] : ['updates', 'newsletter'];
    const status =
      reason === 'hard_bounce' ? 'bounced' : reason === 'updates_unsubscribed' ? 'unsubscribed' : 'cancelled';
    withdrawAddress(db, email, topics, status, `Address suppressed: ${reason}`);
  })();
}

/** The outbox sender's report of a refused mailbox (5xx): a hard bounce. */
export function recordMailboxRefused(options: {
  db: Db;
  toAddress: string;
  campaignId: number | null;
  reason: string;
  now: Date;
}): void {
  const { db } = options;
  const email = options.toAddress.trim().toLowerCase();
  db.sqlite.transaction(() => {
    suppressAddress({ db, email, reason: 'hard_bounce', now: options.now });
    if (options.campaignId !== null) {
      markRecipientBounced.run(db, { campaignId: options.campaignId, email, error: options.reason });
    }
  })();
}
