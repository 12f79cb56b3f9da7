// Announcement templates: the key email's {{variable}} syntax and HTML escaping (packages/mail),
// with the fields an announcement may carry. A license key appears only as its last characters:
// a mass email is forwarded and archived far more than a key email.
import type { Db } from '@keydesk/db';
import { escapeHtml, fillTemplate, findUnknownPlaceholders, TemplateError } from '@keydesk/mail';
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

const KEY_ENDING_LENGTH = 4;

/** Refuses placeholders that name no field: a typo would otherwise reach every customer. */
export function assertValidAnnouncement(template: AnnouncementTemplate): void {
  const unknown = findUnknownPlaceholders(template, ANNOUNCEMENT_VARIABLES);
  if (unknown.length > 0) {
    throw new TemplateError(
      `Unknown field ${unknown.map((n) => `{{${n}}}`).join(', ')}; use ${ANNOUNCEMENT_VARIABLES.map((n) => `{{${n}}}`).join(', ')}.`,
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

/** The footer is added, never templated: no announcement can leave without its way out. */
export function renderAnnouncement(
  template: AnnouncementTemplate,
  values: AnnouncementValues,
  unsubscribeUrl: string,
): RenderedAnnouncement {
  const filled = fillTemplate(template, ANNOUNCEMENT_VARIABLES, values);
  const link = escapeHtml(unsubscribeUrl);
  return {
    subject: filled.subject,
    text: `${filled.text.trimEnd()}\n\n--\nUnsubscribe: ${unsubscribeUrl}\n`,
    html: `${filled.html}\n<hr><p style="font-size:12px;color:#666">Don't want these emails? <a href="${link}">Unsubscribe</a>.</p>`,
  };
}
