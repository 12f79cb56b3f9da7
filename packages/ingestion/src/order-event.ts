// The one shape every source (PayPro IPN, Avangate IPN, CSV row) is turned into before it is
// written, so webhooks and imports share one set of rules.

export type Reseller = 'paypro' | 'avangate';

/** What a notification or row says happened to an order. */
export type OrderEventKind =
  | 'pending'
  | 'charged'
  | 'partially_refunded'
  | 'refunded'
  | 'charged_back'
  | 'chargeback_won'
  | 'canceled';

export type OrderStatus =
  | 'pending'
  | 'canceled'
  | 'completed'
  | 'partially_refunded'
  | 'refunded'
  | 'charged_back';

/** What a reseller may tell about a customer besides name and emails; a gap is null. */
export type CustomerDetails = {
  company: string | null;
  country: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  addressLine1: string | null;
  phone: string | null;
};

export type OrderCustomer = CustomerDetails & {
  /** Lower-cased; the first one is the primary address of a new customer. */
  emails: string[];
  name: string | null;
};

export type OrderItem = {
  /** Names the line within its order when a notification may carry only some of the lines. */
  lineKey?: string;
  product: string;
  edition: string;
  quantity: number;
  /** Keys delivered by the reseller; empty means Keydesk issues one. */
  licenseKeys: string[];
};

export type OrderEvent = {
  reseller: Reseller;
  resellerOrderId: string;
  kind: OrderEventKind;
  occurredAt: Date;
  purchasedAt: Date;
  customer: OrderCustomer;
  items: OrderItem[];
  amountMinor: number;
  currency: string;
  refundedMinor: number;
  isTest: boolean;
};

// Later states win whatever order the notifications arrive in: a refund that arrives before
// its charge still ends refunded. Only a won chargeback moves backwards (see mergeOrderStatus).
const RANK: Record<OrderStatus, number> = {
  pending: 0,
  canceled: 1,
  completed: 2,
  partially_refunded: 3,
  refunded: 4,
  charged_back: 5,
};

export function statusForKind(kind: OrderEventKind): OrderStatus {
  switch (kind) {
    case 'charged':
    case 'chargeback_won':
      return 'completed';
    default:
      return kind;
  }
}

export function mergeOrderStatus(current: OrderStatus | null, kind: OrderEventKind): OrderStatus {
  const incoming = statusForKind(kind);
  if (current === null) return incoming;
  if (kind === 'chargeback_won') return current === 'charged_back' ? 'completed' : current;
  return RANK[incoming] > RANK[current] ? incoming : current;
}

export function isPaidStatus(status: OrderStatus): boolean {
  return RANK[status] >= RANK.completed;
}

export function isRevokingStatus(status: OrderStatus): boolean {
  return status === 'refunded' || status === 'charged_back';
}

/**
 * A notification's customer details, each read from the reseller's field named in `names`; an
 * empty field is a gap (null), and the country code is upper-cased.
 */
export function readCustomerDetails(
  get: (field: string) => string,
  names: Record<keyof CustomerDetails, string>,
): CustomerDetails {
  const read = (key: keyof CustomerDetails) => get(names[key]) || null;
  return {
    company: read('company'),
    country: read('country')?.toUpperCase() ?? null,
    city: read('city'),
    region: read('region'),
    postalCode: read('postalCode'),
    addressLine1: read('addressLine1'),
    phone: read('phone'),
  };
}

export function emptyCustomer(emails: string[]): OrderCustomer {
  return {
    emails,
    name: null,
    company: null,
    country: null,
    city: null,
    region: null,
    postalCode: null,
    addressLine1: null,
    phone: null,
  };
}
