import { generateDemo } from '@keydesk/db/demo';
import type { TestDb } from '@keydesk/db/testing';
import { describe, expect, it } from 'vitest';
import { createAnonymousCaller, createOwnerCaller } from './owner-caller.ts';
import { useTestDb } from './test-db.ts';

describe('overview.get', () => {
  let db: TestDb;
  useTestDb('all', (opened) => {
    db = opened;
    generateDemo({ sqlite: db.sqlite, customers: 500, seed: 3 });
  });

  it('counts what the tables hold', async () => {
    const overview = await createOwnerCaller(db).overview.get();
    expect(overview.customers).toBe(await db.prisma.customer.count());
    const since = new Date(Date.now() - 30 * 86_400_000);
    expect(overview.licenses.current).toBe(
      await db.prisma.license.count({ where: { issuedAt: { gte: since } } }),
    );
    const kept = await db.prisma.order.findMany({
      where: { purchasedAt: { gte: since }, status: { in: ['completed', 'partially_refunded'] } },
    });
    for (const row of overview.revenue) {
      const expected = kept
        .filter((o) => o.currency === row.currency)
        .reduce((sum, o) => sum + o.amountMinor - o.refundedMinor, 0);
      expect(row.currentMinor).toBe(expected);
    }
    expect(overview.latestOrders.length).toBeGreaterThan(0);
  });

  it('refuses a caller without a session', async () => {
    await expect(createAnonymousCaller(db).overview.get()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
