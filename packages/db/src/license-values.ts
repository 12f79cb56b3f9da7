/**
 * What a writer sets on a new License row (timestamps in epoch milliseconds): the order writer and
 * the demo generator insert the same columns.
 */
export type LicenseValues = {
  key: string;
  keyNormalized: string;
  product: string;
  edition: string;
  seats: number;
  majorVersion: number;
  status: string;
  issuedAt: number;
  revokedAt: number | null;
  orderId: number;
  customerId: number | null;
};
