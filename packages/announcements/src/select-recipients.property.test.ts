import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AudiencePerson,
  SUPPRESSION_REASONS,
  type SuppressionReason,
  selectRecipients,
} from './select-recipients.ts';

// Each customer owns its own addresses (CustomerEmail.email is unique); a subscriber without a
// customer has one address, which may be a customer's. A small space, so everything collides often.
const customerPerson: fc.Arbitrary<AudiencePerson> = fc.integer({ min: 1, max: 6 }).chain((customerId) =>
  fc.record({
    customerId: fc.constant(customerId),
    name: fc.constant(`Customer ${customerId}`),
    emails: fc.uniqueArray(fc.constantFrom(...['a', 'b', 'c'].map((s) => `c${customerId}${s}@x.test`)), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
);
const anyEmail = fc.oneof(
  fc
    .integer({ min: 1, max: 6 })
    .chain((id) => fc.constantFrom(...['a', 'b', 'c'].map((s) => `c${id}${s}@x.test`))),
  fc.constantFrom('n1@x.test', 'n2@x.test', 'n3@x.test'),
);
const subscriber: fc.Arbitrary<AudiencePerson> = anyEmail.map((email) => ({
  customerId: null,
  name: '',
  emails: [email],
}));
const input = fc.record({
  people: fc.array(fc.oneof(customerPerson, subscriber), { maxLength: 15 }),
  topic: fc.constantFrom('updates' as const, 'newsletter' as const),
  suppressions: fc.dictionary(anyEmail, fc.constantFrom<SuppressionReason>(...SUPPRESSION_REASONS)),
  unsubscribed: fc.uniqueArray(anyEmail, { maxLength: 6 }),
});

/** Every address of the person a recipient stands for. */
function addressesOfPerson(
  people: AudiencePerson[],
  recipient: { email: string; customerId: number | null },
) {
  if (recipient.customerId === null) return [recipient.email];
  return people.filter((p) => p.customerId === recipient.customerId).flatMap((p) => p.emails);
}

describe('selectRecipients', () => {
  it('writes to each person and each address once, and never to one that must not be written to', async () => {
    await fc.assert(
      fc.property(input, ({ people, topic, suppressions, unsubscribed }) => {
        const suppressed = new Map(Object.entries(suppressions));
        const filters = { topic, suppressions: suppressed, newsletterUnsubscribed: new Set(unsubscribed) };
        const chosen = selectRecipients(people, filters);

        const emails = chosen.map((r) => r.email);
        expect(new Set(emails).size).toBe(emails.length);
        const customers = chosen.flatMap((r) => (r.customerId === null ? [] : [r.customerId]));
        expect(new Set(customers).size).toBe(customers.length);
        expect([...emails].sort()).toEqual(emails);

        for (const recipient of chosen) {
          const reason = suppressed.get(recipient.email);
          expect(reason === 'hard_bounce' || reason === 'complaint' || reason === 'manual').toBe(false);
          if (topic === 'newsletter') expect(unsubscribed).not.toContain(recipient.email);
          if (topic === 'updates') expect(reason).not.toBe('updates_unsubscribed');
          // The person behind the address said no on none of their addresses.
          for (const other of addressesOfPerson(people, recipient)) {
            const otherReason = suppressed.get(other);
            expect(otherReason === 'complaint' || otherReason === 'manual').toBe(false);
            if (topic === 'newsletter') expect(unsubscribed).not.toContain(other);
            if (topic === 'updates') expect(otherReason).not.toBe('updates_unsubscribed');
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('prefers the first address and falls back past a hard bounce', () => {
    const people = [{ customerId: 1, name: 'Ann', emails: ['a@x.test', 'b@x.test'] }];
    const none = new Map<string, SuppressionReason>();
    const bounced = new Map<string, SuppressionReason>([['a@x.test', 'hard_bounce']]);
    const base = { topic: 'updates' as const, newsletterUnsubscribed: new Set<string>() };
    expect(selectRecipients(people, { ...base, suppressions: none })).toEqual([
      { email: 'a@x.test', customerId: 1, name: 'Ann' },
    ]);
    expect(selectRecipients(people, { ...base, suppressions: bounced })).toEqual([
      { email: 'b@x.test', customerId: 1, name: 'Ann' },
    ]);
  });
});
