// Who a customer is, as erasure looks for them: their addresses, keys, licenses and orders.
import type Database from 'better-sqlite3';
import {
  customerNameById,
  emailsOfCustomer,
  licenseKeysOfCustomer,
  orderIdsOfCustomer,
} from './sql/database.ts';

export type CustomerIdentity = {
  id: number;
  name: string;
  emails: string[];
  licenseKeys: string[];
  licenseIds: number[];
  orderIds: number[];
};

export function findCustomerIdentity(sqlite: Database.Database, customerId: number): CustomerIdentity | null {
  const customer = customerNameById.get(sqlite, { id: customerId });
  if (!customer) return null;
  const emails = emailsOfCustomer.all(sqlite, { customerId });
  const licenses = licenseKeysOfCustomer.all(sqlite, { customerId });
  return {
    id: customer.id,
    name: customer.name,
    emails: emails.map((e) => e.email.toLowerCase()),
    licenseKeys: [...new Set(licenses.flatMap((l) => [l.key, l.keyNormalized]))],
    licenseIds: licenses.map((l) => l.id),
    orderIds: orderIdsOfCustomer.all(sqlite, { customerId }).map((o) => o.id),
  };
}
