// Who an audience reaches right now: the rules evaluated against the database, then one address
// per person with every opt-out, bounce and suppression applied (select-recipients.ts). Erased
// customers are not found because erasure removes them and unlinks their licenses.
import type { Db } from '@keydesk/db';
import type { TAudience, TAudienceRule, TCampaignTopic } from './audience-rules.ts';
import {
  type AudiencePerson,
  type AudienceRecipient,
  SUPPRESSION_REASONS,
  type SuppressionReason,
  selectRecipients,
} from './select-recipients.ts';
import {
  allSuppressions,
  customerAddresses,
  customersHoldingLicense,
  newsletterSubscribers,
  unsubscribedNewsletterAddresses,
} from './sql/audience.ts';

type Matched = {
  customers: Set<number>;
  addresses: Set<string>;
  /** The address a customer subscribed to the newsletter with: the newsletter goes there. */
  subscribedAddress: Map<number, string>;
};

const dayStart = (day: string | undefined) => (day === undefined ? null : Date.parse(`${day}T00:00:00Z`));

function match(db: Db, rules: TAudienceRule[]): Matched {
  const matched: Matched = { customers: new Set(), addresses: new Set(), subscribedAddress: new Map() };
  for (const rule of rules) {
    if (rule.kind === 'newsletter') {
      for (const row of newsletterSubscribers.iterate(db)) {
        if (row.customerId === null) matched.addresses.add(row.email);
        else {
          matched.customers.add(row.customerId);
          matched.subscribedAddress.set(row.customerId, row.email);
        }
      }
      continue;
    }
    const rows = customersHoldingLicense.iterate(db, {
      product: rule.product ?? null,
      edition: rule.edition ?? null,
      majorVersion: rule.majorVersion ?? null,
      boughtFrom: dayStart(rule.boughtFrom),
      boughtBefore: dayStart(rule.boughtBefore),
      country: rule.country ?? null,
    });
    for (const row of rows) matched.customers.add(row.customerId);
  }
  return matched;
}

function isSuppressionReason(value: string): value is SuppressionReason {
  return (SUPPRESSION_REASONS as readonly string[]).includes(value);
}

/** Every recipient of the audience, sorted by address. */
export function evaluateAudience(options: {
  db: Db;
  audience: TAudience;
  topic: TCampaignTopic;
}): AudienceRecipient[] {
  const { db, audience, topic } = options;
  const included = match(db, audience.include);
  const excluded = match(db, audience.exclude);

  const people = new Map<number, AudiencePerson>();
  for (const row of customerAddresses.iterate(db)) {
    if (!included.customers.has(row.customerId) || excluded.customers.has(row.customerId)) continue;
    const person = people.get(row.customerId);
    if (person) person.emails.push(row.email);
    else people.set(row.customerId, { customerId: row.customerId, name: row.name, emails: [row.email] });
  }
  if (topic === 'newsletter') {
    // Consent to the newsletter was given for one address; it comes first, before the primary.
    for (const [customerId, email] of included.subscribedAddress) {
      const person = people.get(customerId);
      if (person) person.emails = [email, ...person.emails.filter((e) => e !== email)];
    }
  }
  const subscribers: AudiencePerson[] = [...included.addresses]
    .filter((email) => !excluded.addresses.has(email))
    .map((email) => ({ customerId: null, name: '', emails: [email] }));

  const suppressions = new Map<string, SuppressionReason>();
  for (const row of allSuppressions.all(db)) {
    // Only this package writes the column; an unknown value blocks the address rather than risk it.
    suppressions.set(row.email, isSuppressionReason(row.reason) ? row.reason : 'manual');
  }
  const newsletterUnsubscribed = new Set(unsubscribedNewsletterAddresses.all(db).map((r) => r.email));
  return selectRecipients([...people.values(), ...subscribers], {
    topic,
    suppressions,
    newsletterUnsubscribed,
  });
}

export const MAX_AUDIENCE_PAGE = 100;

/** The count and one page of an audience, for the owner to see who is in as the rules change. */
export function previewAudience(options: {
  db: Db;
  audience: TAudience;
  topic: TCampaignTopic;
  cursor?: string | undefined;
  limit: number;
}): { count: number; items: AudienceRecipient[]; nextCursor: string | null } {
  const all = evaluateAudience(options);
  const { cursor } = options;
  const start = cursor === undefined ? 0 : all.findIndex((r) => r.email > cursor);
  const from = start < 0 ? all.length : start;
  const limit = Math.min(Math.max(1, options.limit), MAX_AUDIENCE_PAGE);
  const items = all.slice(from, from + limit);
  const hasMore = from + limit < all.length;
  return { count: all.length, items, nextCursor: hasMore ? (items.at(-1)?.email ?? null) : null };
}
