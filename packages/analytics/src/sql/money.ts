// Money's statements: the ECB rates kept per currency and day, and the takings the Overview and the
// home-currency chart read. Revenue counts what was kept: refunds are subtracted; charged-back,
// canceled and pending orders are not sales. Times are epoch milliseconds.
import { sql } from '@keydesk/db';

type Window = { fromMs: number; toMs: number };

export const ratesOfCurrency = sql<
  { day: string; perEuro: number },
  { currency: string; from: string; to: string }
>(
  'SELECT day, perEuro FROM ExchangeRate WHERE currency = @currency AND day >= @from AND day <= @to ORDER BY day',
);

/** Counts a change only: an unchanged rate fetched again is not a new row. */
export const upsertRate = sql<never, { currency: string; day: string; perEuro: number; now: number }>(
  `INSERT INTO ExchangeRate (currency, day, perEuro, fetchedAt) VALUES (@currency, @day, @perEuro, @now)
   ON CONFLICT (currency, day) DO UPDATE SET perEuro = excluded.perEuro, fetchedAt = excluded.fetchedAt
   WHERE perEuro <> excluded.perEuro`,
);

export const latestRate = sql<{ day: string | null }>('SELECT MAX(day) AS day FROM ExchangeRate');

export const revenueByCurrency = sql<{ currency: string; amountMinor: number; orders: number }, Window>(
  `SELECT currency, SUM(amountMinor - refundedMinor) AS amountMinor, COUNT(*) AS orders
   FROM "Order"
   WHERE purchasedAt >= @fromMs AND purchasedAt < @toMs AND isTest = 0
     AND status IN ('completed', 'partially_refunded')
   GROUP BY currency ORDER BY amountMinor DESC`,
);

export const dailySalesByCurrency = sql<{ day: string; currency: string; minor: number }, Window>(
  `SELECT strftime('%Y-%m-%d', purchasedAt / 1000, 'unixepoch') AS day, currency,
          SUM(amountMinor - refundedMinor) AS minor
   FROM "Order"
   WHERE purchasedAt >= @fromMs AND purchasedAt < @toMs AND isTest = 0 AND status IN ('completed', 'partially_refunded')
   GROUP BY day, currency`,
);

export const licensesIssued = sql<{ n: number }, Window>(
  `SELECT COUNT(*) AS n FROM License l
   LEFT JOIN "Order" o ON o.id = l.orderId
   WHERE l.issuedAt >= @fromMs AND l.issuedAt < @toMs AND COALESCE(o.isTest, 0) = 0`,
);

export const openConversations = sql<{ n: number }>(
  `SELECT (SELECT COUNT(*) FROM ChatTranscript WHERE isAwaitingReply = 1)
        + (SELECT COUNT(*) FROM EmailThread WHERE isAwaitingReply = 1) AS n`,
);
