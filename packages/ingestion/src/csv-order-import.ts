// Reseller order exports (CSV). Neither reseller documents its export publicly, so the accepted
// header names are liberal; see the package README for the list.
import { redactRecord } from '@keydesk/privacy';
import { type CsvImportKind, RowRejectedError } from './csv-kind.ts';
import { emptyCustomer, type OrderEvent, type OrderEventKind, type Reseller } from './order-event.ts';
import { createOrderWriter } from './order-writer.ts';
import { splitPayProLicenses } from './paypro-ipn.ts';
import { normalizeEmail, parseAmountMinor, parseResellerDate } from './reseller-values.ts';

export const ORDER_CSV_COLUMNS = {
  orderId: [
    'Order ID',
    'Order Id',
    'ORDER_ID',
    'Order',
    'Order No',
    'Order Number',
    'REFNO',
    'Reference',
    'Order Reference',
    'Ref No',
  ],
  date: [
    'Date',
    'Order Date',
    'Order Placed',
    'ORDER_PLACED_TIME_UTC',
    'Placed',
    'Created',
    'Purchase Date',
    'SALEDATE',
    'Sale Date',
    'Order Date (UTC)',
  ],
  status: ['Status', 'Order Status', 'ORDER_STATUS', 'ORDERSTATUS', 'State'],
  email: [
    'Email',
    'E-mail',
    'Customer Email',
    'CUSTOMER_EMAIL',
    'CUSTOMEREMAIL',
    'Email Address',
    'Buyer Email',
  ],
  name: ['Customer Name', 'CUSTOMER_NAME', 'Name', 'Buyer Name', 'Full Name'],
  firstName: ['First Name', 'FIRSTNAME', 'CUSTOMER_FIRST_NAME', 'Customer First Name'],
  lastName: ['Last Name', 'LASTNAME', 'CUSTOMER_LAST_NAME', 'Customer Last Name'],
  company: ['Company', 'Company Name', 'COMPANY_NAME', 'COMPANY', 'Organization'],
  country: ['Country', 'Country Code', 'CUSTOMER_COUNTRY_CODE', 'COUNTRY_CODE', 'Billing Country'],
  city: ['City', 'CUSTOMER_CITY', 'CITY'],
  product: ['Product', 'Product Name', 'ORDER_ITEM_NAME', 'IPN_PNAME', 'Item', 'Item Name'],
  edition: ['Edition', 'SKU', 'Product Code', 'ORDER_ITEM_SKU', 'IPN_PCODE', 'Product SKU', 'Variant'],
  quantity: ['Quantity', 'Qty', 'PRODUCT_QUANTITY', 'IPN_QTY', 'Seats'],
  amount: [
    'Total',
    'Amount',
    'Order Total',
    'Total Amount',
    'ORDER_TOTAL_AMOUNT',
    'IPN_TOTALGENERAL',
    'Total Price',
    'Gross',
    'Price',
  ],
  currency: ['Currency', 'ORDER_CURRENCY_CODE', 'CURRENCY', 'Currency Code'],
  refunded: ['Refunded', 'Refunded Amount', 'Refund Amount', 'ORDER_REFUNDED'],
  licenseKeys: [
    'License',
    'License Key',
    'License Keys',
    'Licenses',
    'ORDER_ITEM_LICENSES',
    'Delivered Codes',
    'IPN_DELIVEREDCODES',
    'Key',
    'Keys',
    'Activation Code',
  ],
  test: ['Test', 'Test Mode', 'TEST_MODE', 'Test Order', 'TEST_ORDER', 'Is Test'],
} as const;

type OrderField = keyof typeof ORDER_CSV_COLUMNS;

/** Status words of both resellers' exports and IPNs, read by what they contain. */
export function readOrderStatus(text: string): OrderEventKind | null {
  const s = text.toLowerCase().replace(/[^a-z]/g, '');
  if (s === '') return null;
  if (s.includes('chargeback') && (s.includes('won') || s.includes('reversed'))) return 'chargeback_won';
  if (s.includes('chargeback') || s.includes('chargedback') || s.includes('dispute')) return 'charged_back';
  if (s.includes('partial')) return 'partially_refunded';
  if (s.includes('refund')) return 'refunded';
  if (
    /^(complete|completed|processed|paid|success|successful|finished|paymentreceived|charged|approved|ordercharged)$/.test(
      s,
    )
  )
    return 'charged';
  if (/^(pending|waiting|authorized|paymentauthorized|purchasepending|pendingapproval|onwaiting)$/.test(s))
    return 'pending';
  if (/^(canceled|cancelled|declined|reversed|failed|void|orderdeclined)$/.test(s)) return 'canceled';
  return null;
}

/**
 * A read row, kept flat until it is written. Why not the OrderEvent itself: a batch of thousands of
 * nested events outlives the young generation and piles up as old-generation garbage.
 */
type OrderCsvValues = [
  orderId: string,
  kind: OrderEventKind,
  purchasedAtMs: number,
  email: string,
  name: string | null,
  company: string | null,
  country: string | null,
  city: string | null,
  product: string,
  edition: string,
  quantity: number,
  licenseKeys: string[],
  amountMinor: number,
  currency: string,
  refundedMinor: number,
  isTest: boolean,
];

function orderEventOf(reseller: Reseller, values: OrderCsvValues): OrderEvent {
  const [
    orderId,
    kind,
    purchasedAtMs,
    email,
    name,
    company,
    country,
    city,
    product,
    edition,
    quantity,
    licenseKeys,
    amountMinor,
    currency,
    refundedMinor,
    isTest,
  ] = values;
  const purchasedAt = new Date(purchasedAtMs);
  return {
    reseller,
    resellerOrderId: orderId,
    kind,
    occurredAt: purchasedAt,
    purchasedAt,
    customer: { ...emptyCustomer([email]), name, company, country, city },
    items: [{ product, edition, quantity, licenseKeys }],
    amountMinor,
    currency,
    refundedMinor,
    isTest,
  };
}

export function createOrderCsvKind(reseller: Reseller): CsvImportKind<OrderField, OrderCsvValues> {
  return {
    kind: 'orders',
    variant: reseller,
    columns: ORDER_CSV_COLUMNS,
    required: [['orderId'], ['date'], ['email'], ['amount'], ['currency'], ['product']],
    read(raw) {
      // Redact before anything else touches the row: nothing below may write a card number.
      const row = redactRecord(raw);
      const orderId = (row.orderId ?? '').trim();
      if (!/^[A-Za-z0-9_-]{1,100}$/.test(orderId))
        throw new RowRejectedError('missing or malformed order id');
      const email = normalizeEmail(row.email ?? '');
      if (!email) throw new RowRejectedError(`"${(row.email ?? '').slice(0, 80)}" is not an email address`);
      const purchasedAt = parseResellerDate(row.date ?? '');
      if (!purchasedAt) throw new RowRejectedError(`"${(row.date ?? '').slice(0, 40)}" is not a date`);
      const currency = (row.currency ?? '').trim().toUpperCase();
      if (!/^[A-Z]{3}$/.test(currency))
        throw new RowRejectedError(`"${currency.slice(0, 10)}" is not a currency code`);
      const amount = parseAmountMinor(row.amount ?? '', currency);
      if (amount === null)
        throw new RowRejectedError(`"${(row.amount ?? '').slice(0, 40)}" is not an amount`);
      const kind =
        row.status === undefined || row.status.trim() === '' ? 'charged' : readOrderStatus(row.status);
      if (!kind) throw new RowRejectedError(`unknown status "${(row.status ?? '').slice(0, 40)}"`);
      const quantity = row.quantity ? Number(row.quantity.trim()) : 1;
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > 100_000)
        throw new RowRejectedError('quantity is not a positive whole number');
      const product = (row.product ?? '').trim();
      if (product === '') throw new RowRejectedError('no product');
      const name =
        row.name?.trim() || [row.firstName?.trim(), row.lastName?.trim()].filter(Boolean).join(' ') || null;
      const country = row.country?.trim().toUpperCase() ?? '';
      const refunded = row.refunded ? parseAmountMinor(row.refunded, currency) : 0;
      return [
        orderId,
        kind,
        purchasedAt.getTime(),
        email,
        name,
        row.company?.trim() || null,
        /^[A-Z]{2}$/.test(country) ? country : null,
        row.city?.trim() || null,
        product,
        row.edition?.trim() ?? '',
        quantity,
        splitPayProLicenses(row.licenseKeys ?? ''),
        Math.abs(amount),
        currency,
        Math.abs(refunded ?? 0),
        /^(1|true|yes|y)$/i.test(row.test?.trim() ?? ''),
      ];
    },
    // hasLicenseForProduct and the revoke/restore updates find an order's licenses by orderId.
    bulk: {
      tables: ['Customer', 'CustomerEmail', 'Order', 'License'],
      keepIndexes: ['License_orderId_idx'],
      searchTables: ['CustomerSearch', 'CustomerNameWord'],
      sizeTable: 'Order',
    },
    openWriter(db, now) {
      const writer = createOrderWriter({ db, now: () => now });
      return (values) => {
        const { outcome } = writer.apply(orderEventOf(reseller, values));
        return outcome === 'unchanged' ? 'skipped' : outcome;
      };
    },
  };
}
