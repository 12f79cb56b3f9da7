// Statements of the reseller and newsletter notifications: the WebhookEvent log (one row per
// request, found again by its idempotency key), replays, and the subscriptions newsletters change.
import { sql } from '@keydesk/db';

export const processedEventId = sql<{ id: number }, { source: string; idempotencyKey: string }>(
  'SELECT id FROM WebhookEvent WHERE source = @source AND idempotencyKey = @idempotencyKey',
);

export const insertWebhookEventRow = sql<
  never,
  {
    source: string;
    idempotencyKey: string | null;
    receivedAt: number;
    remoteIp: string | null;
    payload: string;
    status: string;
    result: string;
    orderId: number | null;
    customerId: number | null;
    bodyBytes: number | null;
  }
>(
  `INSERT INTO WebhookEvent (source, idempotencyKey, receivedAt, remoteIp, payload, status, result, orderId,
     customerId, bodyBytes)
   VALUES (@source, @idempotencyKey, @receivedAt, @remoteIp, @payload, @status, @result, @orderId,
     @customerId, @bodyBytes)`,
);

export const webhookEventById = sql<
  { id: number; source: string; payload: string; status: string },
  { id: number }
>('SELECT id, source, payload, status FROM WebhookEvent WHERE id = @id');

/** A replay keeps the order and customer an earlier processing linked when it links none. */
export const markWebhookEventReplayed = sql<
  never,
  { id: number; result: string; orderId: number | null; customerId: number | null }
>(
  `UPDATE WebhookEvent SET status = 'processed', result = @result, orderId = coalesce(@orderId, orderId),
     customerId = coalesce(@customerId, customerId)
   WHERE id = @id`,
);

export const orderIdsOfResellerOrder = sql<
  { id: number; customerId: number | null },
  { reseller: string; resellerOrderId: string }
>('SELECT id, customerId FROM "Order" WHERE reseller = @reseller AND resellerOrderId = @resellerOrderId');

export type SubscriptionRow = {
  id: number;
  status: string;
  subscribedAt: number | null;
  unsubscribedAt: number | null;
};

export const subscriptionByEmail = sql<SubscriptionRow, { email: string }>(
  'SELECT id, status, subscribedAt, unsubscribedAt FROM NewsletterSubscription WHERE email = @email',
);

export const insertSubscription = sql<
  never,
  Omit<SubscriptionRow, 'id'> & { email: string; customerId: number | null; source: string; now: number }
>(
  `INSERT INTO NewsletterSubscription (email, customerId, status, subscribedAt, unsubscribedAt, source, updatedAt)
   VALUES (@email, @customerId, @status, @subscribedAt, @unsubscribedAt, @source, @now)`,
);

/** A subscription linked to a customer stays linked to that customer. */
export const updateSubscription = sql<
  never,
  SubscriptionRow & { customerId: number | null; source: string; now: number }
>(
  `UPDATE NewsletterSubscription SET status = @status, subscribedAt = @subscribedAt,
     unsubscribedAt = @unsubscribedAt, source = @source, customerId = coalesce(customerId, @customerId),
     updatedAt = @now
   WHERE id = @id`,
);
