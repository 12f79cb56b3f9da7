// Who an audience reaches, decided in one SQL statement: the rules arrive as JSON, and every
// opt-out, bounce and suppression is applied where the rows are, so a 100,000-person audience is
// counted, paged or fixed into a campaign without becoming 100,000 objects in the server's memory.
// The rules, read back as the owner wrote them (audience-rules.ts):
// - a person is in when an "include" rule matches them and no "exclude" rule does;
// - a customer is written to once, at one address: for the newsletter the address that subscribed,
//   otherwise the primary one, then the others, skipping any that bounced hard;
// - a customer who said no on any of their addresses (a complaint, a manual block, leaving this
//   topic) is not written to at all: their other addresses are the same person;
// - a subscriber who is no customer is written to at their address unless it is suppressed;
// - an erased customer is not found: erasure removes them and unlinks their licenses.
import { sql } from '@keydesk/db';

/** One rule as the statement reads it: NULL means "any"; days are epoch milliseconds. */
export type AudienceRuleRow = {
  kind: 'license' | 'newsletter';
  excluded: 0 | 1;
  product: string | null;
  edition: string | null;
  majorVersion: number | null;
  boughtFrom: number | null;
  boughtBefore: number | null;
  country: string | null;
};

/** `rules` is a JSON array of AudienceRuleRow; `topic` is updates or newsletter. */
export type AudienceParams = { rules: string; topic: string };

const AUDIENCE = `
WITH rule AS MATERIALIZED (
  SELECT value ->> 'kind' AS kind, value ->> 'excluded' AS excluded, value ->> 'product' AS product,
    value ->> 'edition' AS edition, value ->> 'majorVersion' AS majorVersion,
    value ->> 'boughtFrom' AS boughtFrom, value ->> 'boughtBefore' AS boughtBefore,
    value ->> 'country' AS country
  FROM json_each(@rules)
),
matched AS (
  SELECT l.customerId AS customerId, r.excluded AS excluded, NULL AS subscribedEmail
  FROM rule r
  CROSS JOIN License l ON l.customerId IS NOT NULL AND l.status <> 'revoked'
    AND (r.product IS NULL OR l.product = r.product)
    AND (r.edition IS NULL OR l.edition = r.edition)
    AND (r.majorVersion IS NULL OR l.majorVersion = r.majorVersion)
    AND (r.boughtFrom IS NULL OR l.issuedAt >= r.boughtFrom)
    AND (r.boughtBefore IS NULL OR l.issuedAt < r.boughtBefore)
  JOIN Customer c ON c.id = l.customerId AND (r.country IS NULL OR c.country = r.country)
  WHERE r.kind = 'license'
  UNION ALL
  -- A subscribed address belongs to the customer who has it, else to the one it was linked to.
  SELECT COALESCE(ce.customerId, s.customerId), r.excluded, s.email
  FROM rule r
  JOIN NewsletterSubscription s ON s.status = 'subscribed'
  LEFT JOIN CustomerEmail ce ON ce.email = s.email
  WHERE r.kind = 'newsletter'
),
person AS (
  SELECT customerId, min(subscribedEmail) AS subscribedEmail FROM matched
  WHERE excluded = 0 AND customerId IS NOT NULL
    AND customerId NOT IN (SELECT customerId FROM matched WHERE excluded = 1 AND customerId IS NOT NULL)
  GROUP BY customerId
),
address AS (
  SELECT p.customerId, e.email,
    CASE WHEN @topic = 'newsletter' AND e.email = p.subscribedEmail THEN 0
      WHEN e.isPrimary THEN 1 ELSE 2 END AS preference,
    e.id AS tiebreak
  FROM person p JOIN CustomerEmail e ON e.customerId = p.customerId
  UNION ALL
  -- Consent to the newsletter was given for this address, even when it is not on the customer.
  SELECT p.customerId, p.subscribedEmail, 0, 0 FROM person p
  WHERE @topic = 'newsletter' AND p.subscribedEmail IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM CustomerEmail e WHERE e.email = p.subscribedEmail)
),
verdict AS (
  SELECT a.customerId, a.email, a.preference, a.tiebreak,
    s.reason IS 'hard_bounce' AS bounced,
    -- An unknown reason blocks the address rather than risk it.
    (s.reason IS NOT NULL AND s.reason <> 'hard_bounce'
      AND (s.reason <> 'updates_unsubscribed' OR @topic = 'updates'))
    OR (@topic = 'newsletter' AND EXISTS (
      SELECT 1 FROM NewsletterSubscription n WHERE n.email = a.email AND n.status = 'unsubscribed')) AS saysNo
  FROM address a LEFT JOIN EmailSuppression s ON s.email = a.email
),
chosen AS (
  SELECT customerId, email,
    row_number() OVER (PARTITION BY customerId ORDER BY preference, tiebreak) AS rank
  FROM verdict
  WHERE NOT bounced AND customerId NOT IN (SELECT customerId FROM verdict WHERE saysNo)
),
subscriber AS (
  SELECT DISTINCT subscribedEmail AS email FROM matched
  WHERE customerId IS NULL AND excluded = 0
    AND subscribedEmail NOT IN (SELECT subscribedEmail FROM matched WHERE customerId IS NULL AND excluded = 1)
),
audience AS (
  SELECT ch.email AS email, ch.customerId AS customerId, c.name AS name
  FROM chosen ch JOIN Customer c ON c.id = ch.customerId WHERE ch.rank = 1
  UNION ALL
  SELECT s.email, NULL, '' FROM subscriber s LEFT JOIN EmailSuppression x ON x.email = s.email
  WHERE x.reason IS NULL OR (x.reason = 'updates_unsubscribed' AND @topic = 'newsletter')
)`;

export type AudienceRow = { email: string; customerId: number | null; name: string };

export const audienceCount = sql<{ n: number }, AudienceParams>(
  `${AUDIENCE} SELECT count(*) AS n FROM audience`,
);

/**
 * One page in address order, after `afterEmail` ('' for the first), with the whole audience's
 * size on every row: one evaluation answers both as the owner edits the rules.
 */
export const audiencePage = sql<
  AudienceRow & { total: number },
  AudienceParams & { afterEmail: string; limit: number }
>(
  `${AUDIENCE} SELECT email, customerId, name, total FROM (
     SELECT email, customerId, name, count(*) OVER () AS total FROM audience)
   WHERE email > @afterEmail ORDER BY email LIMIT @limit`,
);

/** The recipient at one address, when the audience reaches it. */
export const audienceMember = sql<AudienceRow, AudienceParams & { email: string }>(
  `${AUDIENCE} SELECT email, customerId, name FROM audience WHERE email = @email`,
);

/** Fixes a started campaign's recipients, in address order, as the audience is right now. */
export const insertAudienceRecipients = sql<never, AudienceParams & { campaignId: number; now: number }>(
  `${AUDIENCE} INSERT INTO CampaignRecipient (campaignId, email, customerId, name, status, createdAt)
   SELECT @campaignId, email, customerId, name, 'pending', @now FROM audience
   WHERE true ORDER BY email
   ON CONFLICT (campaignId, email) DO NOTHING`,
);

/** What a recipient's template fields come from: their newest license that is not revoked. */
export const newestLicenseOf = sql<
  { product: string; edition: string; majorVersion: number; key: string },
  { customerId: number }
>(
  `SELECT product, edition, majorVersion, key FROM License
   WHERE customerId = @customerId AND status <> 'revoked'
   ORDER BY issuedAt DESC, id DESC LIMIT 1`,
);

export const customerNameById = sql<{ name: string }, { customerId: number }>(
  'SELECT name FROM Customer WHERE id = @customerId',
);

/** A queueing batch's fields in one read: each customer's name and newest license not revoked. */
export const recipientFieldsOf = sql<
  {
    customerId: number;
    name: string;
    product: string | null;
    edition: string | null;
    majorVersion: number | null;
    key: string | null;
  },
  { customerIds: string }
>(
  `SELECT c.id AS customerId, c.name AS name, l.product AS product, l.edition AS edition,
     l.majorVersion AS majorVersion, l.key AS key
   FROM Customer c LEFT JOIN License l ON l.id = (
     SELECT id FROM License WHERE customerId = c.id AND status <> 'revoked'
     ORDER BY issuedAt DESC, id DESC LIMIT 1)
   WHERE c.id IN (SELECT value FROM json_each(@customerIds))`,
);
