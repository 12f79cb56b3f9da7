import type { Db } from '@keydesk/db';
import { composeLicenseResend } from './compose-license-resend.ts';
import { requireLicenseForResend } from './get-license-for-resend.ts';

/** What "send" would queue, rendered with the license's real data. Writes nothing. */
export async function previewLicenseResend(options: {
  db: Db;
  licenseId: number;
  toAddress?: string | null;
  fromAddress: string | null;
}) {
  const license = await requireLicenseForResend(options.db, options.licenseId);
  return composeLicenseResend({ ...options, license });
}
