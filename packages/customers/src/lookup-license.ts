// Paste a key in any formatting: the license with its customer and orders, or "no such key"
// with the checksum's verdict (a typo, or a well-formed key this business never issued) and
// the closest keys on file.
import { type Db, licenseCustomerSelect } from '@keydesk/db';
import { checkLicenseKey, type KeyShape, normalizeLicenseKey } from '@keydesk/license-key';
import { findClosestLicenseKeys } from '@keydesk/search';
import { customerLicenseSelect, customerOrderSelect } from './get-customer.ts';
import { getUpgradeEligibility, type UpgradeRule } from './upgrade-eligibility.ts';

export async function lookupLicense(options: { db: Db; key: string; rule: UpgradeRule; now: Date }) {
  const { db, rule, now } = options;
  const normalized = normalizeLicenseKey(options.key);
  const shape: KeyShape = checkLicenseKey(options.key);
  const license = normalized
    ? await db.prisma.license.findUnique({
        where: { keyNormalized: normalized },
        select: { ...customerLicenseSelect, customer: { select: licenseCustomerSelect } },
      })
    : null;
  if (!license) {
    const closest = findClosestLicenseKeys({ db, key: normalized });
    const customers = await db.prisma.customer.findMany({
      where: { id: { in: closest.flatMap((c) => (c.customerId === null ? [] : [c.customerId])) } },
      select: { id: true, name: true },
    });
    const nameOf = new Map(customers.map((c) => [c.id, c.name]));
    return {
      found: false as const,
      shape,
      closest: closest.map((c) => ({
        licenseId: c.licenseId,
        key: c.key,
        distance: c.distance,
        customer: c.customerId === null ? null : { id: c.customerId, name: nameOf.get(c.customerId) ?? '' },
      })),
    };
  }
  const { customer, ...rest } = license;
  const orders = customer
    ? await db.prisma.order.findMany({
        where: { customerId: customer.id },
        select: customerOrderSelect,
        orderBy: [{ purchasedAt: 'desc' }, { id: 'desc' }],
        take: 50,
      })
    : license.orderId
      ? await db.prisma.order.findMany({ where: { id: license.orderId }, select: customerOrderSelect })
      : [];
  return {
    found: true as const,
    shape,
    license: { ...rest, upgrade: getUpgradeEligibility(rest, rule, now) },
    customer,
    orders,
  };
}
