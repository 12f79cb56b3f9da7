import type { Db } from '@keydesk/db';
import { licenseForResendSelect, licenseTemplateValues } from './license-resend/get-license-for-resend.ts';
import {
  assertValidTemplate,
  type EmailTemplateContent,
  type RenderedEmail,
  renderTemplate,
} from './render-template.ts';

const SAMPLE_VALUES = {
  name: 'Ada Lovelace',
  product: 'Your product',
  edition: 'Pro',
  key: 'XXXXX-XXXXX-XXXXX-XXXXX',
  orderId: 'ORDER-1234',
  date: '1 January 2026',
};

/** A key of the same shape with every character an X: the preview shows layout, never a real key. */
export function sampleKeyLike(key: string): string {
  return key.replace(/[A-Za-z0-9]/g, 'X');
}

/**
 * A template being edited, rendered with real data: the newest license of that product (any
 * product for the default), or sample values while there is none. The key is always a sample:
 * a settings screen is no place to show a customer's key.
 */
export async function previewEmailTemplate(options: {
  db: Db;
  product: string;
  template: EmailTemplateContent;
}): Promise<RenderedEmail & { sample: { licenseId: number | null; customerName: string | null } }> {
  assertValidTemplate(options.template);
  const license = await options.db.prisma.license.findFirst({
    where: options.product === '*' ? {} : { product: options.product },
    select: licenseForResendSelect,
    orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
  });
  const values = license
    ? { ...licenseTemplateValues(license), key: sampleKeyLike(license.key) }
    : { ...SAMPLE_VALUES, product: options.product === '*' ? SAMPLE_VALUES.product : options.product };
  return {
    ...renderTemplate(options.template, values),
    sample: { licenseId: license?.id ?? null, customerName: license?.customer?.name ?? null },
  };
}
