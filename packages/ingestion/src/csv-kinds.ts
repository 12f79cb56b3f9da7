// The CSV import kinds by name, so a worker thread can build the kind its importer was given.
import type { CsvImportKind } from './csv-kind.ts';
import { createOrderCsvKind } from './csv-order-import.ts';
import { createNewsletterCsvKind } from './newsletter.ts';

export function createCsvKind(kind: string, variant: string): CsvImportKind<string, unknown> | null {
  if (kind === 'orders' && (variant === 'paypro' || variant === 'avangate'))
    return createOrderCsvKind(variant) as unknown as CsvImportKind<string, unknown>;
  if (kind === 'newsletter') return createNewsletterCsvKind() as unknown as CsvImportKind<string, unknown>;
  return null;
}
