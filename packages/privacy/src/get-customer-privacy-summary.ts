import { type Db, NotFoundError } from '@keydesk/db';
import { collectCustomerData } from './collect-customer-data.ts';

/** Who the customer is and how much is held about them: what an export contains and erasure removes. */
export function getCustomerPrivacySummary(options: { db: Db; customerId: number }) {
  const data = collectCustomerData(options.db, options.customerId);
  if (!data) throw new NotFoundError('customer', `There is no customer ${options.customerId}.`);
  return {
    customer: {
      id: options.customerId,
      name: String(data.profile.name),
      emails: data.emails.map((e) => String(e.email)),
    },
    held: {
      orders: data.orders.length,
      licenses: data.licenses.length,
      chats: data.chats.length,
      emailThreads: data.emailThreads.length,
      notes: data.notes.length,
      newsletter: data.newsletter.length,
      resends: data.resends.length,
    },
  };
}
