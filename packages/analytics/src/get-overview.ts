import type { Db } from '@keydesk/db';
import { toDay } from './charts/chart-range.ts';
import { homeRevenueSeries, type MissingRate } from './charts/home-revenue.ts';
import { licensesIssued, openConversations, revenueByCurrency } from './overview-sql.ts';

const DAY_MS = 86_400_000;
export const OVERVIEW_WINDOW_DAYS = 30;

const latestOrderSelect = {
  id: true,
  reseller: true,
  resellerOrderId: true,
  product: true,
  edition: true,
  amountMinor: true,
  currency: true,
  status: true,
  purchasedAt: true,
  customer: { select: { id: true, name: true } },
} as const;

/** Revenue of [from, to) in the home currency, converted per order day; missing rates reported. */
function homeRevenue(db: Db, home: string, from: Date, to: Date): { minor: number; missing: MissingRate[] } {
  const { rows, missing } = homeRevenueSeries({
    sqlite: db.sqlite,
    range: { from: toDay(from.getTime()), to: toDay(to.getTime()) },
    granularity: 'month',
    home,
    startMs: from.getTime(),
    endMs: to.getTime(),
  });
  return { minor: rows.reduce((sum, row) => sum + row.value, 0), missing };
}

function revenueInHome(db: Db, home: string, previousStart: Date, start: Date, end: Date) {
  const current = homeRevenue(db, home, start, end);
  const previous = homeRevenue(db, home, previousStart, start);
  return {
    currency: home,
    currentMinor: current.minor,
    previousMinor: previous.minor,
    missingCurrencies: [...new Set([...current.missing, ...previous.missing].map((m) => m.currency))],
  };
}

/** The Overview's figures: the last 30 days against the 30 before, from the live tables. */
export async function getOverview(options: { db: Db; now: Date; homeCurrency?: string | null }) {
  const { db, now } = options;
  const end = now;
  const start = new Date(end.getTime() - OVERVIEW_WINDOW_DAYS * DAY_MS);
  const previousStart = new Date(start.getTime() - OVERVIEW_WINDOW_DAYS * DAY_MS);
  const [customers, latestOrders] = await Promise.all([
    db.prisma.customer.count(),
    db.prisma.order.findMany({
      select: latestOrderSelect,
      orderBy: [{ purchasedAt: 'desc' }, { id: 'desc' }],
      take: 8,
    }),
  ]);
  const current = revenueByCurrency(db.sqlite, start, end);
  const previous = revenueByCurrency(db.sqlite, previousStart, start);
  const currencies = [...new Set([...current, ...previous].map((row) => row.currency))];
  return {
    windowDays: OVERVIEW_WINDOW_DAYS,
    customers,
    licenses: {
      current: licensesIssued(db.sqlite, start, end),
      previous: licensesIssued(db.sqlite, previousStart, start),
    },
    revenue: currencies.map((currency) => ({
      currency,
      currentMinor: current.find((row) => row.currency === currency)?.amountMinor ?? 0,
      previousMinor: previous.find((row) => row.currency === currency)?.amountMinor ?? 0,
    })),
    // One figure in the owner's currency when one is set; the per-currency list stays beside it.
    revenueHome: options.homeCurrency
      ? revenueInHome(db, options.homeCurrency, previousStart, start, end)
      : null,
    openConversations: openConversations(db.sqlite),
    latestOrders,
  };
}
