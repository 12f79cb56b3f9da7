// Synthetic reseller order exports for tests and the benchmark: streamed to disk in constant memory,
// deterministic for a seed, in each reseller's own column names, date and amount formats.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Reseller } from '../order-event.ts';

const PRODUCTS = [
  ['Tessera 5', 'Home', 2900],
  ['Tessera 5', 'Pro', 7900],
  ['Tessera 5', 'Business', 14900],
  ['Tessera Batch', 'Site', 49900],
] as const;
const COUNTRIES = ['DE', 'US', 'GB', 'FR', 'JP', 'BR', 'IN', 'PL'];
const STATUSES_PAYPRO = [
  'Processed',
  'Processed',
  'Processed',
  'Processed',
  'Processed',
  'Processed',
  'Processed',
  'Refunded',
  'Chargeback',
  'Partially Refunded',
];
const STATUSES_AVANGATE = [
  'COMPLETE',
  'COMPLETE',
  'COMPLETE',
  'COMPLETE',
  'COMPLETE',
  'COMPLETE',
  'COMPLETE',
  'REFUND',
  'CHARGEBACK',
  'PAYMENT_RECEIVED',
];

const HEADERS: Record<Reseller, string> = {
  paypro:
    'Order ID,Order Date,Order Status,Customer Email,Customer Name,Country,Product Name,SKU,Quantity,Order Total,Currency,License Keys',
  avangate:
    'REFNO,SALEDATE,ORDERSTATUS,CUSTOMEREMAIL,FIRSTNAME,LASTNAME,COUNTRY_CODE,IPN_PNAME,IPN_PCODE,IPN_QTY,IPN_TOTALGENERAL,CURRENCY',
};

export function orderCsvRow(reseller: Reseller, i: number, seed = 1): string {
  let x = (i * 2654435761 + seed * 40503) >>> 0;
  const next = () => {
    x = (Math.imul(x ^ (x >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    return x;
  };
  const [product, edition, price] = PRODUCTS[next() % PRODUCTS.length] as (typeof PRODUCTS)[number];
  const quantity = next() % 10 === 0 ? 2 + (next() % 4) : 1;
  const customer = i - (next() % 5 === 0 ? Math.min(i, next() % 50) : 0);
  const email = `customer${customer}@example${customer % 97}.com`;
  const country = COUNTRIES[next() % COUNTRIES.length] as string;
  const at = new Date(Date.UTC(2019, 0, 1) + (i % 2_000_000) * 47_000);
  const total = price * quantity;
  const statuses = reseller === 'paypro' ? STATUSES_PAYPRO : STATUSES_AVANGATE;
  const status = statuses[next() % statuses.length] as string;
  const p = (n: number) => String(n).padStart(2, '0');
  if (reseller === 'paypro') {
    const hour = at.getUTCHours();
    const date = `${p(at.getUTCMonth() + 1)}/${p(at.getUTCDate())}/${at.getUTCFullYear()} ${hour % 12 || 12}:${p(at.getUTCMinutes())}:${p(at.getUTCSeconds())} ${hour < 12 ? 'AM' : 'PM'}`;
    const units = Math.floor(total / 100);
    const amount = `${units >= 1000 ? `${Math.floor(units / 1000)},${String(units % 1000).padStart(3, '0')}` : units}.${p(total % 100)}`;
    const keys = next() % 3 === 0 ? `"PP-${i}-A,\tPP-${i}-B"` : '';
    return `${10_000_000 + i},${date},${status},${email},"Customer ${customer}, Jr.",${country},${product},${edition},${quantity},"${amount}",EUR,${keys}`;
  }
  const date = `${at.getUTCFullYear()}-${p(at.getUTCMonth() + 1)}-${p(at.getUTCDate())} ${p(at.getUTCHours())}:${p(at.getUTCMinutes())}:${p(at.getUTCSeconds())}`;
  return `${70_000_000 + i},${date},${status},${email},Customer,${customer},${country.toLowerCase()},${product},${edition},${quantity},${(total / 100).toFixed(2)},USD`;
}

export async function writeOrderCsv(
  file: string,
  options: { rows: number; reseller: Reseller; seed?: number; extraLines?: Map<number, string> },
): Promise<void> {
  const out = createWriteStream(file);
  let chunk = `${HEADERS[options.reseller]}\n`;
  for (let i = 0; i < options.rows; i++) {
    const extra = options.extraLines?.get(i);
    if (extra !== undefined) chunk += `${extra}\n`;
    chunk += `${orderCsvRow(options.reseller, i, options.seed)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
