// Statements that find who an audience rule matches, and what rules every campaign out. A rule's
// conditions are bound parameters: NULL means "any", so one statement serves every rule.
import { sql } from '@keydesk/db';

export type LicenseRuleParams = {
  product: string | null;
  edition: string | null;
  majorVersion: number | null;
  boughtFrom: number | null;
  boughtBefore: number | null;
  country: string | null;
};

/** Customers holding a license that is not revoked (an erased customer's licenses have no customer). */
export const customersHoldingLicense = sql<{ customerId: number }, LicenseRuleParams>(
  `SELECT DISTINCT l.customerId AS customerId
   FROM License l JOIN Customer c ON c.id = l.customerId
   WHERE l.status <> 'revoked'
     AND (@product IS NULL OR l.product = @product)
     AND (@edition IS NULL OR l.edition = @edition)
     AND (@majorVersion IS NULL OR l.majorVersion = @majorVersion)
     AND (@boughtFrom IS NULL OR l.issuedAt >= @boughtFrom)
     AND (@boughtBefore IS NULL OR l.issuedAt < @boughtBefore)
     AND (@country IS NULL OR c.country = @country)`,
);

/** Subscribed addresses, with the customer they belong to when any address of theirs matches. */
export const newsletterSubscribers = sql<{ email: string; customerId: number | null }>(
  `SELECT s.email AS email, COALESCE(ce.customerId, s.customerId) AS customerId
   FROM NewsletterSubscription s LEFT JOIN CustomerEmail ce ON ce.email = s.email
   WHERE s.status = 'subscribed'`,
);

export const unsubscribedNewsletterAddresses = sql<{ email: string }>(
  `SELECT email FROM NewsletterSubscription WHERE status = 'unsubscribed'`,
);

export const allSuppressions = sql<{ email: string; reason: string }>(
  'SELECT email, reason FROM EmailSuppression',
);

/** Every customer's addresses, the primary first: the person's preferred address comes first. */
export const customerAddresses = sql<{ customerId: number; name: string; email: string }>(
  `SELECT c.id AS customerId, c.name AS name, e.email AS email
   FROM Customer c JOIN CustomerEmail e ON e.customerId = c.id
   ORDER BY c.id, e.isPrimary DESC, e.id`,
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
