// The audience statement against a real SQLite file, over generated worlds: customers with several
// addresses (or erased, leaving licenses behind), licenses, newsletter rows and suppressions, and
// rules that include and exclude. The statement must agree with the rules as a reader would apply
// them one person at a time (the model below), and must never write to anyone who said no.
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAudience, TAudienceRule, TCampaignTopic } from './audience-rules.ts';
import { saveCampaignDraft } from './campaigns.ts';
import { type AudienceRecipient, insertCampaignAudience, previewAudience } from './find-audience.ts';
import { SUPPRESSION_REASONS } from './suppress-address.ts';
import { UPDATE_NOTICE_DRAFT } from './testing.ts';

const CUSTOMER_IDS = [1, 2, 3, 4, 5];
const addressesOf = (id: number) => ['a', 'b', 'c'].map((s) => `c${id}${s}@x.test`);
const ANY_EMAIL = [...CUSTOMER_IDS.flatMap(addressesOf), 'n1@x.test', 'n2@x.test', 'n3@x.test'];
const DAYS = ['2025-01-01', '2026-01-01'] as const;

/** `emails` in the order they were added; `primary` is one of them. */
type Customer = { id: number; country: string; emails: string[]; primary: number };
type License = {
  customerId: number | null;
  product: string;
  majorVersion: number;
  revoked: boolean;
  day: string;
};
type Subscription = { email: string; subscribed: boolean; customerId: number | null };
type World = {
  customers: Customer[];
  licenses: License[];
  subscriptions: Subscription[];
  suppressions: Record<string, string>;
  audience: TAudience;
  topic: TCampaignTopic;
};

const customer = (id: number): fc.Arbitrary<Customer> =>
  fc
    .record({
      id: fc.constant(id),
      country: fc.constantFrom('DE', 'US'),
      emails: fc.shuffledSubarray(addressesOf(id), { minLength: 1 }),
      primary: fc.nat(2),
    })
    .map((c) => ({ ...c, primary: c.primary % c.emails.length }));
const licenseRule: fc.Arbitrary<TAudienceRule> = fc.record(
  {
    kind: fc.constant('license' as const),
    product: fc.constantFrom('Tessera', 'Quill'),
    majorVersion: fc.constantFrom(4, 5),
    country: fc.constantFrom('DE', 'US'),
    boughtFrom: fc.constantFrom(...DAYS),
    boughtBefore: fc.constantFrom(...DAYS),
  },
  { requiredKeys: ['kind'] },
);
const rule = fc.oneof(licenseRule, fc.constant<TAudienceRule>({ kind: 'newsletter' }));
const world: fc.Arbitrary<World> = fc
  .subarray(CUSTOMER_IDS)
  .chain((ids) => fc.tuple(...ids.map(customer)))
  .chain((customers) => {
    const linkable = fc.constantFrom(null, ...customers.map((c) => c.id));
    return fc.record({
      customers: fc.constant(customers),
      // A license of an id with no customer stands for an erased customer's: it is unlinked.
      licenses: fc.array(
        fc.record({
          customerId: fc.constantFrom(...CUSTOMER_IDS),
          product: fc.constantFrom('Tessera', 'Quill'),
          majorVersion: fc.constantFrom(4, 5),
          revoked: fc.boolean(),
          day: fc.constantFrom('2024-06-01', '2025-06-01', '2026-06-01'),
        }),
        { maxLength: 8 },
      ),
      subscriptions: fc.uniqueArray(
        fc.record({ email: fc.constantFrom(...ANY_EMAIL), subscribed: fc.boolean(), customerId: linkable }),
        { selector: (s) => s.email, maxLength: 6 },
      ),
      suppressions: fc.dictionary(
        fc.constantFrom(...ANY_EMAIL),
        fc.constantFrom(...SUPPRESSION_REASONS, 'unknown-reason'),
        { maxKeys: 5 },
      ),
      audience: fc.record({
        include: fc.array(rule, { minLength: 1, maxLength: 3 }),
        exclude: fc.array(rule, { maxLength: 2 }),
      }),
      topic: fc.constantFrom<TCampaignTopic>('updates', 'newsletter'),
    });
  });

const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The rules applied to one person at a time, as the owner reads them. */
function expectedAudience(w: World): AudienceRecipient[] {
  const exists = new Set(w.customers.map((c) => c.id));
  const owner = new Map(w.customers.flatMap((c) => c.emails.map((e) => [e, c.id] as const)));
  const subscribed = w.subscriptions.filter((s) => s.subscribed);
  const subscriberOwner = (s: Subscription) => owner.get(s.email) ?? s.customerId;
  const holds = (id: number, r: TAudienceRule & { kind: 'license' }) =>
    w.licenses.some(
      (l) =>
        exists.has(l.customerId ?? 0) &&
        l.customerId === id &&
        !l.revoked &&
        (r.product === undefined || l.product === r.product) &&
        (r.majorVersion === undefined || l.majorVersion === r.majorVersion) &&
        (r.boughtFrom === undefined || dayStart(l.day) >= dayStart(r.boughtFrom)) &&
        (r.boughtBefore === undefined || dayStart(l.day) < dayStart(r.boughtBefore)) &&
        (r.country === undefined || w.customers.find((c) => c.id === id)?.country === r.country),
    );
  const matchesCustomer = (id: number, rules: TAudienceRule[]) =>
    rules.some((r) =>
      r.kind === 'newsletter' ? subscribed.some((s) => subscriberOwner(s) === id) : holds(id, r),
    );
  const matchesSubscriber = (email: string, rules: TAudienceRule[]) =>
    rules.some((r) => r.kind === 'newsletter') && subscribed.some((s) => s.email === email);
  const saysNo = (email: string) => {
    const reason = w.suppressions[email];
    const leftNewsletter = w.subscriptions.some((s) => s.email === email && !s.subscribed);
    if (w.topic === 'newsletter' && leftNewsletter) return true;
    return (
      reason !== undefined &&
      reason !== 'hard_bounce' &&
      (reason !== 'updates_unsubscribed' || w.topic === 'updates')
    );
  };
  const result: AudienceRecipient[] = [];
  for (const c of w.customers) {
    if (!matchesCustomer(c.id, w.audience.include) || matchesCustomer(c.id, w.audience.exclude)) continue;
    const consent = subscribed
      .filter((s) => subscriberOwner(s) === c.id && w.audience.include.some((r) => r.kind === 'newsletter'))
      .map((s) => s.email)
      .sort()[0];
    const primary = c.emails[c.primary] ?? '';
    const preferred = [primary, ...c.emails.filter((e) => e !== primary)];
    const emails =
      w.topic === 'newsletter' && consent ? [consent, ...preferred.filter((e) => e !== consent)] : preferred;
    if (emails.some(saysNo)) continue;
    const email = emails.find((e) => w.suppressions[e] !== 'hard_bounce');
    if (email) result.push({ email, customerId: c.id, name: `Customer ${c.id}` });
  }
  for (const s of subscribed) {
    if (subscriberOwner(s) !== null) continue;
    if (!matchesSubscriber(s.email, w.audience.include) || matchesSubscriber(s.email, w.audience.exclude))
      continue;
    const reason = w.suppressions[s.email];
    if (reason === undefined || (reason === 'updates_unsubscribed' && w.topic === 'newsletter'))
      result.push({ email: s.email, customerId: null, name: '' });
  }
  return result.sort((a, b) => (a.email < b.email ? -1 : 1));
}

describe('the audience statement', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.destroy());

  async function store(w: World) {
    const p = db.prisma;
    await p.campaignRecipient.deleteMany();
    await p.campaign.deleteMany();
    await p.emailSuppression.deleteMany();
    await p.newsletterSubscription.deleteMany();
    await p.license.deleteMany();
    await p.customer.deleteMany();
    for (const c of w.customers) {
      await p.customer.create({
        data: {
          id: c.id,
          name: `Customer ${c.id}`,
          country: c.country,
          // The primary is not always the first address added: ids and preference differ.
          emails: { create: c.emails.map((email, i) => ({ email, isPrimary: i === c.primary })) },
        },
      });
    }
    const exists = new Set(w.customers.map((c) => c.id));
    await p.license.createMany({
      data: w.licenses.map((l, i) => ({
        key: `K-${i}`,
        keyNormalized: `K${i}`,
        product: l.product,
        edition: 'Pro',
        majorVersion: l.majorVersion,
        status: l.revoked ? 'revoked' : 'active',
        issuedAt: new Date(`${l.day}T12:00:00Z`),
        customerId: exists.has(l.customerId ?? 0) ? l.customerId : null,
      })),
    });
    await p.newsletterSubscription.createMany({
      data: w.subscriptions.map((s) => ({
        email: s.email,
        status: s.subscribed ? 'subscribed' : 'unsubscribed',
        customerId: s.customerId,
      })),
    });
    await p.emailSuppression.createMany({
      data: Object.entries(w.suppressions).map(([email, reason]) => ({ email, reason, at: new Date() })),
    });
  }

  it('reaches everyone the rules name, once, at their preferred usable address, and nobody who said no', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        await store(w);
        const { audience, topic } = w;
        const preview = previewAudience({ db, audience, topic, limit: 100 });
        const expected = expectedAudience(w);
        expect(preview.items).toEqual(expected);
        expect(preview.count).toBe(expected.length);

        const { id } = saveCampaignDraft({
          db,
          draft: { ...UPDATE_NOTICE_DRAFT, audience, topic },
          now: new Date(),
        });
        expect(insertCampaignAudience({ db, audience, topic, campaignId: id, now: Date.now() })).toBe(
          expected.length,
        );
        const fixed = await db.prisma.campaignRecipient.findMany({
          where: { campaignId: id },
          orderBy: { email: 'asc' },
          select: { email: true, customerId: true, name: true },
        });
        expect(fixed).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('pages in address order without losing or repeating anyone', async () => {
    const w: World = {
      customers: CUSTOMER_IDS.map((id) => ({ id, country: 'DE', emails: addressesOf(id), primary: 0 })),
      licenses: CUSTOMER_IDS.map((id) => ({
        customerId: id,
        product: 'Tessera',
        majorVersion: 5,
        revoked: false,
        day: '2026-06-01',
      })),
      subscriptions: ['n1@x.test', 'n2@x.test'].map((email) => ({
        email,
        subscribed: true,
        customerId: null,
      })),
      suppressions: { 'c2a@x.test': 'hard_bounce', 'c3a@x.test': 'complaint' },
      audience: { include: [{ kind: 'license' }, { kind: 'newsletter' }], exclude: [] },
      topic: 'updates',
    };
    await store(w);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = previewAudience({ db, audience: w.audience, topic: w.topic, limit: 2, cursor });
      expect(page.count).toBe(6);
      seen.push(...page.items.map((r) => r.email));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    // c2 falls back past its bounced address; c3 complained, so none of c3's addresses is written to.
    expect(seen).toEqual(['c1a@x.test', 'c2b@x.test', 'c4a@x.test', 'c5a@x.test', 'n1@x.test', 'n2@x.test']);
  });
});
