import type { Db } from '@keydesk/db';
import { redactCardNumbers } from '@keydesk/privacy';
import { BUILT_IN_TEMPLATE, DEFAULT_TEMPLATE_PRODUCT } from './default-template.ts';
import { assertValidTemplate, type EmailTemplateContent } from './render-template.ts';
import { licensedProducts } from './sql.ts';

export type EmailTemplateEntry = EmailTemplateContent & {
  product: string;
  /** Saved by the owner for this product; otherwise the entry shows what is used instead. */
  isCustom: boolean;
  /** Where the text comes from: the product's own row, the "*" row, or the built-in text. */
  source: 'product' | 'default' | 'built-in';
  updatedAt: Date | null;
};

const templateSelect = {
  product: true,
  subject: true,
  textBody: true,
  htmlBody: true,
  updatedAt: true,
} as const;

/** The template a product's email uses: its own, else the owner's "*" one, else the built-in text. */
export async function getEmailTemplate(options: { db: Db; product: string }): Promise<EmailTemplateEntry> {
  const rows = await options.db.prisma.emailTemplate.findMany({
    select: templateSelect,
    where: { product: { in: [options.product, DEFAULT_TEMPLATE_PRODUCT] } },
  });
  const own = rows.find((row) => row.product === options.product);
  const fallback = rows.find((row) => row.product === DEFAULT_TEMPLATE_PRODUCT);
  const chosen = own ?? fallback;
  return {
    product: options.product,
    subject: chosen?.subject ?? BUILT_IN_TEMPLATE.subject,
    textBody: chosen?.textBody ?? BUILT_IN_TEMPLATE.textBody,
    htmlBody: chosen?.htmlBody ?? BUILT_IN_TEMPLATE.htmlBody,
    isCustom: Boolean(own),
    source: own
      ? own.product === DEFAULT_TEMPLATE_PRODUCT
        ? 'default'
        : 'product'
      : fallback
        ? 'default'
        : 'built-in',
    updatedAt: chosen?.updatedAt ?? null,
  };
}

/** The default ("*") first, then every product that has a license or a template of its own. */
export async function findEmailTemplates(options: { db: Db }): Promise<EmailTemplateEntry[]> {
  const licensed = licensedProducts.all(options.db).map((row) => row.product);
  const saved = await options.db.prisma.emailTemplate.findMany({ select: { product: true } });
  const products = [
    ...new Set(
      [...licensed, ...saved.map((row) => row.product)].filter((p) => p !== DEFAULT_TEMPLATE_PRODUCT),
    ),
  ].sort((a, b) => a.localeCompare(b));
  return Promise.all(
    [DEFAULT_TEMPLATE_PRODUCT, ...products].map((product) => getEmailTemplate({ db: options.db, product })),
  );
}

export async function updateEmailTemplate(options: {
  db: Db;
  product: string;
  template: EmailTemplateContent;
}): Promise<EmailTemplateEntry> {
  assertValidTemplate(options.template);
  // Owner-typed text is redacted like every other input; the key itself is only a placeholder here.
  const subject = redactCardNumbers(options.template.subject);
  const textBody = redactCardNumbers(options.template.textBody);
  const htmlBody = redactCardNumbers(options.template.htmlBody);
  await options.db.prisma.emailTemplate.upsert({
    where: { product: options.product },
    create: { product: options.product, subject, textBody, htmlBody },
    update: { subject, textBody, htmlBody },
    select: { id: true },
  });
  return getEmailTemplate({ db: options.db, product: options.product });
}

/** Removes a product's own template, so it uses the default again. */
export async function resetEmailTemplate(options: { db: Db; product: string }): Promise<EmailTemplateEntry> {
  await options.db.prisma.emailTemplate.deleteMany({ where: { product: options.product } });
  return getEmailTemplate({ db: options.db, product: options.product });
}
