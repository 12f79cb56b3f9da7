// Newsletter state per address. The rule that matters: an unsubscribed address stays
// unsubscribed. Only an explicit subscribe EVENT (the signed webhook) newer than the
// unsubscription brings it back; a CSV list never does, whatever it says or however new it is.
import type { Db } from '@keydesk/db';
import { redactRecord } from '@keydesk/privacy';
import { type CsvImportKind, RowRejectedError } from './csv-kind.ts';
import { normalizeEmail, parseResellerDate } from './reseller-values.ts';
import { customerIdByEmail } from './sql/orders.ts';
import {
  insertSubscription,
  type SubscriptionRow,
  subscriptionByEmail,
  updateSubscription,
} from './sql/webhooks.ts';

export type NewsletterAction = 'subscribe' | 'unsubscribe';
/** 'link': an announcement's unsubscribe link (RFC 8058), which only ever unsubscribes. */
export type NewsletterOrigin = 'webhook' | 'csv' | 'link';
export type NewsletterOutcome = 'created' | 'updated' | 'skipped';

export function createNewsletterWriter(db: Db) {
  return function applyNewsletterEvent(event: {
    email: string;
    action: NewsletterAction;
    at: Date;
    origin: NewsletterOrigin;
    now: Date;
  }): NewsletterOutcome {
    const at = event.at.getTime();
    const customerId = customerIdByEmail.get(db, { email: event.email })?.customerId ?? null;
    const row = subscriptionByEmail.get(db, { email: event.email });
    if (!row) {
      const isSub = event.action === 'subscribe';
      insertSubscription.run(db, {
        email: event.email,
        customerId,
        status: isSub ? 'subscribed' : 'unsubscribed',
        subscribedAt: isSub ? at : null,
        unsubscribedAt: isSub ? null : at,
        source: event.origin,
        now: event.now.getTime(),
      });
      return 'created';
    }
    let next: Omit<SubscriptionRow, 'id'>;
    if (event.action === 'unsubscribe') {
      // A late, older unsubscribe does not undo a newer explicit subscribe.
      const isOlderThanSubscribe =
        row.status === 'subscribed' && row.subscribedAt !== null && at < row.subscribedAt;
      next = {
        status: isOlderThanSubscribe ? row.status : 'unsubscribed',
        subscribedAt: row.subscribedAt,
        unsubscribedAt: Math.max(row.unsubscribedAt ?? 0, at),
      };
    } else if (row.status === 'unsubscribed') {
      const mayResubscribe = event.origin === 'webhook' && at > (row.unsubscribedAt ?? 0);
      if (!mayResubscribe) return 'skipped';
      next = { status: 'subscribed', subscribedAt: at, unsubscribedAt: row.unsubscribedAt };
    } else {
      next = {
        status: 'subscribed',
        subscribedAt: row.subscribedAt === null ? at : Math.min(row.subscribedAt, at),
        unsubscribedAt: row.unsubscribedAt,
      };
    }
    if (
      next.status === row.status &&
      next.subscribedAt === row.subscribedAt &&
      next.unsubscribedAt === row.unsubscribedAt
    )
      return 'skipped';
    updateSubscription.run(db, {
      ...next,
      id: row.id,
      source: event.origin,
      customerId,
      now: event.now.getTime(),
    });
    return 'updated';
  };
}

export const NEWSLETTER_CSV_COLUMNS = {
  email: ['Email', 'Email Address', 'E-mail', 'EMAIL', 'Subscriber', 'Address'],
  status: ['Status', 'Subscription Status', 'State', 'Subscribed'],
  subscribedAt: [
    'Subscribed At',
    'Date',
    'Optin Time',
    'OPTIN_TIME',
    'Confirm Time',
    'CONFIRM_TIME',
    'Signup Date',
    'Created',
    'Timestamp',
  ],
  unsubscribedAt: ['Unsubscribed At', 'Unsub Time', 'UNSUB_TIME', 'Unsubscribe Date'],
} as const;

type NewsletterField = keyof typeof NEWSLETTER_CSV_COLUMNS;

/** "subscribed"/"yes"/"active" subscribe; "unsubscribed"/"no"/"cleaned"/"bounced" unsubscribe. */
export function readNewsletterStatus(text: string): NewsletterAction | null {
  const s = text.trim().toLowerCase();
  if (/^(subscribed|subscribe|active|yes|y|true|1|confirmed|opted ?in)$/.test(s)) return 'subscribe';
  if (/^(unsubscribed|unsubscribe|inactive|no|n|false|0|cleaned|bounced|opted ?out|complained)$/.test(s))
    return 'unsubscribe';
  return null;
}

/** Flat until written, like the order import's rows (see OrderCsvValues). */
type NewsletterCsvValues = [email: string, action: NewsletterAction, atMs: number];

export function createNewsletterCsvKind(): CsvImportKind<NewsletterField, NewsletterCsvValues> {
  return {
    kind: 'newsletter',
    variant: '',
    columns: NEWSLETTER_CSV_COLUMNS,
    required: [['email']],
    read(raw, now) {
      const row = redactRecord(raw);
      const email = normalizeEmail(row.email ?? '');
      if (!email) throw new RowRejectedError(`"${(row.email ?? '').slice(0, 80)}" is not an email address`);
      const unsubText = row.unsubscribedAt?.trim() ?? '';
      const action = row.status?.trim()
        ? readNewsletterStatus(row.status)
        : unsubText
          ? 'unsubscribe'
          : 'subscribe';
      if (!action) throw new RowRejectedError(`unknown status "${(row.status ?? '').slice(0, 40)}"`);
      const dateText = (action === 'unsubscribe' && unsubText) || row.subscribedAt?.trim() || '';
      const at = dateText ? parseResellerDate(dateText) : now;
      if (!at) throw new RowRejectedError(`"${dateText.slice(0, 40)}" is not a date`);
      return [email, action, at.getTime()];
    },
    openWriter(db, now) {
      const apply = createNewsletterWriter(db);
      return ([email, action, atMs]) => apply({ email, action, at: new Date(atMs), origin: 'csv', now });
    },
  };
}
