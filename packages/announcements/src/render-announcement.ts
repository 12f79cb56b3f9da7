// Announcement templates: the key email's {{variable}} syntax and HTML escaping (packages/mail),
// with the fields an announcement may carry. A license key appears only as its last characters:
// a mass email is forwarded and archived far more than a key email.
import { type Db, isOneOf } from '@keydesk/db';
import { escapeHtml, TemplateError } from '@keydesk/mail';
import { customerNameById, newestLicenseOf, recipientFieldsOf } from './sql/audience.ts';

export const ANNOUNCEMENT_VARIABLES = [
  'name',
  'email',
  'product',
  'edition',
  'version',
  'keyEnding',
] as const;
export type AnnouncementVariable = (typeof ANNOUNCEMENT_VARIABLES)[number];
export type AnnouncementValues = Record<AnnouncementVariable, string>;

export type AnnouncementTemplate = { subject: string; textBody: string; htmlBody: string };
export type RenderedAnnouncement = { subject: string; text: string; html: string };

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
const KEY_ENDING_LENGTH = 4;

/** Refuses placeholders that name no field: a typo would otherwise reach every customer. */
export function assertValidAnnouncement(template: AnnouncementTemplate): void {
  const unknown = new Set<string>();
  for (const part of [template.subject, template.textBody, template.htmlBody]) {
    for (const match of part.matchAll(PLACEHOLDER)) {
      const name = match[1] ?? '';
      if (!isOneOf(ANNOUNCEMENT_VARIABLES, name)) unknown.add(name);
    }
  }
  if (unknown.size > 0) {
    throw new TemplateError(
      `Unknown field ${[...unknown].map((n) => `{{${n}}}`).join(', ')}; use ${ANNOUNCEMENT_VARIABLES.map((n) => `{{${n}}}`).join(', ')}.`,
    );
  }
}

/** The last characters of a key, enough for the customer to tell which license is meant. */
export function keyEnding(key: string): string {
  const plain = key.replace(/[^A-Za-z0-9]/g, '');
  return plain.length <= KEY_ENDING_LENGTH ? '' : plain.slice(-KEY_ENDING_LENGTH);
}

type Recipient = { email: string; customerId: number | null; name?: string };
type Fields = {
  name: string;
  product: string | null;
  edition: string | null;
  majorVersion: number | null;
  key: string | null;
};

const EMPTY_LICENSE = { product: null, edition: null, majorVersion: null, key: null };

function toValues(recipient: Recipient, fields: Fields | undefined): AnnouncementValues {
  const license = fields?.key == null ? undefined : fields;
  return {
    name: fields?.name ?? recipient.name ?? '',
    email: recipient.email,
    product: license?.product ?? '',
    edition: license?.edition ?? '',
    version: license?.majorVersion == null ? '' : String(license.majorVersion),
    keyEnding: license?.key ? keyEnding(license.key) : '',
  };
}

/** A recipient's fields, read fresh: a name corrected after the campaign was drafted is used. */
export function announcementValues(db: Db, recipient: Recipient): AnnouncementValues {
  if (recipient.customerId === null) return toValues(recipient, undefined);
  const license = newestLicenseOf.get(db, { customerId: recipient.customerId });
  const name = customerNameById.get(db, { customerId: recipient.customerId })?.name;
  return toValues(recipient, name === undefined ? undefined : { name, ...(license ?? EMPTY_LICENSE) });
}

/** The same fields for a queueing batch, in one read instead of two per recipient. */
export function announcementValuesOf<R extends Recipient>(
  db: Db,
  recipients: readonly R[],
): { recipient: R; values: AnnouncementValues }[] {
  const ids = recipients.flatMap((r) => (r.customerId === null ? [] : [r.customerId]));
  const byCustomer = new Map(
    recipientFieldsOf.all(db, { customerIds: JSON.stringify(ids) }).map((row) => [row.customerId, row]),
  );
  return recipients.map((recipient) => ({
    recipient,
    values: toValues(
      recipient,
      recipient.customerId === null ? undefined : byCustomer.get(recipient.customerId),
    ),
  }));
}

function fill(text: string, values: AnnouncementValues, encode: (value: string) => string): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    isOneOf(ANNOUNCEMENT_VARIABLES, name) ? encode(values[name]) : whole,
  );
}

/** The footer is added, never templated: no announcement can leave without its way out. */
export function renderAnnouncement(
  template: AnnouncementTemplate,
  values: AnnouncementValues,
  unsubscribeUrl: string,
): RenderedAnnouncement {
  const text = `${fill(template.textBody, values, (v) => v).trimEnd()}\n\n--\nUnsubscribe: ${unsubscribeUrl}\n`;
  const link = escapeHtml(unsubscribeUrl);
  const html = `${fill(template.htmlBody, values, escapeHtml)}\n<hr><p style="font-size:12px;color:#666">Don't want these emails? <a href="${link}">Unsubscribe</a>.</p>`;
  return {
    // A header is one line: a newline in a value must not start a new header.
    subject: fill(template.subject, values, (v) => v)
      .replace(/[\r\n]+/g, ' ')
      .trim(),
    text,
    html,
  };
}
