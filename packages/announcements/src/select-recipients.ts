// From the people the rules matched to the addresses a campaign goes to: one address per person,
// and none that must not be written to. Pure, so a property test can try every combination.
import type { TCampaignTopic } from './audience-rules.ts';

export const SUPPRESSION_REASONS = ['hard_bounce', 'complaint', 'manual', 'updates_unsubscribed'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export type AudiencePerson = {
  customerId: number | null;
  name: string;
  /** Lower-cased; the preferred one (primary) first. */
  emails: string[];
};

export type AudienceRecipient = { email: string; customerId: number | null; name: string };

export type RecipientFilters = {
  topic: TCampaignTopic;
  suppressions: ReadonlyMap<string, SuppressionReason>;
  /** Addresses whose NewsletterSubscription says unsubscribed. */
  newsletterUnsubscribed: ReadonlySet<string>;
};

/**
 * True when the person said no, on any of their addresses: a complaint, a manual block, or leaving
 * this topic. Their other addresses are the same person, so they are not written to either.
 */
function hasOptedOut(person: AudiencePerson, filters: RecipientFilters): boolean {
  return person.emails.some((email) => {
    const reason = filters.suppressions.get(email);
    if (reason === 'complaint' || reason === 'manual') return true;
    if (filters.topic === 'updates') return reason === 'updates_unsubscribed';
    return filters.newsletterUnsubscribed.has(email);
  });
}

/** A hard bounce rules out that address only: the person's next address may still work. */
function usableAddress(person: AudiencePerson, filters: RecipientFilters): string | undefined {
  return person.emails.find((email) => filters.suppressions.get(email) !== 'hard_bounce');
}

/**
 * The same person reached through several rules (a license and the newsletter) is one person:
 * entries of one customer are merged, and a subscriber's address that belongs to a customer joins
 * that customer.
 */
function mergePeople(people: Iterable<AudiencePerson>): AudiencePerson[] {
  const customers = new Map<number, AudiencePerson>();
  const others: AudiencePerson[] = [];
  for (const person of people) {
    if (person.customerId === null) {
      others.push(person);
      continue;
    }
    // A person met once is kept as given; only a merge makes a new object (the input is never
    // changed), so a 100k audience is not copied whole.
    const merged = customers.get(person.customerId);
    if (merged) {
      customers.set(person.customerId, {
        ...merged,
        emails: [...new Set([...merged.emails, ...person.emails])],
      });
    } else customers.set(person.customerId, person);
  }
  const result = [...customers.values()];
  if (others.length === 0) return result;
  const customerAddresses = new Set<string>();
  for (const person of customers.values()) for (const email of person.emails) customerAddresses.add(email);
  for (const person of others) {
    if (!person.emails.some((email) => customerAddresses.has(email))) result.push(person);
  }
  return result;
}

/** One recipient per person and per address, sorted by address (the stable order pages use). */
export function selectRecipients(
  people: Iterable<AudiencePerson>,
  filters: RecipientFilters,
): AudienceRecipient[] {
  const byEmail = new Map<string, AudienceRecipient>();
  for (const person of mergePeople(people)) {
    if (hasOptedOut(person, filters)) continue;
    const email = usableAddress(person, filters);
    if (email === undefined || byEmail.has(email)) continue;
    byEmail.set(email, { email, customerId: person.customerId, name: person.name });
  }
  return [...byEmail.values()].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
}
