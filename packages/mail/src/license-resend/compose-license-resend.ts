import type { Db } from '@keydesk/db';
import { getEmailTemplate } from '../email-templates.ts';
import { renderTemplate } from '../render-template.ts';
import {
  type LicenseForResend,
  LicenseResendError,
  licenseTemplateValues,
} from './get-license-for-resend.ts';

export type ComposedLicenseResend = {
  from: string | null;
  to: string;
  isAlternateAddress: boolean;
  subject: string;
  text: string;
  html: string;
};

/** The exact email a resend sends: the preview and the outbox row both come from here. */
export async function composeLicenseResend(options: {
  db: Db;
  license: LicenseForResend;
  toAddress?: string | null;
  fromAddress: string | null;
}): Promise<ComposedLicenseResend> {
  const { license } = options;
  const customerAddresses = license.customer?.emails.map((e) => e.email) ?? [];
  const requested = options.toAddress?.trim().toLowerCase() || null;
  const to = requested ?? customerAddresses[0] ?? null;
  if (!to) {
    throw new LicenseResendError(
      'NO_ADDRESS',
      'This license has no customer email address; enter the address to send it to.',
    );
  }
  const template = await getEmailTemplate({ db: options.db, product: license.product });
  const rendered = renderTemplate(template, licenseTemplateValues(license));
  return {
    from: options.fromAddress,
    to,
    isAlternateAddress: !customerAddresses.includes(to),
    ...rendered,
  };
}
