import {
  type Db,
  DomainError,
  type DomainErrorKind,
  licenseCoreSelect,
  licenseCustomerSelect,
  type Prisma,
} from '@keydesk/db';
import { outboxDeliverySelect } from '../find-outbox-emails.ts';
import { toOutboxStatus } from '../outbox-store.ts';
import type { TemplateValues } from '../render-template.ts';

const KIND_OF_CODE = { NOT_FOUND: 'not_found', BLOCKED: 'precondition', NO_ADDRESS: 'invalid' } as const;

export class LicenseResendError extends DomainError {
  readonly kind: DomainErrorKind;
  constructor(
    readonly code: keyof typeof KIND_OF_CODE,
    message: string,
  ) {
    super(message);
    this.kind = KIND_OF_CODE[code];
  }
}

/** The order as the license page shows it; the API's output schema picks the same fields. */
export const licenseOrderSelect = {
  id: true,
  reseller: true,
  resellerOrderId: true,
  purchasedAt: true,
  status: true,
  amountMinor: true,
  currency: true,
} satisfies Prisma.OrderSelect;

export const licenseForResendSelect = {
  ...licenseCoreSelect,
  customer: { select: licenseCustomerSelect },
  order: { select: licenseOrderSelect },
} satisfies Prisma.LicenseSelect;

export const licenseResendHistorySelect = {
  id: true,
  requestedAt: true,
  toAddress: true,
  isAlternateAddress: true,
  outbox: { select: outboxDeliverySelect },
} satisfies Prisma.LicenseResendSelect;

export const RESEND_HISTORY_LIMIT = 50;
const BLOCKING_ORDER_STATUSES: Record<string, string> = {
  refunded: 'The order was refunded: its key is no longer valid to send.',
  charged_back: 'The order was charged back: its key is no longer valid to send.',
};

type LicenseRow = NonNullable<Awaited<ReturnType<typeof loadLicense>>>;

function loadLicense(db: Db, licenseId: number) {
  return db.prisma.license.findUnique({ where: { id: licenseId }, select: licenseForResendSelect });
}

/** Why a license's key may not be sent, or null when it may. The button obeys this. */
export function resendBlockedReason(license: Pick<LicenseRow, 'status' | 'order'>): string | null {
  if (license.status === 'revoked') return 'The license is revoked: its key no longer works.';
  return (license.order && BLOCKING_ORDER_STATUSES[license.order.status]) ?? null;
}

/** The license page: the license, its customer and order, and its last resends with their status. */
export async function getLicenseForResend(options: { db: Db; licenseId: number }) {
  const license = await loadLicense(options.db, options.licenseId);
  if (!license) throw new LicenseResendError('NOT_FOUND', 'There is no license with this id.');
  const resends = await options.db.prisma.licenseResend.findMany({
    where: { licenseId: license.id },
    select: licenseResendHistorySelect,
    orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }],
    take: RESEND_HISTORY_LIMIT,
  });
  const blockedReason = resendBlockedReason(license);
  return {
    license,
    defaultAddress: license.customer?.emails[0]?.email ?? null,
    canResend: blockedReason === null,
    blockedReason,
    resends: resends.map((resend) => ({
      ...resend,
      outbox: { ...resend.outbox, status: toOutboxStatus(resend.outbox.status) },
    })),
  };
}

export async function requireLicenseForResend(db: Db, licenseId: number): Promise<LicenseRow> {
  const license = await loadLicense(db, licenseId);
  if (!license) throw new LicenseResendError('NOT_FOUND', 'There is no license with this id.');
  return license;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

export function licenseTemplateValues(license: LicenseRow): TemplateValues {
  return {
    name: license.customer?.name ?? 'there',
    product: license.product,
    edition: license.edition,
    key: license.key,
    orderId: license.order?.resellerOrderId ?? '—',
    date: dateFormat.format(license.order?.purchasedAt ?? license.issuedAt),
  };
}

export type LicenseForResend = LicenseRow;
