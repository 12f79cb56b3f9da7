// What an unsubscribe link does. One-click (RFC 8058) leaves the list the announcement came from;
// the page's other button leaves both. The newsletter's opt-out is the same NewsletterSubscription
// row the newsletter webhook writes, through the same writer, so the two can never disagree.
import type { Db } from '@keydesk/db';
import { createNewsletterWriter } from '@keydesk/ingestion';
import type { TCampaignTopic } from './audience-rules.ts';
import { campaignById, markRecipientLeft, recipientById } from './sql/campaigns.ts';
import { suppressAddress, withdrawAddress } from './suppress-address.ts';
import { verifyUnsubscribeToken } from './unsubscribe-token.ts';

export type UnsubscribeScope = 'this' | 'all';

export type UnsubscribeTarget = {
  recipientId: number;
  topic: TCampaignTopic;
  /** Shown on the page partly hidden: a forwarded link should not reveal the whole address. */
  maskedEmail: string;
};

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}${'•'.repeat(Math.max(1, Math.min(local.length - 1, 6)))}@${domain}`;
}

/** Whom a link is for, or null for a forged, damaged or outdated one (the person was erased). */
export function findUnsubscribeTarget(options: {
  db: Db;
  secret: string;
  token: string;
}): UnsubscribeTarget | null {
  const recipientId = verifyUnsubscribeToken(options.secret, options.token);
  if (recipientId === null) return null;
  const recipient = recipientById.get(options.db, { id: recipientId });
  if (!recipient) return null;
  const campaign = campaignById.get(options.db, { id: recipient.campaignId });
  return {
    recipientId,
    topic: campaign?.topic === 'newsletter' ? 'newsletter' : 'updates',
    maskedEmail: maskEmail(recipient.email),
  };
}

/** Unsubscribes at once; doing it twice changes nothing. Returns the topics left, or null for a bad link. */
export function unsubscribeByToken(options: {
  db: Db;
  secret: string;
  token: string;
  scope: UnsubscribeScope;
  now: Date;
}): { topics: TCampaignTopic[]; maskedEmail: string } | null {
  const { db, now } = options;
  const target = findUnsubscribeTarget(options);
  if (!target) return null;
  const recipient = recipientById.get(db, { id: target.recipientId });
  if (!recipient) return null;
  const topics: TCampaignTopic[] = options.scope === 'all' ? ['updates', 'newsletter'] : [target.topic];
  const applyNewsletter = createNewsletterWriter(db);
  db.sqlite.transaction(() => {
    if (topics.includes('updates')) {
      suppressAddress({ db, email: recipient.email, reason: 'updates_unsubscribed', now });
    }
    if (topics.includes('newsletter')) {
      applyNewsletter({ email: recipient.email, action: 'unsubscribe', at: now, origin: 'link', now });
      withdrawAddress(
        db,
        recipient.email,
        ['newsletter'],
        'unsubscribed',
        'Unsubscribed from the newsletter',
      );
    }
    markRecipientLeft.run(db, {
      id: recipient.id,
      status: 'unsubscribed',
      error: recipient.status === 'sent' ? 'Unsubscribed after receiving it' : 'Unsubscribed',
    });
  })();
  return { topics, maskedEmail: target.maskedEmail };
}
