import type { Db } from '@keydesk/db';

let counter = 0;

/** One customer with an email, an order and a license, as an import would leave them. */
export async function seedLicense(
  db: Db,
  overrides: { name?: string; product?: string; status?: string; orderStatus?: string; email?: string } = {},
) {
  counter++;
  const tag = `${process.pid}-${Date.now()}-${counter}`;
  const customer = await db.prisma.customer.create({
    data: {
      name: overrides.name ?? 'Ann Example',
      emails: { create: { email: overrides.email ?? `ann-${tag}@example.com`, isPrimary: true } },
    },
    select: { id: true, emails: { select: { email: true } } },
  });
  const order = await db.prisma.order.create({
    data: {
      reseller: 'paypro',
      resellerOrderId: `PP-${tag}`,
      customerId: customer.id,
      product: overrides.product ?? 'Tessera',
      edition: 'Pro',
      amountMinor: 4900,
      currency: 'EUR',
      status: overrides.orderStatus ?? 'completed',
      purchasedAt: new Date('2026-03-03T10:00:00Z'),
    },
    select: { id: true, resellerOrderId: true },
  });
  const key = `TESS-${tag.replace(/\D/g, '').slice(-10)}-KEY${counter}`.toUpperCase();
  const license = await db.prisma.license.create({
    data: {
      key,
      keyNormalized: key.replace(/-/g, ''),
      product: overrides.product ?? 'Tessera',
      edition: 'Pro',
      majorVersion: 5,
      status: overrides.status ?? 'active',
      issuedAt: new Date('2026-03-03T10:00:00Z'),
      orderId: order.id,
      customerId: customer.id,
    },
    select: { id: true, key: true },
  });
  return {
    licenseId: license.id,
    key: license.key,
    customerId: customer.id,
    email: customer.emails[0]?.email ?? '',
    resellerOrderId: order.resellerOrderId,
  };
}
