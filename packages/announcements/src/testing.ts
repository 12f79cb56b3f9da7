// People for the announcement tests: customers with licenses, several addresses, a country, and
// newsletter rows, created the way imports leave them.
import type { Db } from '@keydesk/db';
import type { CampaignDraft } from './campaigns.ts';

let counter = 0;

export type SeedPerson = {
  name: string;
  emails: string[];
  country?: string;
  licenses?: { product?: string; edition?: string; majorVersion?: number; issuedAt?: string; key?: string }[];
};

export async function seedPerson(
  db: Db,
  person: SeedPerson,
): Promise<{ customerId: number; keys: string[] }> {
  const customer = await db.prisma.customer.create({
    data: {
      name: person.name,
      country: person.country ?? null,
      emails: { create: person.emails.map((email, i) => ({ email, isPrimary: i === 0 })) },
    },
    select: { id: true },
  });
  const keys: string[] = [];
  for (const license of person.licenses ?? []) {
    counter++;
    const key = license.key ?? `ANNC-${String(counter).padStart(5, '0')}-QZ${counter}W`;
    keys.push(key);
    await db.prisma.license.create({
      data: {
        key,
        keyNormalized: key.replace(/-/g, ''),
        product: license.product ?? 'Tessera',
        edition: license.edition ?? 'Pro',
        majorVersion: license.majorVersion ?? 5,
        status: 'active',
        issuedAt: new Date(license.issuedAt ?? '2026-03-03T10:00:00Z'),
        customerId: customer.id,
      },
    });
  }
  return { customerId: customer.id, keys };
}

export async function seedSubscription(db: Db, email: string, status: 'subscribed' | 'unsubscribed') {
  await db.prisma.newsletterSubscription.create({
    data: { email, status, subscribedAt: new Date('2026-01-01T00:00:00Z'), source: 'csv' },
  });
}

/** The announcement most campaign tests send: "Tessera 5 is here" to every license holder. */
export const UPDATE_NOTICE_DRAFT: CampaignDraft = {
  name: 'Tessera 5',
  topic: 'updates',
  audience: { include: [{ kind: 'license' }], exclude: [] },
  subject: 'Tessera 5 is here',
  textBody: 'Hello {{name}}',
  htmlBody: '<p>Hello {{name}}</p>',
};
